package dev.berth.cli.command;

import dev.berth.cli.view.Terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/** Terraform's approval prompt: a question, what it means, and only "yes" approves. */
final class Confirmation {
    /** How the prompt ended. */
    enum Answer { YES, NO, INTERRUPTED }

    private Confirmation() {
    }

    /** Asks without a run to interrupt: Ctrl-C is the JVM's (it ends the process). */
    static boolean ask(Terminal term, String question, String... explanation) {
        question(term, question, explanation);
        try {
            return approves(readLine(System.in));
        } catch (IOException e) {
            return false;
        } finally {
            term.out().println();
        }
    }

    /**
     * Asks inside a run that {@code stop} watches. A read of the terminal cannot be interrupted,
     * so the line is read on a thread of its own and the first Ctrl-C ends the wait, as
     * Terraform's prompt does: the run then ends with "error asking for approval: interrupted"
     * instead of waiting for an answer nobody will give until a second Ctrl-C kills it. The
     * reader is interrupted too, which ends it where the input can be (a background berth's
     * client input); where it cannot, it is a daemon thread blocked on a terminal the process
     * is about to leave.
     */
    static Answer ask(Terminal term, GracefulStop stop, String question, String... explanation) {
        question(term, question, explanation);
        CompletableFuture<String> line = new CompletableFuture<>();
        InputStream in = System.in;
        Thread reader = new Thread(() -> {
            try {
                line.complete(readLine(in));
            } catch (IOException | RuntimeException e) {
                line.complete(null);
            }
        }, "berth-approval-input");
        reader.setDaemon(true);
        try (GracefulStop.Waiting w = stop.whileWaiting(() -> {
            line.cancel(false);
            reader.interrupt();
        })) {
            reader.start();
            String answer = line.join();
            term.out().println();
            return approves(answer) ? Answer.YES : Answer.NO;
        } catch (CancellationException interrupted) {
            return Answer.INTERRUPTED;
        }
    }

    private static void question(Terminal term, String question, String... explanation) {
        term.out().println(term.bold(question));
        for (String line : explanation) term.out().println("  " + line);
        term.out().println();
        term.out().print(term.bold("  Enter a value: "));
        term.out().flush();
    }

    private static String readLine(InputStream in) throws IOException {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    }

    private static boolean approves(String answer) {
        return answer != null && answer.trim().equals("yes");
    }
}
