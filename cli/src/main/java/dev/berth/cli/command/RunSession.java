package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.run.VariableSources;
import dev.berth.engine.run.VariableValues;
import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateLockedException;
import dev.berth.engine.state.StateStoreException;
import dev.berth.engine.value.Secrets;
import dev.berth.engine.value.Value;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * The start of every run that may change state: configuration loaded, variables resolved and
 * the run lock held until {@link #close()}. Any problem comes back as diagnostics.
 */
final class RunSession implements AutoCloseable {
    final Workspace ws;
    final Config config;
    final Map<String, Value> variables;
    private final String lockId;
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

    private RunSession(Workspace ws, Config config, Map<String, Value> variables, String lockId) {
        this.ws = ws;
        this.config = config;
        this.variables = variables;
        this.lockId = lockId;
    }

    record Started(RunSession session, List<Diagnostic> diagnostics) {
    }

    static Started start(Workspace ws, RunOptions opts, String operation) {
        return start(ws, opts, operation, false);
    }

    /** With {@code unsetIsUnknown}, a required variable nobody set is unknown (the console's way). */
    static Started start(Workspace ws, RunOptions opts, String operation, boolean unsetIsUnknown) {
        Diagnostics diags = new Diagnostics();
        Config config = ws.config(diags);
        dev.berth.engine.trace.Trace.mark("configuration loaded");
        Map<String, Value> vars = diags.hasErrors() ? Map.of()
                : VariableValues.resolve(config, VariableSources.collect(ws.dir(), System.getenv(),
                opts.variables.given(), ws.sources(), diags), ws.evaluator(), diags, unsetIsUnknown);
        if (diags.hasErrors()) return new Started(null, diags.list());
        return locked(ws, opts, config, vars, operation, diags);
    }

    /**
     * A run on configuration and variables decided elsewhere (a saved plan's), not read from
     * the working directory and the command line.
     */
    static Started startWith(Workspace ws, RunOptions opts, Config config, Map<String, Value> vars, String operation) {
        return locked(ws, opts, config, vars, operation, new Diagnostics());
    }

    private static Started locked(Workspace ws, RunOptions opts, Config config, Map<String, Value> vars,
                                  String operation, Diagnostics diags) {
        ws.learn(Secrets.in(Value.map(vars)));
        String lockId = null;
        if (opts.lock) {
            try {
                lockId = StateLock.acquire(ws.store(), operation, Durations.parse(opts.lockTimeout, "-lock-timeout"),
                        ws::notice);
            } catch (StateLockedException e) {
                LockInfo h = e.holder();
                diags.add(Diagnostic.error("Error acquiring the state lock: the state is locked by " + h.who()
                        + " (operation " + h.operation() + ", lock ID " + h.id() + ", since " + h.created() + ").",
                        "Another berth run is using this state. Wait for it to finish and try again, or use "
                                + "-lock-timeout to wait for it. If that run crashed, release the lock with "
                                + "\"berth force-unlock " + h.id() + "\".", null));
                return new Started(null, diags.list());
            }
        }
        return new Started(new RunSession(ws, config, vars, lockId), diags.list());
    }

    /** Whether this run holds the run lock (not with -lock=false). */
    boolean locked() {
        return lockId != null;
    }

    static String who() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return System.getProperty("user.name") + "@" + host + " (pid " + dev.berth.cli.wiring.Caller.callerPid() + ")";
    }

    /** Releases the run lock once, whoever asks first: the end of the run or a second Ctrl-C. */
    void releaseLock() {
        if (lockId == null || !released.compareAndSet(false, true)) return;
        try {
            ws.store().unlock(lockId);
        } catch (StateStoreException e) {
            // The run has said what went wrong already (the same store refused its writes); a
            // lock that cannot be released is the holder's, and this holder is about to end.
            ws.notice("The run lock was not released (" + e.getMessage().replaceAll("\\.$", "") + "); the next run on"
                    + " this host takes it over once this one has ended.");
        }
    }

    @Override
    public void close() {
        releaseLock();
    }
}
