package dev.berth.cli.wiring;

import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * The process a command runs for, in what a JVM reads of its own process: whether it has a console
 * (System.console(): standard input and output both a terminal), its terminal's width when it has
 * a terminal to ask, and its pid. A command run by berth's background JVM runs for the client that
 * asked, which tells these for itself; a command run in a JVM of its own runs for that JVM.
 */
public record Caller(boolean console, OptionalInt terminalWidth, long pid, IntConsumer beforeHalt) {
    private static final Caller SELF = new Caller(false, OptionalInt.empty(), -1, status -> { });
    private static volatile Caller current = SELF;

    /** Whom the running command is for. The background JVM runs one command at a time. */
    public static Caller current() {
        return current;
    }

    /** Sets whom the following command runs for, until {@link #reset()}. */
    public static void runFor(Caller caller) {
        current = caller;
    }

    public static void reset() {
        current = SELF;
    }

    /** Whether the caller has a console, as System.console() != null tells in a JVM of its own. */
    public static boolean hasConsole() {
        Caller c = current;
        return c == SELF ? System.console() != null : c.console;
    }

    /** The caller's pid, as ProcessHandle.current().pid() tells in a JVM of its own. */
    public static long callerPid() {
        Caller c = current;
        return c == SELF ? ProcessHandle.current().pid() : c.pid;
    }

    /**
     * Ends the process at once with {@code status}, as Runtime.halt; the caller's client is told
     * the status first, as it would have seen it from a JVM of its own.
     */
    public static void halt(int status) {
        current.beforeHalt.accept(status);
        Runtime.getRuntime().halt(status);
    }

    /** Whether the command runs for a client of the background JVM rather than for this JVM. */
    public static boolean isClient() {
        return current != SELF;
    }
}
