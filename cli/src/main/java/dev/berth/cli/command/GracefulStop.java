package dev.berth.cli.command;

import dev.berth.cli.view.Terminal;
import dev.berth.engine.diag.Diagnostic;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Terraform's two-step interrupt for a run that changes things. The first Ctrl-C (or SIGTERM)
 * only asks the applier to stop: no change is started any more, those in flight finish and are
 * saved, and the command ends with an error after releasing the run lock. A second one ends the
 * process at once with status 130; every completed change is already in the state (each is
 * committed as it finishes), and the run lock is released first so nobody has to force-unlock.
 */
final class GracefulStop implements BooleanSupplier, AutoCloseable {
    /** The exit status of a process ended by SIGINT, as shells report it. */
    static final int INTERRUPTED_STATUS = 130;

    private final AtomicInteger received = new AtomicInteger();
    private final Terminal term;
    private final Runnable releaseLock;
    private final Interrupts signals;

    private GracefulStop(Terminal term, Runnable releaseLock) {
        this.term = term;
        this.releaseLock = releaseLock;
        this.signals = Interrupts.onSignal(this::interrupted);
    }

    static GracefulStop install(Terminal term, Runnable releaseLock) {
        return new GracefulStop(term, releaseLock);
    }

    /** Whether the user asked to stop. */
    @Override
    public boolean getAsBoolean() {
        return received.get() > 0;
    }

    private void interrupted() {
        if (received.incrementAndGet() == 1) {
            term.out().println();
            term.out().println("Interrupt received.");
            term.out().println("Please wait for berth to exit or data loss may occur.");
            term.out().println("Gracefully shutting down...");
            term.out().flush();
            return;
        }
        term.out().println();
        term.out().println("Two interrupts received. Exiting immediately. Note that data loss may have occurred.");
        term.out().flush();
        releaseLock.run();
        Runtime.getRuntime().halt(INTERRUPTED_STATUS);
    }

    /** The error of a run interrupted before it changed anything, e.g. while it planned. */
    static List<Diagnostic> beforeAnyChange(String operation) {
        return List.of(Diagnostic.error(operation + " interrupted before anything changed.",
                "Nothing was applied; the run lock is released.", null));
    }

    /**
     * Ends the run: the lock goes first, then the signals go back to the JVM, so an interrupt
     * arriving in between can no longer end the process with the lock still held.
     */
    @Override
    public void close() {
        releaseLock.run();
        signals.close();
    }
}
