package dev.berth.cli.view;

import dev.berth.ecs.cost.Billing;
import dev.berth.ecs.cost.RunningCost;
import dev.berth.ecs.cost.RunningCost.Group;
import dev.berth.ecs.cost.RunningCost.Instance;
import dev.berth.ecs.cost.RunningCost.Task;
import dev.berth.engine.cost.CostEstimate;
import dev.berth.engine.provider.CostRequests.Rate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code berth cost}: per cluster, each task group (a service, or a family's one-off tasks) with
 * its tasks, how long each has run and what it has cost so far, then the container instances;
 * the monthly figures are the current rate for 730 hours. Costs so far are shown to a hundredth
 * of a cent, since a task that ran a few minutes costs less than one.
 */
public final class RunningCostView {
    private RunningCostView() {
    }

    public static String render(RunningCost rc, String world, boolean color) {
        Palette p = new Palette(color);
        StringBuilder sb = new StringBuilder();
        sb.append("Cost of what runs now in ").append(world).append(" (").append(rc.prices()).append("):\n");
        if (rc.clusters().isEmpty()) sb.append("\nNo clusters.\n");
        for (RunningCost.Cluster c : rc.clusters()) {
            sb.append('\n').append(p.bold("cluster " + c.name())).append('\n');
            List<String[]> rows = new ArrayList<>();
            for (Group g : c.groups()) {
                rows.add(new String[]{"  " + g.name(), describe(g.tasks()), monthly(g.perHour()), Money.fine(g.soFar()) + " so far"});
                for (Task t : g.tasks()) {
                    rows.add(new String[]{"    " + t.id(), "running " + ran(t.ran()), monthly(t.rate()), fine(t.soFar(), t.rate())});
                }
            }
            for (Instance i : c.instances()) {
                rows.add(new String[]{"  instance " + i.id(), (i.instanceType() == null ? "untyped" : i.instanceType()) + " "
                        + i.status() + ", up " + ran(i.up()), monthly(i.rate()), fine(i.soFar(), i.rate())});
            }
            if (rows.isEmpty()) sb.append("  nothing runs\n");
            sb.append(table(rows));
        }
        sb.append('\n').append(p.bold("Total:")).append(' ').append(monthly(rc.perHour())).append(" at this rate, ")
                .append(Money.fine(rc.soFar())).append(" so far");
        long unpriced = rc.unpriced();
        if (unpriced > 0) sb.append(", leaving out ").append(unpriced).append(unpriced == 1 ? " task or instance" : " tasks and instances")
                .append(" without a price");
        return sb.append(".\n").toString();
    }

    /** "2 tasks x 0.25 vCPU, 0.5 GB FARGATE" when every task is alike, else just the count. */
    static String describe(List<Task> tasks) {
        String count = tasks.size() + (tasks.size() == 1 ? " task" : " tasks");
        List<String> kinds = tasks.stream().map(t -> (t.sizing().known() ? "x " + t.sizing().shape().describe() + " " : "")
                + t.launchType()).distinct().toList();
        return kinds.size() == 1 ? count + " " + kinds.get(0) : count;
    }

    private static String monthly(Rate r) {
        return r.known() ? monthly(r.perHour()) : "not priced: " + r.unpriced();
    }

    private static String monthly(BigDecimal perHour) {
        return Money.usd(perHour.multiply(CostEstimate.HOURS_PER_MONTH)) + "/month";
    }

    private static String fine(BigDecimal soFar, Rate r) {
        return r.known() ? Money.fine(soFar) : "";
    }

    /** "40s, billed 1m", "5m 12s", "2h 3m", "3d 4h": two units are enough to read a bill by. */
    static String ran(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < Billing.MINIMUM.getSeconds()) return s + "s, billed 1m";
        if (s < 3600) return (s / 60) + "m " + (s % 60) + "s";
        if (s < 86400) return (s / 3600) + "h " + (s % 3600 / 60) + "m";
        return (s / 86400) + "d " + (s % 86400 / 3600) + "h";
    }

    private static String table(List<String[]> rows) {
        int[] width = new int[3];
        for (String[] r : rows) for (int i = 0; i < 3; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 3; i++) line.append(r[i]).append(" ".repeat(width[i] - r[i].length())).append("  ");
            sb.append((line + r[3]).stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
