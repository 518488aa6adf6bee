package dev.berth.ecs.dockerd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end with a time limit and returns what it printed; for test fixtures. */
public final class Commands {
    private Commands() {
    }

    public record Result(int exitCode, String output) {
        public Result orFail(String what) {
            if (exitCode != 0) throw new IllegalStateException(what + " failed (exit " + exitCode + "): " + output.strip());
            return this;
        }
    }

    public static Result run(Path dir, long timeoutSeconds, List<String> command) {
        try {
            // Output goes to a file, so a command that hangs cannot also hang the reader.
            Path out = Files.createTempFile("berth-cmd", ".out");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
                if (dir != null) pb.directory(dir.toFile());
                Process p = pb.start();
                p.getOutputStream().close();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    public static Result shell(long timeoutSeconds, String script) {
        return run(null, timeoutSeconds, List.of("sh", "-c", script));
    }
}
