package dev.berth.cli.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A berth process a test started with its output going to files: how it ended, or waiting for a line of it. */
record FiledProcess(Process process, Path out, Path err) {
    /** How a berth run ended. */
    record Ended(int code, String out, String err) {
        @Override
        public String toString() {
            // stderr first: a CI log that keeps only the head of a failure message keeps the error.
            return "exit " + code + "\n--- stderr ---\n" + err + "\n--- stdout ---\n" + out;
        }
    }

    void awaitOut(String text) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(out).contains(text)) {
            if (System.nanoTime() > end || !process.isAlive()) throw new AssertionError("never printed " + text + ":\n" + finish());
            Thread.sleep(50);
        }
    }

    Ended finish() throws Exception {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("berth did not end");
        }
        return new Ended(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
