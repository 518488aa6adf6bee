package dev.berth.ecs.task.firelens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The log router's configuration file as ECS's agent generates it (its Go templates for Fluent
 * Bit and Fluentd, section for section): a forward input on the unix socket
 * {@value #SOCKET} and, in bridge and awsvpc modes, on TCP {@value #PORT} (bound to 0.0.0.0 and
 * 127.0.0.1) with Fluent Bit's health-check input; the include and exclude grep filters; the ECS
 * metadata fields; an included user file ({@code config-file-type file}); one output per
 * {@code awsfirelens} container, matching the tag {@code <container>-firelens*}.
 */
public final class RouterConfig {
    public static final String SOCKET = "/var/run/fluent.sock";
    public static final String PORT = "24224";
    public static final String FLUENTBIT_PATH = "/fluent-bit/etc/fluent-bit.conf";
    public static final String FLUENTD_PATH = "/fluentd/etc/fluent.conf";
    private static final String INDENT = "    ";

    private record Section(String name, String tag, Map<String, String> options) {
    }

    private record Grep(String tag, String regex, boolean exclude) {
    }

    private RouterConfig() {
    }

    /** Where the file goes inside the router's image. */
    public static String path(String type) {
        return RouterRequest.FLUENTD.equals(type) ? FLUENTD_PATH : FLUENTBIT_PATH;
    }

    /** The configuration text. Log options with plugin options but no plugin name were refused at registration. */
    public static String render(RouterRequest r) {
        boolean fluentd = r.fluentd();
        String any = fluentd ? "**" : "*";
        List<Section> inputs = new ArrayList<>();
        List<Section> outputs = new ArrayList<>();
        if (fluentd) {
            inputs.add(new Section("unix", null, Map.of("path", SOCKET)));
        } else {
            inputs.add(new Section("forward", null, Map.of("unix_path", SOCKET, "Mem_Buf_Limit", memBufLimit(r))));
        }
        String bind = "bridge".equals(r.networkMode()) ? "0.0.0.0" : "awsvpc".equals(r.networkMode()) ? "127.0.0.1" : null;
        if (bind != null) {
            inputs.add(new Section("forward", null, fluentd ? Map.of("port", PORT, "bind", bind)
                    : Map.of("Port", PORT, "Listen", bind)));
            if (!fluentd) {
                inputs.add(new Section("tcp", "firelens-healthcheck", Map.of("Port", "8877", "Listen", "127.0.0.1")));
                outputs.add(new Section("null", "firelens-healthcheck", Map.of()));
            }
        }
        List<Grep> greps = new ArrayList<>();
        String outputKey = fluentd ? "@type" : "Name";
        for (Map.Entry<String, Map<String, String>> e : r.containerOptions().entrySet()) {
            String tag = e.getKey() + "-firelens" + any;
            Map<String, String> options = new TreeMap<>();
            for (Map.Entry<String, String> o : e.getValue().entrySet()) {
                switch (o.getKey()) {
                    case "include-pattern" -> greps.add(new Grep(tag, o.getValue(), false));
                    case "exclude-pattern" -> greps.add(new Grep(tag, o.getValue(), true));
                    default -> {
                        if (!o.getKey().equals(outputKey)) options.put(o.getKey(), o.getValue());
                    }
                }
            }
            String plugin = e.getValue().get(outputKey);
            if (plugin != null) outputs.add(new Section(plugin, tag, options));
        }
        Map<String, String> record = new LinkedHashMap<>();
        if (r.ecsMetadata()) {
            record.put("ecs_cluster", r.cluster());
            record.put("ecs_task_arn", r.taskArn());
            record.put("ecs_task_definition", r.taskDefinition());
        }
        String include = "file".equals(r.routerOptions().get("config-file-type"))
                ? r.routerOptions().get("config-file-value") : null;
        return fluentd ? Fluentd.text(inputs, greps, any, record, include, outputs)
                : fluentBit(inputs, greps, any, record, include, outputs);
    }

