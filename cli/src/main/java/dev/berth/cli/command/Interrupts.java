package dev.berth.cli.command;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ctrl-C (SIGINT) and SIGTERM for the commands that must not just die. Left to the JVM, both
 * start a shutdown that ends the process at once with status 130 or 143, whatever is in flight
 * and with the run lock still held. While an instance is open, each signal runs the given action
 * instead; closing it gives the signals back to whoever had them.
 */
final class Interrupts implements AutoCloseable {
    private final Map<Signal, SignalHandler> previous;

    private Interrupts(Map<Signal, SignalHandler> previous) {
        this.previous = previous;
    }

    static Interrupts onSignal(Runnable action) {
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (String name : new String[]{"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, s -> action.run()));
            } catch (IllegalArgumentException unsupported) {
                // This platform has no such signal (or the JVM was started to ignore it).
            }
        }
        return new Interrupts(previous);
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
