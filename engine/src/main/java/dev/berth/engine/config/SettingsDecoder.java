package dev.berth.engine.config;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.diag.Suggestions;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.ObjectConsExpr;
import dev.berth.engine.hcl.TemplateExpr;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the {@code terraform { ... }} and {@code provider "ecs" { ... }} blocks of files
 * ported from Terraform. Misspelt or unknown arguments are errors, as in Terraform; settings
 * berth accepts but does not act on are warnings that name the setting, each said once per
 * configuration however many files repeat it.
 */
final class SettingsDecoder {
    private static final List<String> TERRAFORM_ARGS = List.of("experiments", "required_version");
    private static final List<String> TERRAFORM_BLOCKS = List.of("backend", "cloud", "provider_meta", "required_providers");
    private static final List<String> PROVIDER_META_ARGS = List.of("alias", "version");

    /**
     * The ecs provider's arguments: name to why it is ignored (null when berth acts on it, and
     * then its constant string value is kept in the configuration's {@link ProviderConfig}).
     */
    static final String FARGATE_VCPU_QUOTA = "fargate_vcpu_quota";
    static final Map<String, String> ECS_PROVIDER_ARGS = ecsProviderArgs();

    private static Map<String, String> ecsProviderArgs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("region", "berth's ECS world is local: every ARN has region \"local\"");
        // The control plane's file (see the provider's StoreLocation); relative to the configuration.
        m.put("store", null);
        // The account's Fargate On-Demand vCPU quota, a whole number (default: the local engine's CPUs).
        m.put(FARGATE_VCPU_QUOTA, null);
        // A berth server's URL: the provider becomes its client instead of running a control plane.
        m.put("endpoint", null);
        // A price list file for plans' cost sections, read instead of the built-in one.
        m.put("prices", null);
        return m;
    }

    private final Diagnostics diags;
    private final StaticEvaluator statics;
    private final Set<String> warned = new HashSet<>();
    private final Map<String, SourceRange> providers = new LinkedHashMap<>();
    private final Map<String, ProviderConfig> configs = new LinkedHashMap<>();
    private final BackendDecoder backend;

    SettingsDecoder(Diagnostics diags, StaticEvaluator statics) {
        this.diags = diags;
        this.statics = statics;
        this.backend = new BackendDecoder(diags, statics);
    }

    /** The configuration's {@code backend "pg"} block, if it has one. */
    java.util.Optional<BackendConfig> backend() {
        return backend.config();
    }

    /** The default (unaliased) provider blocks' settings that berth acts on, by provider name. */
    Map<String, ProviderConfig> providers() {
        return configs;
    }

    void terraform(Block b) {
        if (!b.labels().isEmpty()) {
            diags.error("Invalid terraform block: it takes no labels, but found " + b.labels().size() + ".", "",
                    b.labelRanges().get(0));
        }
        for (Attribute a : b.body().attributes()) {
            if (!TERRAFORM_ARGS.contains(a.name())) {
                unsupported(a, "terraform", TERRAFORM_ARGS);
            } else if (a.name().equals("required_version")) {
                if (!(a.expr() instanceof TemplateExpr t) || t.staticText().isEmpty()) {
                    diags.error("Invalid required_version: expected a version constraint string, such as \">= 1.5\".",
                            "", a.expr().range());
                } else {
                    warnOnce("required_version", "required_version is not checked",
                            "berth is not Terraform, so a Terraform version constraint says nothing about it; "
                                    + "the constraint is ignored.", a.nameRange());
                }
            } else {
                warnOnce("experiments", "experiments are ignored",
                        "berth has no Terraform language experiments.", a.nameRange());
            }
        }
        for (Block nested : b.body().blocks()) {
            switch (nested.type()) {
                case "required_providers" -> requiredProviders(nested);
                case "backend" -> {
                    if (nested.labels().size() != 1) {
                        diags.error("Invalid backend block: expected one label, the backend type, as in backend \"s3\".",
                                "", nested.typeRange());
                    } else if (BackendDecoder.supported(nested.labels().get(0))) {
                        backend.decode(nested);
                    } else {
                        warnOnce("backend", "backend \"" + nested.labels().get(0) + "\" is ignored",
                                "berth keeps its state in a SQLite file (berth.db beside the configuration, or "
                                        + "-state=PATH) or in PostgreSQL (backend \"pg\"); the backend's settings"
                                        + " are not used.", nested.typeRange());
                    }
                }
                case "cloud" -> warnOnce("cloud", "the cloud block is ignored",
                        "berth runs locally and keeps its state in berth.db (or -state=PATH).", nested.typeRange());
                case "provider_meta" -> warnOnce("provider_meta", "provider_meta is ignored",
                        "berth's ecs provider takes no module metadata.", nested.typeRange());
                default -> diags.error("Unsupported block type: blocks of type \"" + nested.type()
                                + "\" are not expected in a terraform block."
                                + Suggestions.didYouMean(nested.type(), TERRAFORM_BLOCKS),
                        "Valid block types are: " + String.join(", ", TERRAFORM_BLOCKS) + ".", nested.typeRange());
            }
        }
    }

    private void requiredProviders(Block b) {
        for (Attribute a : b.body().attributes()) {
            boolean shaped = a.expr() instanceof ObjectConsExpr
                    || (a.expr() instanceof TemplateExpr t && t.staticText().isPresent());
            if (!shaped) {
                diags.error("Invalid required_providers entry \"" + a.name() + "\": expected an object such as "
                        + "{ source = \"...\", version = \"...\" }.", "", a.expr().range());
            }
        }
        warnOnce("required_providers", "required_providers is ignored",
                "berth has one built-in provider, ecs; nothing is downloaded and no version is checked.",
                b.typeRange());
    }

    void provider(Block b) {
        if (b.labels().size() != 1) {
            diags.error("Invalid provider block: expected one label, the provider name, as in provider \"ecs\".",
                    "", b.typeRange());
            return;
        }
        String name = b.labels().get(0);
        if (!name.equals("ecs")) {
            diags.error("Unsupported provider \"" + name + "\": berth has only the ecs provider.",
                    "Resources of berth are ecs_*; configure them with provider \"ecs\".", b.labelRanges().get(0));
            return;
        }
        String alias = b.body().attribute("alias").map(a -> a.expr() instanceof TemplateExpr t
                ? t.staticText().orElse("") : "").orElse("");
        SourceRange first = providers.putIfAbsent(alias, b.typeRange());
        if (first != null) {
            diags.error("Duplicate provider configuration: provider \"ecs\"" + (alias.isEmpty() ? "" : " with alias \""
                    + alias + "\"") + " was already configured at " + first.file() + ":" + first.line() + ".",
                    "", b.typeRange());
        }
        List<String> allowed = new java.util.ArrayList<>(ECS_PROVIDER_ARGS.keySet());
        allowed.addAll(PROVIDER_META_ARGS);
        Map<String, Value> acted = new LinkedHashMap<>();
        Map<String, SourceRange> ranges = new LinkedHashMap<>();
        for (Attribute a : b.body().attributes()) {
            if (!allowed.contains(a.name())) {
                unsupported(a, "provider \"ecs\"", allowed);
            } else if (a.name().equals("version")) {
                warnOnce("provider.version", "version in provider \"ecs\" is ignored",
                        "The ecs provider is built into berth.", a.nameRange());
            } else if (a.name().equals("alias")) {
                warnOnce("provider.alias", "alias in provider \"ecs\" is ignored",
                        "berth has one ecs provider configuration; resources cannot choose another.", a.nameRange());
            } else if (ECS_PROVIDER_ARGS.get(a.name()) != null) {
                warnOnce("provider." + a.name(), a.name() + " in provider \"ecs\" is ignored",
                        ECS_PROVIDER_ARGS.get(a.name()) + ".", a.nameRange());
            } else if (a.name().equals(FARGATE_VCPU_QUOTA)) {
                Value v = statics.evaluate(a.expr(), diags).unmarked();
                if (v instanceof NumberValue n && n.value().signum() > 0 && n.value().stripTrailingZeros().scale() <= 0) {
                    acted.put(a.name(), n);
                    ranges.put(a.name(), a.expr().range());
                } else if (!v.isNull() && v.isWhollyKnown()) {
                    diags.error("Invalid value for " + a.name() + ": a whole number of vCPUs of at least 1 is required.",
                            "", a.expr().range());
                }
            } else {
                statics.string(a.expr(), a.name(), diags).ifPresent(v -> {
                    if (v.isEmpty()) {
                        diags.error("Invalid value for " + a.name() + ": it must not be empty.", "", a.expr().range());
                    } else {
                        acted.put(a.name(), new StringValue(v));
                        ranges.put(a.name(), a.expr().range());
                    }
                });
            }
        }
        if (alias.isEmpty() && first == null) configs.put(name, new ProviderConfig(name, acted, ranges, b.typeRange()));
        for (Block nested : b.body().blocks()) {
            diags.error("Unsupported block type: blocks of type \"" + nested.type()
                    + "\" are not expected in a provider \"ecs\" block.", "", nested.typeRange());
        }
    }

    private void unsupported(Attribute a, String where, List<String> allowed) {
        diags.error("Unsupported argument: an argument named \"" + a.name() + "\" is not expected in a " + where
                        + " block." + Suggestions.didYouMean(a.name(), allowed),
                "Valid arguments are: " + String.join(", ", allowed) + ".", a.nameRange());
    }

    private void warnOnce(String key, String summary, String detail, SourceRange at) {
        if (warned.add(key)) diags.add(Diagnostic.warning("Ignored setting: " + summary, detail, at));
    }
}
