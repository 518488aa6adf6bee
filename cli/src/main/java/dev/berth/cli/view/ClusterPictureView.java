package dev.berth.cli.view;

import dev.berth.ecs.api.ServiceCalls.Deployment;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.TaskCalls.Container;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.console.WorldPicture;
import dev.berth.ecs.console.WorldPicture.Box;
import dev.berth.ecs.console.WorldPicture.Capacity;
import dev.berth.ecs.console.WorldPicture.ClusterView;
import dev.berth.ecs.console.WorldPicture.Lane;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code berth cluster show}: the console's picture in a terminal. Each zone is a lane; its
 * container instances are boxes as wide as their CPU capacity allows, side by side while the
 * terminal is wide enough, with CPU and memory bars and their tasks inside; then the services
 * and the stopped tasks with their reasons. On a terminal the boxes are drawn with box-drawing
 * characters; otherwise in plain ASCII, so a log or a pipe gets the same picture.
 */
public final class ClusterPictureView {
    /** The characters a picture is drawn with. */
    public record Glyphs(String tl, String tr, String bl, String br, String h, String v, String full, String empty) {
        public static final Glyphs UNICODE = new Glyphs("┌", "┐", "└", "┘", "─", "│", "█", "░");
        public static final Glyphs ASCII = new Glyphs("+", "+", "+", "+", "-", "|", "#", ".");
    }

    private static final int MIN_BOX = 36;
    private static final int EXTRA_BOX = 16;
    private static final int GAP = 2;

    private final Glyphs g;
    private final int width;
    private final Instant now;

    public ClusterPictureView(Glyphs glyphs, int width, Instant now) {
        this.g = glyphs;
        this.width = Math.max(MIN_BOX + 4, width);
        this.now = now;
    }

    public String render(WorldPicture picture) {
        StringBuilder out = new StringBuilder();
        if (picture.clusters().isEmpty()) return "No clusters.\n";
        for (ClusterView c : picture.clusters()) {
            if (out.length() > 0) out.append('\n');
            cluster(out, c);
        }
        return out.toString();
    }

    private void cluster(StringBuilder out, ClusterView view) {
        var c = view.cluster();
        out.append("Cluster ").append(c.clusterName()).append(" (").append(c.status()).append("): ")
                .append(plural(n(c.registeredContainerInstancesCount()), "instance")).append(", ")
                .append(plural(n(c.activeServicesCount()), "service")).append(", ")
                .append(n(c.runningTasksCount())).append(" running, ").append(n(c.pendingTasksCount()))
                .append(" pending\n");
        Map<String, Task> byArn = new HashMap<>();
        for (Task t : view.tasks()) byArn.put(t.taskArn(), t);
        int maxCpu = 1;
        for (Lane l : view.lanes()) for (Box b : l.boxes()) if (b.cpu() != null) maxCpu = Math.max(maxCpu, b.cpu().total());
        for (Lane l : view.lanes()) {
            out.append('\n').append(l.zone() == null ? "no zone" : "zone " + l.zone()).append('\n');
            List<List<String>> row = new ArrayList<>();
            int used = 0;
            for (Box b : l.boxes()) {
                List<String> box = box(b, byArn, maxCpu);
                int w = box.get(0).length();
                if (!row.isEmpty() && used + GAP + w > width) {
                    join(out, row);
                    row.clear();
                    used = 0;
                }
                used += (row.isEmpty() ? 0 : GAP) + w;
                row.add(box);
            }
            if (!row.isEmpty()) join(out, row);
        }
        if (!view.services().isEmpty()) {
            out.append("\nServices\n");
            for (Service s : view.services()) service(out, s);
        }
        List<Task> stopped = view.tasks().stream().filter(t -> "STOPPED".equals(t.lastStatus())).toList();
        if (!stopped.isEmpty()) {
            out.append("\nStopped tasks\n");
            for (Task t : stopped) {
                out.append("  ").append(shortId(t.taskArn())).append("  ").append(owner(t)).append("  ")
                        .append(t.stopCode() == null ? "" : t.stopCode() + ": ")
                        .append(t.stoppedReason() == null ? "" : t.stoppedReason());
                if (t.stoppedAt() != null) out.append("  (").append(ago(t.stoppedAt())).append(')');
                out.append('\n');
            }
        }
    }

