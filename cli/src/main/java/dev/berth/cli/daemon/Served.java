package dev.berth.cli.daemon;

import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.wiring.Caller;
import sun.misc.Signal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's command in the background JVM, run as a JVM of the client's own would run it: its
 * standard streams are the client's (System.out, System.err and System.in stand for them while it
 * runs, built as the JVM builds its own), the console and terminal width are the client's, a
 * signal the client forwards is raised here (the command's own handler takes it, or the JVM's,
 * which ends this JVM with 130 or 143 as it would have ended the client's), and a client that
 * vanishes mid-command takes this JVM with it, as a killed process takes its JVM. Commands run one
 * at a time (the daemon turns a second client away), so process-wide streams are safe to swap.
 */
final class Served {
    private final Frames frames;
    private final Request request;
    private final AtomicBoolean done = new AtomicBoolean();

    private final Runnable free;

    /** {@code free} is run once the process-wide streams are back, before the client hears the status. */
    Served(Frames frames, Request request, Runnable free) {
        this.frames = frames;
        this.request = request;
        this.free = free;
    }

    /** Runs the command, sends its exit status and returns it. */
    int run() throws IOException {
        DemandInput stdin = new DemandInput(frames);
        Thread listener = new Thread(() -> listen(stdin), "berth-daemon-client");
        listener.setDaemon(true);
        listener.start();
        PrintStream out = stream('O', "stdout.encoding");
        PrintStream err = stream('R', "stderr.encoding");
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        InputStream savedIn = System.in;
        int code;
        System.setOut(out);
        System.setErr(err);
        System.setIn(stdin);
        Caller.runFor(new Caller(request.console(), request.width(), request.pid(), status -> {
            // The command ends this JVM (a second Ctrl-C): the client learns the status first.
            done.set(true);
            out.flush();
            err.flush();
            try {
                frames.writeInt('X', status);
            } catch (IOException gone) {
                // The client is gone already.
            }
        }));
        try {
            String[] args = request.args().toArray(String[]::new);
            dev.berth.engine.trace.Trace.mark("served");
            // As Main.run: the environment is this JVM's, which the daemon checked is the client's.
            code = BerthCommand.commandLine(System.getenv(), System.in, args).execute(args);
        } catch (Throwable t) {
            // As the JVM reports an exception main let through.
            err.print("Exception in thread \"main\" ");
            t.printStackTrace(err);
            code = 1;
        } finally {
            out.flush();
            err.flush();
            dev.berth.engine.trace.Trace.mark("answered");
            Caller.reset();
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.setIn(savedIn);
        }
        done.set(true);
        // Written before the client hears the status, so whoever reads the log after the client ended finds it.
        Daemon.log("served a command, exit " + code + "; " + Residue.now());
        // The next client, which may start the moment this one ends, finds the JVM free.
        free.run();
        frames.writeInt('X', code);
        return code;
    }

    /** As java.lang.System makes System.out and System.err: 128 bytes buffered, flushed on every write. */
    private PrintStream stream(char type, String encodingProperty) {
        String name = System.getProperty(encodingProperty);
        Charset charset;
        try {
            charset = name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException e) {
            charset = Charset.defaultCharset();
        }
        return new PrintStream(new BufferedOutputStream(new FrameOutput(frames, type), 128), true, charset);
    }

    private void listen(DemandInput stdin) {
        try {
            for (Frames.Frame f = frames.read(); f != null; f = frames.read()) {
                switch (f.type()) {
                    case 'S' -> raise(f.payload().length == 1 ? f.payload()[0] : 0);
                    case 'I' -> stdin.answered(f.payload());
                    case 'i' -> stdin.answered(null);
                    default -> { }
                }
            }
        } catch (IOException e) {
            // The connection broke: as the end of it.
        }
        stdin.answered(null);
        if (!done.get()) {
            Daemon.log("the client left before its command finished; ending with it");
            Runtime.getRuntime().halt(1);
        }
    }

    private static void raise(int signal) {
        String name = signal == 2 ? "INT" : signal == 15 ? "TERM" : null;
        if (name != null) Signal.raise(new Signal(name));
    }
}