    private static String memBufLimit(RouterRequest r) {
        int half = r.memoryMiB() == null ? 0 : r.memoryMiB() / 2;
        return (half <= 0 ? 25 : half) + "MB";
    }

    private static String fluentBit(List<Section> inputs, List<Grep> greps, String any, Map<String, String> record,
                                    String include, List<Section> outputs) {
        StringBuilder b = new StringBuilder();
        for (Section s : inputs) {
            b.append("\n[INPUT]\n").append(INDENT).append("Name ").append(s.name());
            if (s.tag() != null) b.append('\n').append(INDENT).append("Tag ").append(s.tag());
            options(b, s.options(), INDENT);
            b.append('\n');
        }
        for (boolean exclude : new boolean[]{false, true}) {
            for (Grep g : greps) {
                if (g.exclude() != exclude) continue;
                b.append("\n[FILTER]\n").append(INDENT).append("Name   grep\n").append(INDENT).append("Match ")
                        .append(g.tag()).append('\n').append(INDENT).append(exclude ? "Exclude " : "Regex  ")
                        .append("log ").append(g.regex()).append('\n');
            }
        }
        if (!record.isEmpty()) {
            b.append("\n[FILTER]\n").append(INDENT).append("Name record_modifier\n").append(INDENT).append("Match ")
                    .append(any);
            record.forEach((k, v) -> b.append('\n').append(INDENT).append("Record ").append(k).append(' ').append(v));
            b.append('\n');
        }
        if (include != null) b.append("@INCLUDE ").append(include).append('\n');
        for (Section s : outputs) {
            b.append("\n[OUTPUT]\n").append(INDENT).append("Name ").append(s.name()).append('\n').append(INDENT)
                    .append("Match ").append(s.tag());
            options(b, s.options(), INDENT);
            b.append('\n');
        }
        return b.toString();
    }

    /** Options sorted by key, as Go's templates range over a map. */
    static void options(StringBuilder b, Map<String, String> options, String indent) {
        new TreeMap<>(options).forEach((k, v) -> b.append('\n').append(indent).append(k).append(' ').append(v));
    }

    /** The same sections in Fluentd's syntax. */
    private static final class Fluentd {
        static String text(List<Section> inputs, List<Grep> greps, String any, Map<String, String> record,
                           String include, List<Section> outputs) {
            StringBuilder b = new StringBuilder();
            for (Section s : inputs) {
                b.append("\n<source>\n").append(INDENT).append("@type ").append(s.name());
                if (s.tag() != null) b.append('\n').append(INDENT).append("tag ").append(s.tag());
                options(b, s.options(), INDENT);
                b.append("\n</source>\n");
            }
            for (boolean exclude : new boolean[]{false, true}) {
                for (Grep g : greps) {
                    if (g.exclude() != exclude) continue;
                    String block = exclude ? "exclude" : "regexp";
                    b.append("\n<filter ").append(g.tag()).append(">\n").append(INDENT).append("@type  grep\n")
                            .append(INDENT).append('<').append(block).append(">\n").append(INDENT).append(INDENT)
                            .append("key log\n").append(INDENT).append(INDENT).append("pattern ").append(g.regex())
                            .append('\n').append(INDENT).append("</").append(block).append(">\n</filter>\n");
                }
            }
            if (!record.isEmpty()) {
                b.append("\n<filter ").append(any).append(">\n").append(INDENT).append("@type record_transformer\n")
                        .append(INDENT).append("<record>");
                record.forEach((k, v) -> b.append('\n').append(INDENT).append(INDENT).append(k).append(' ').append(v));
                b.append('\n').append(INDENT).append("</record>\n</filter>\n");
            }
            if (include != null) b.append("@include ").append(include).append('\n');
            for (Section s : outputs) {
                b.append("\n<match ").append(s.tag()).append(">\n").append(INDENT).append("@type ").append(s.name());
                options(b, s.options(), INDENT);
                b.append("\n</match>\n");
            }
            return b.toString();
        }
    }
}