    private List<String> box(Box b, Map<String, Task> byArn, int maxCpu) {
        List<Task> tasks = b.taskArns().stream().map(byArn::get).filter(t -> t != null).toList();
        int w = b.fargate() ? MIN_BOX : MIN_BOX + (int) Math.round(EXTRA_BOX * (double) b.cpu().total() / maxCpu);
        int inner = w - 4;
        List<String> body = new ArrayList<>();
        String title;
        if (b.fargate()) {
            title = "FARGATE";
            int cpu = 0;
            int mem = 0;
            for (Task t : tasks) {
                cpu += need(t, true);
                mem += need(t, false);
            }
            body.add(plural(tasks.size(), "task") + ", " + cpu + " CPU, " + mem + " MiB");
        } else {
            var i = b.instance();
            String label = b.label().length() > 19 ? b.label().substring(0, 12) : b.label();
            String type = attribute(i.attributes(), "ecs.instance-type");
            title = label + " " + i.status() + (Boolean.FALSE.equals(i.agentConnected()) ? " DISCONNECTED" : "")
                    + (type == null ? "" : " " + type);
            String cpu = figures(b.cpu(), "");
            String mem = figures(b.memory(), " MiB");
            int figures = Math.max(cpu.length(), mem.length());
            body.add(bar("CPU", b.cpu(), cpu, figures, inner));
            body.add(bar("MEM", b.memory(), mem, figures, inner));
        }
        for (Task t : tasks) body.add(owner(t) + " " + shortId(t.taskArn()) + " " + status(t));
        if (tasks.isEmpty()) body.add("no tasks");
        List<String> lines = new ArrayList<>();
        String head = g.h() + " " + cut(title, inner - 1) + " ";
        lines.add(g.tl() + head + g.h().repeat(Math.max(0, w - 2 - head.length())) + g.tr());
        for (String line : body) lines.add(g.v() + " " + pad(cut(line, inner), inner) + " " + g.v());
        lines.add(g.bl() + g.h().repeat(w - 2) + g.br());
        return lines;
    }

    /** "CPU [####......] 512/2048 25%", as wide as the box allows; both bars of a box equally long. */
    private String bar(String name, Capacity c, String figures, int figuresWidth, int inner) {
        int cells = Math.max(4, inner - name.length() - 4 - figuresWidth);
        int full = (int) Math.round(cells * c.percent() / 100.0);
        if (full == 0 && c.used() > 0) full = 1;
        return name + " [" + g.full().repeat(full) + g.empty().repeat(cells - full) + "] " + figures;
    }

    private static String figures(Capacity c, String unit) {
        return c.used() + "/" + c.total() + unit + " " + c.percent() + "%";
    }

    private void service(StringBuilder out, Service s) {
        out.append("  ").append(s.serviceName()).append("  ").append(s.status()).append("  ")
                .append(s.launchType() == null ? "" : s.launchType() + "  ").append(tail(s.taskDefinition()))
                .append("  desired ").append(n(s.desiredCount())).append(", running ").append(n(s.runningCount()))
                .append(", pending ").append(n(s.pendingCount())).append('\n');
        if (s.deployments() != null) {
            for (Deployment d : s.deployments()) {
                out.append("    ").append(d.status()).append(' ').append(tail(d.taskDefinition())).append(' ')
                        .append(d.rolloutState() == null ? "" : d.rolloutState()).append(": ")
                        .append(n(d.runningCount())).append('/').append(n(d.desiredCount())).append(" running");
                if (n(d.failedTasks()) > 0) out.append(", ").append(d.failedTasks()).append(" failed");
                if (d.rolloutStateReason() != null && !"COMPLETED".equals(d.rolloutState())) {
                    out.append(" (").append(d.rolloutStateReason()).append(')');
                }
                out.append('\n');
            }
        }
        if (s.events() != null && !s.events().isEmpty()) {
            out.append("    last event: ").append(s.events().get(0).message()).append('\n');
        }
    }

    private void join(StringBuilder out, List<List<String>> boxes) {
        int height = boxes.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < height; i++) {
            StringBuilder line = new StringBuilder();
            for (int b = 0; b < boxes.size(); b++) {
                List<String> box = boxes.get(b);
                if (b > 0) line.append(" ".repeat(GAP));
                line.append(i < box.size() ? box.get(i) : " ".repeat(box.get(0).length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String status(Task t) {
        if ("STOPPED".equals(t.desiredStatus()) && !"STOPPED".equals(t.lastStatus())) return t.lastStatus() + "->STOPPED";
        return t.lastStatus();
    }

    private String ago(Instant at) {
        long s = Math.max(0, Duration.between(at, now).toSeconds());
        if (s < 60) return s + "s ago";
        if (s < 3600) return s / 60 + "m ago";
        return s / 3600 + "h ago";
    }

    /** The task's own size, else the sum of its containers' (EC2 definitions may size containers only). */
    static int need(Task t, boolean cpu) {
        String own = cpu ? t.cpu() : t.memory();
        if (own != null && own.matches("\\d+")) return Integer.parseInt(own);
        int sum = 0;
        if (t.containers() != null) {
            for (Container c : t.containers()) {
                String v = cpu ? c.cpu() : c.memory() != null ? c.memory() : c.memoryReservation();
                if (v != null && v.matches("\\d+")) sum += Integer.parseInt(v);
            }
        }
        return sum;
    }

    private static String owner(Task t) {
        String g = t.group() == null ? "" : t.group();
        if (g.startsWith("service:")) return g.substring("service:".length());
        return tail(t.taskDefinitionArn());
    }

    private static String attribute(List<dev.berth.ecs.api.Shapes.Attribute> attributes, String name) {
        if (attributes == null) return null;
        for (var a : attributes) if (name.equals(a.name())) return a.value();
        return null;
    }

    private static String tail(String arn) {
        return arn == null ? "" : arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String shortId(String arn) {
        String id = tail(arn);
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }

    private static String plural(int n, String one) {
        return n + " " + one + (n == 1 ? "" : "s");
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "~";
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
