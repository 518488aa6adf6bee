package dev.berth.cli.ecs.model;

/** One API operation: its name (DescribeClusters), CLI command (describe-clusters) and shapes. */
public record Operation(String name, String command, String input, String output, Paginator paginator) {
    public boolean paginated() {
        return paginator != null;
    }
}
