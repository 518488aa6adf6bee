package dev.berth.cli.view;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.plan.Action;
import dev.berth.engine.run.RunHooks;

import java.time.Duration;
import java.util.List;

/** Prints a run's progress as Terraform does: {@code ecs_service.web: Creating...}. */
public final class ProgressView implements RunHooks {
    private final Terminal term;

    public ProgressView(Terminal term) {
        this.term = term;
    }

    @Override
    public void refreshing(ResourceInstanceAddr addr, String id) {
        line(term.bold(addr + ": Refreshing state...") + idSuffix(id));
    }

    @Override
    public void applying(ResourceInstanceAddr addr, Action action, String id) {
        String verb = switch (action) {
            case CREATE -> "Creating...";
            case DELETE -> "Destroying...";
            default -> "Modifying...";
        };
        line(term.bold(addr + ": " + verb) + (action == Action.CREATE ? "" : idSuffix(id)));
    }

    @Override
    public void applied(ResourceInstanceAddr addr, Action action, Duration took, String id) {
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
    }

    @Override
    public void read(ResourceInstanceAddr addr, Duration took, String id) {
        line(term.bold(addr + ": Read complete after " + elapsed(took)) + idSuffix(id));
    }

    @Override
    public void applyFailed(ResourceInstanceAddr addr, Action action, List<Diagnostic> diagnostics) {
        String what = switch (action) {
            case CREATE -> "Creation failed";
            case DELETE -> "Destruction failed";
            case READ -> null; // Terraform reports a failed read by its error alone
            default -> "Modifications failed";
        };
        if (what != null) line(term.bold(addr + ": " + what));
    }

    private void line(String s) {
        synchronized (term.out()) {
            term.out().println(s);
            term.out().flush();
        }
    }

    private static String idSuffix(String id) {
        return id == null || id.isEmpty() ? "" : " [id=" + id + "]";
    }

    /** Terraform's duration style: 0s, 12s, 1m5s. */
    static String elapsed(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
    }
}
