package dev.berth.cli.command;

import dev.berth.cli.view.Terminal;
import dev.berth.engine.diag.Diagnostic;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

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

    static final String INTERRUPTED = "\nInterrupt received.\nPlease wait for berth to exit or data loss may occur.\n"
            + "Gracefully shutting down...\n";
    static final String TWO_INTERRUPTS = "\nTwo interrupts received. Exiting immediately. Note that data loss may have "
            + "occurred.\n";

    private final AtomicInteger received = new AtomicInteger();
    private final Consumer<String> say;
    private final Runnable releaseLock;
    private final Interrupts signals;
    /** Run by the first interrupt, once, while something waits that must end with it (a prompt). */
    private final AtomicReference<Runnable> waiting = new AtomicReference<>();

    private GracefulStop(Consumer<String> say, Runnable releaseLock) {
        this.say = say;
        this.releaseLock = releaseLock;
        this.signals = Interrupts.onSignal(this::interrupted);
    }

    static GracefulStop install(Terminal term, Runnable releaseLock) {
        return new GracefulStop(text -> {
            term.out().print(text);
            term.out().flush();
        }, releaseLock);
    }

    /** Under -json the notes are Terraform's {@code log} messages, so the stream stays JSON. */
    static GracefulStop install(Terminal term, JsonUi json, Runnable releaseLock) {
        return json == null ? install(term, releaseLock) : new GracefulStop(json::log, releaseLock);
    }

    /** Whether the user asked to stop. */
    @Override
    public boolean getAsBoolean() {
        return received.get() > 0;
    }

    private void interrupted() {
        if (received.incrementAndGet() == 1) {
            Runnable w = waiting.getAndSet(null);
            // A prompt's line is ended first, as Terraform does; the wait is let go only after the
            // note, so nothing the run prints once it is let go comes before it.
            say.accept(w == null ? INTERRUPTED : "\n" + INTERRUPTED);
            if (w != null) w.run();
            return;
        }
        say.accept(TWO_INTERRUPTS);
        releaseLock.run();
        dev.berth.cli.wiring.Caller.halt(INTERRUPTED_STATUS);
    }

    /** A wait registered with {@link #whileWaiting}; closing it unregisters it. */
    interface Waiting extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * While the returned handle is open, the first interrupt also runs {@code onInterrupt} (on the
     * signal's thread, after its note is printed on a line of its own): a wait that no flag can
     * reach, such as a prompt's read of the terminal, ends with it instead of holding the run until
     * a second interrupt kills it. An interrupt that came before this call runs it at once.
     */
    Waiting whileWaiting(Runnable onInterrupt) {
        waiting.set(onInterrupt);
        if (received.get() > 0) {
            Runnable w = waiting.getAndSet(null);
            if (w != null) w.run();
        }
        return () -> waiting.compareAndSet(onInterrupt, null);
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
