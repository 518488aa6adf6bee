package dev.berth.engine.run;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.diag.Suggestions;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.LocalConfig;
import dev.berth.engine.config.OutputConfig;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.config.VariableConfig;
import dev.berth.engine.decode.SchemaChecker;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.ConfigFile;
import dev.berth.engine.memo.LastRead;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checks that need no values: resource and data source types, arguments against schemas, references, cycles. */
public final class ConfigCheck {
    private ConfigCheck() {
    }

    /**
     * The last check of this process that found nothing, with what it checked, by configuration
     * directory. A background berth checks an unchanged configuration plan after plan, and the
     * configuration loader gives back the very blocks and resources it decoded before: checking
     * them again (100,000 resources against their schema, their references and the graph) was
     * a tenth of a served plan. A check that found something is not kept, so it reports again.
     */
    private static final LastRead<Path, Checked> CHECKED = new LastRead<>();

    public static ConfigGraph check(Config config, Providers providers, Diagnostics diags) {
        // A JVM of its own checks once: no list of every block to make for a next check.
        if (!LastRead.keepsAcrossReads()) return checkAll(config, providers, diags);
        Inputs now = Inputs.of(config, providers);
        LastRead.Pass<Path, Checked> pass = CHECKED.begin();
        List<ConfigGraph> made = new ArrayList<>(1);
        Checked kept = pass.get(config.dir(), was -> was.inputs().sameAs(now), dir -> {
            int before = diags.size();
            made.add(checkAll(config, providers, diags));
            return diags.size() == before ? new Checked(now, made.get(0)) : null;
        });
        pass.end();
        return kept != null ? kept.graph() : made.get(0);
    }

    private static ConfigGraph checkAll(Config config, Providers providers, Diagnostics diags) {
        // Each resource is checked on its own, so on every core; the findings keep the resources' order.
        List<Diagnostics> found = List.copyOf(config.resources().values()).parallelStream().map(rc -> {
            Diagnostics d = new Diagnostics();
            check(rc, providers, d);
            return d;
        }).toList();
        found.forEach(diags::addAll);
        PrimitiveAttributeCheck.check(config, providers, diags);
        return ConfigGraph.build(config, diags);
    }

    private record Checked(Inputs inputs, ConfigGraph graph) {
    }

    /**
     * All the checks read: the files' top-level blocks and attributes, the declarations and the
     * schemas. Blocks and resources compare by identity (the loader's memo gives back the same
     * objects for unchanged text, and comparing 100,000 resource trees would cost what checking
     * them does); the few declarations and schemas compare by value.
     */
    private record Inputs(List<Block> blocks, List<Attribute> attributes, Map<String, VariableConfig> variables,
                          Map<String, LocalConfig> locals, Map<String, OutputConfig> outputs,
                          Map<ResourceAddr, ResourceConfig> resources, Map<String, ResourceSchema> schemas,
                          Map<String, ResourceSchema> dataSchemas) {
        static Inputs of(Config config, Providers providers) {
            List<Block> blocks = new ArrayList<>();
            List<Attribute> attributes = new ArrayList<>();
            for (ConfigFile f : config.files()) {
                blocks.addAll(f.body().blocks());
                attributes.addAll(f.body().attributes());
            }
            return new Inputs(blocks, attributes, config.variables(), config.locals(), config.outputs(),
                    config.resources(), Map.copyOf(providers.resourceSchemas()), Map.copyOf(providers.dataSourceSchemas()));
        }

        boolean sameAs(Inputs o) {
            if (blocks.size() != o.blocks.size() || resources.size() != o.resources.size()) return false;
            for (int i = 0; i < blocks.size(); i++) if (blocks.get(i) != o.blocks.get(i)) return false;
            for (Map.Entry<ResourceAddr, ResourceConfig> e : o.resources.entrySet()) {
                if (resources.get(e.getKey()) != e.getValue()) return false;
            }
            return attributes.equals(o.attributes) && variables.equals(o.variables) && locals.equals(o.locals)
                    && outputs.equals(o.outputs) && schemas.equals(o.schemas) && dataSchemas.equals(o.dataSchemas);
        }
    }

    private static void check(ResourceConfig rc, Providers providers, Diagnostics diags) {
        Optional<ResourceSchema> schema = providers.schema(rc.addr());
        if (schema.isEmpty() && rc.addr().isData()) {
            diags.error("Invalid data source: berth has no data source named \"" + rc.addr().type() + "\"."
                            + Suggestions.didYouMean(rc.addr().type(), providers.dataSourceTypes()),
                    providers.dataSourceTypes().isEmpty() ? "No provider offers data sources."
                            : "Valid data sources are: " + String.join(", ", providers.dataSourceTypes()) + ".",
                    rc.block().labelRanges().get(0));
            return;
        }
        if (schema.isEmpty()) {
            diags.error("Invalid resource type: berth has no resource type named \"" + rc.addr().type() + "\"."
                            + Suggestions.didYouMean(rc.addr().type(), providers.types()),
                    "Valid resource types are: " + String.join(", ", providers.types()) + ".",
                    rc.block().labelRanges().get(0));
            return;
        }
        SchemaChecker.check(rc, schema.get().body(), diags);
    }
}
