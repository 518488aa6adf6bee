package dev.berth.cli.view;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.plan.Action;
import dev.berth.engine.run.RunHooks;

import java.time.Duration;
import java.util.List;

/**
 * Prints a run's progress as Terraform does: {@code ecs_service.web: Creating...}, and every 10 s
 * of a long operation {@code ecs_service.web: Still modifying... [id=..., 10s elapsed]}.
 */
public final class ProgressView implements RunHooks {
    /** Terraform's {@code maxIdLen}: longer ids are shortened in the middle in the "Still" lines. */
    private static final int MAX_ID = 80;

    private final Terminal term;
    private final StillRunning still;

    public ProgressView(Terminal term) {
        this(term, StillRunning.Timing.STANDARD);
    }

    public ProgressView(Terminal term, StillRunning.Timing timing) {
        this.term = term;
        this.still = new StillRunning(timing, this::still);
    }

    @Override
    public void refreshing(ResourceInstanceAddr addr, String id) {
        line(refreshingLine(addr, id));
    }

    /**
     * A batch's lines go out together, with one lock and one flush: a flush per line kept the
     * refresh's other readers waiting on the terminal (a twentieth of a 10,000-resource plan).
     */
    @Override
    public void refreshing(List<Refreshing> batch) {
        StringBuilder text = new StringBuilder();
        for (Refreshing r : batch) text.append(refreshingLine(r.addr(), r.id())).append(System.lineSeparator());
        write(text.toString());
    }

    private String refreshingLine(ResourceInstanceAddr addr, String id) {
        return term.bold(addr + ": Refreshing state...") + idSuffix(id);
    }

    @Override
    public void applying(ResourceInstanceAddr addr, Action action, String id) {
        String verb = switch (action) {
            case CREATE -> "Creating...";
            case DELETE -> "Destroying...";
            default -> "Modifying...";
        };
        line(term.bold(addr + ": " + verb) + (action == Action.CREATE ? "" : idSuffix(id)));
        still.started(addr, action, action == Action.CREATE ? "" : id);
    }

    @Override
    public void applied(ResourceInstanceAddr addr, Action action, Duration took, String id) {
        still.finished(addr);
        String done = switch (action) {
            case CREATE -> "Creation complete";
            case DELETE -> "Destruction complete";
            default -> "Modifications complete";
        };
        line(term.bold(addr + ": " + done + " after " + elapsed(took)) + (action == Action.DELETE ? "" : idSuffix(id)));
    }

    @Override
    public void reading(ResourceInstanceAddr addr) {
        line(term.bold(addr + ": Reading..."));
        still.started(addr, Action.READ, "");
    }

    @Override
    public void read(ResourceInstanceAddr addr, Duration took, String id) {
        still.finished(addr);
        line(term.bold(addr + ": Read complete after " + elapsed(took)) + idSuffix(id));
    }

    @Override
    public void applyFailed(ResourceInstanceAddr addr, Action action, List<Diagnostic> diagnostics) {
        still.finished(addr);
        String what = switch (action) {
            case CREATE -> "Creation failed";
            case DELETE -> "Destruction failed";
            case READ -> null; // Terraform reports a failed read by its error alone
            default -> "Modifications failed";
        };
        if (what != null) line(term.bold(addr + ": " + what));
    }

    private void still(ResourceInstanceAddr addr, Action action, String id, Duration elapsed) {
        String verb = switch (action) {
            case CREATE -> "Still creating...";
            case DELETE -> "Still destroying...";
            case READ -> "Still reading...";
            default -> "Still modifying...";
        };
        String idPart = id == null || id.isEmpty() ? "" : "id=" + shortenId(id) + ", ";
        line(term.bold(addr + ": " + verb + " [" + idPart + StillRunning.goDuration(elapsed) + " elapsed]"));
    }

    /** Terraform's {@code truncateId}: the start and end of a long id around "...". */
    static String shortenId(String id) {
        int[] cps = id.codePoints().toArray();
        if (cps.length <= MAX_ID) return id;
        int part = MAX_ID / 2;
        int rightFrom = cps.length - part - 1 + (part * 2 + 3 - MAX_ID);
        return new String(cps, 0, part - 1) + "..." + new String(cps, rightFrom, cps.length - rightFrom);
    }

    private void line(String s) {
        write(s + System.lineSeparator());
    }

    /** Whole lines, under the terminal's lock and flushed: walker threads print at once. */
    private void write(String lines) {
        synchronized (term.out()) {
            term.out().print(lines);
            term.out().flush();
        }
    }

    private static String idSuffix(String id) {
        return id == null || id.isEmpty() ? "" : " [id=" + id + "]";
    }

    /** Terraform's duration style: 0s, 12s, 1m5s. */
    static String elapsed(Duration d) {
        return StillRunning.goDuration(d);
    }
}
