package dev.berth.ecs.taskdef;

import dev.berth.ecs.resource.Diags;
import dev.berth.engine.provider.ProviderDiagnostic;

import java.util.List;
import java.util.Map;

/**
 * ECS's rules for FireLens, checked when a task definition is: RegisterTaskDefinition's own (in
 * its words: an awsfirelens driver needs a router, a router needs an awsfirelens container, the
 * router's type), and the agent's checks of the router's config-file options, moved forward so
 * such a definition fails at plan rather than at every start. {@code config-file-type s3} is
 * refused: berth has no S3 to read it from. An output without its plugin name is registered, as
 * ECS registers it, with a warning: the task fails when it starts, as the agent fails it.
 */
public final class FirelensRules {
    static final String NEEDS_ROUTER = "When awsfirelens log driver is specified in log configuration, a firelens "
            + "configuration object must be configured in one of the containers.";
    static final String NEEDS_ROUTED = "When a firelensConfiguration object is specified, at least one container has "
            + "to be configured with the awsfirelens log driver.";

    private FirelensRules() {
    }

    static void report(ContainerSource src, List<ContainerDefinition> cs, List<ProviderDiagnostic> out) {
        for (ContainerDefinition c : cs) {
            // A value known only after apply is checked then.
            if (!c.known("firelensConfiguration") || !c.known("logConfiguration") || !c.known("name")) return;
        }
        int router = -1;
        boolean anyRouted = false;
        int firstRouted = -1;
        for (int i = 0; i < cs.size(); i++) {
            ContainerDefinition c = cs.get(i);
            FirelensConfiguration f = FirelensConfiguration.of(c.extra("firelensConfiguration"));
            if (f != null) {
                if (router >= 0) {
                    out.add(Diags.error(label(c, i) + ": only one container of a task can have a "
                            + "firelensConfiguration; \"" + cs.get(router).name() + "\" already has one.",
                            src.path(i, "firelensConfiguration")));
                } else {
                    router = i;
                }
                for (String p : routerProblems(f)) {
                    out.add(Diags.error(label(c, i) + ": " + p, src.path(i, "firelensConfiguration")));
                }
            }
            LogConfiguration lc = LogConfiguration.of(c);
            if (lc != null && LogDrivers.AWSFIRELENS.equals(lc.logDriver())) {
                anyRouted = true;
                if (firstRouted < 0) firstRouted = i;
            }
        }
        if (anyRouted && router < 0) out.add(Diags.error(NEEDS_ROUTER, src.path(firstRouted, "logConfiguration")));
        if (router >= 0 && !anyRouted) out.add(Diags.error(NEEDS_ROUTED, src.path(router, "firelensConfiguration")));
        if (router < 0) return;
        String type = FirelensConfiguration.of(cs.get(router).extra("firelensConfiguration")).type();
        for (int i = 0; i < cs.size(); i++) {
            LogConfiguration lc = LogConfiguration.of(cs.get(i));
            if (lc == null || !LogDrivers.AWSFIRELENS.equals(lc.logDriver())) continue;
            String p = missingOutputKey(lc, type);
            // ECS registers this; its agent fails the task when it writes the router's configuration.
            if (p != null) {
                out.add(Diags.warning(label(cs.get(i), i) + ": " + p + "; a task of this definition will fail to "
                        + "start, as on ECS.", src.path(i, "logConfiguration")));
            }
        }
    }

    /** The router's own problems: its type and config-file options, in the agent's words where it has them. */
    static List<String> routerProblems(FirelensConfiguration f) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        if (!"fluentbit".equals(f.type()) && !"fluentd".equals(f.type())) {
            out.add("firelensConfiguration type must be fluentbit or fluentd"
                    + (f.type() == null ? "." : ", not \"" + f.type() + "\"."));
        }
        String fileType = f.options().get("config-file-type");
        if (fileType != null) {
            if ("s3".equals(fileType)) {
                out.add("berth cannot honour firelensConfiguration option config-file-type \"s3\": there is no S3 to "
                        + "read the file from; put the file in the router's image and use config-file-type \"file\" "
                        + "with its path.");
            } else if (!"file".equals(fileType)) {
                out.add("invalid value " + fileType + " is specified for option config-file-type");
            }
            if (f.options().get("config-file-value") == null) {
                out.add("option config-file-type is specified but config-file-value is not specified");
            }
        }
        return out;
    }

    /**
     * ECS's agent needs the output plugin's name ({@code Name}, or {@code @type} for fluentd) once
     * any plugin option is given, secret options included; its sentence, or null.
     */
    public static String missingOutputKey(LogConfiguration lc, String type) {
        String key = "fluentd".equals(type) ? "@type" : "Name";
        if (lc.options().containsKey(key)) return null;
        boolean pluginOptions = !lc.secretOptions().isEmpty();
        for (String k : lc.options().keySet()) {
            pluginOptions |= !k.equals("include-pattern") && !k.equals("exclude-pattern")
                    && !k.equals("log-driver-buffer-limit");
        }
        return pluginOptions ? "missing output key " + key + " which is required for firelens configuration of type "
                + type : null;
    }

    private static String label(ContainerDefinition c, int i) {
        return c.name() == null ? "Container " + (i + 1) : "Container \"" + c.name() + "\"";
    }
}
