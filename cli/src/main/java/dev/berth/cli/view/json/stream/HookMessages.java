package dev.berth.cli.view.json.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.view.StillRunning;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.plan.Action;
import dev.berth.engine.run.RunHooks;

import java.time.Duration;
import java.util.List;

/**
 * A run's progress as Terraform's JSON UI reports it: {@code refresh_start} and
 * {@code refresh_complete}, {@code apply_start}, {@code apply_progress} every 10 s of a long
 * operation, then {@code apply_complete} or {@code apply_errored}. A data source read is an
 * apply of action "read", as in Terraform. The errors themselves follow as diagnostics.
 */
public final class HookMessages implements RunHooks {
    private final UiStream ui;
    private final StillRunning still;
    private final java.util.Map<ResourceInstanceAddr, java.time.Instant> started = new java.util.concurrent.ConcurrentHashMap<>();

    public HookMessages(UiStream ui, StillRunning.Timing timing) {
        this.ui = ui;
        this.still = new StillRunning(timing, this::progress);
    }

    @Override
    public void refreshing(ResourceInstanceAddr addr, String id) {
        ui.write("info", addr + ": Refreshing state..." + idSuffix(id), "refresh_start", "hook", withId(hook(addr), id));
    }

    @Override
    public void refreshed(ResourceInstanceAddr addr, String id) {
        ui.write("info", addr + ": Refresh complete" + idSuffix(id), "refresh_complete", "hook", withId(hook(addr), id));
    }

    @Override
    public void applying(ResourceInstanceAddr addr, Action action, String id) {
        String shownId = action == Action.CREATE ? "" : id;
        ui.write("info", addr + ": " + startVerb(action) + "..." + idSuffix(shownId), "apply_start", "hook",
                withId(hook(addr).put("action", ResourceJson.action(action)), shownId));
        started.put(addr, ui.clock().instant());
        still.started(addr, action, shownId);
    }

    @Override
    public void applied(ResourceInstanceAddr addr, Action action, Duration took, String id) {
        still.finished(addr);
        started.remove(addr);
        String shownId = action == Action.DELETE ? "" : id;
        ObjectNode h = withId(hook(addr).put("action", ResourceJson.action(action)), shownId)
                .put("elapsed_seconds", took.toSeconds());
        ui.write("info", addr + ": " + noun(action) + " complete after " + StillRunning.goDuration(took)
                + idSuffix(shownId), "apply_complete", "hook", h);
    }

    @Override
    public void reading(ResourceInstanceAddr addr) {
        applying(addr, Action.READ, "");
    }

    @Override
    public void read(ResourceInstanceAddr addr, Duration took, String id) {
        applied(addr, Action.READ, took, id);
    }

    @Override
    public void applyFailed(ResourceInstanceAddr addr, Action action, List<Diagnostic> diagnostics) {
        still.finished(addr);
        java.time.Instant from = started.remove(addr);
        Duration took = from == null ? Duration.ZERO : Duration.between(StillRunning.roundToSecond(from),
                StillRunning.roundToSecond(ui.clock().instant()));
        ObjectNode h = hook(addr).put("action", ResourceJson.action(action)).put("elapsed_seconds", took.toSeconds());
        ui.write("info", addr + ": " + noun(action) + " errored after " + StillRunning.goDuration(took),
                "apply_errored", "hook", h);
    }

    private void progress(ResourceInstanceAddr addr, Action action, String id, Duration elapsed) {
        ObjectNode h = hook(addr).put("action", ResourceJson.action(action)).put("elapsed_seconds", elapsed.toSeconds());
        ui.write("info", addr + ": Still " + startVerb(action).toLowerCase(java.util.Locale.ROOT) + "... ["
                + StillRunning.goDuration(elapsed) + " elapsed]", "apply_progress", "hook", h);
    }

    private static ObjectNode hook(ResourceInstanceAddr addr) {
        ObjectNode n = UiStream.NODES.objectNode();
        n.set("resource", ResourceJson.addr(addr));
        return n;
    }

    private static ObjectNode withId(ObjectNode n, String id) {
        if (id != null && !id.isEmpty()) n.put("id_key", "id").put("id_value", id);
        return n;
    }

    private static String idSuffix(String id) {
        return id == null || id.isEmpty() ? "" : " [id=" + id + "]";
    }

    private static String startVerb(Action a) {
        return switch (a) {
            case CREATE -> "Creating";
            case UPDATE -> "Modifying";
            case DELETE -> "Destroying";
            case READ -> "Refreshing";
            default -> "Applying";
        };
    }

    private static String noun(Action a) {
        return switch (a) {
            case CREATE -> "Creation";
            case UPDATE -> "Modifications";
            case DELETE -> "Destruction";
            case READ -> "Refresh";
            default -> "Apply";
        };
    }
}
