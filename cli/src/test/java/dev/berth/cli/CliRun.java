package dev.berth.cli;

import dev.berth.cli.command.BerthCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs berth in-process the way a user runs it from the shell, capturing both streams. */
public record CliRun(int exitCode, String out, String err) {

    /**
     * berth ARGS...; the control plane is the -chdir directory's (see {@link TestStores}). Without
     * -chdir none is chosen: a command that needs one then fails on the build's placeholder, so
     * such a test must say which with {@link #withEnv}.
     */
    public static CliRun of(String... args) {
        for (String a : args) {
            if (a.startsWith("-chdir=")) return withEnv(TestStores.env(Path.of(a.substring("-chdir=".length()))), args);
        }
        return withEnv(System.getenv(), args);
    }

    /** berth ARGS... with the given environment (to choose the control plane another way). */
    public static CliRun withEnv(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = BerthCommand.commandLine(env, System.in, args);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** berth -chdir=DIR ARGS... -no-color */
    public static CliRun in(java.nio.file.Path dir, String... args) {
        List<String> all = new ArrayList<>();
        all.add("-chdir=" + dir);
        all.addAll(List.of(args));
        if (args.length > 0 && !List.of("version", "state").contains(args[0])) all.add("-no-color");
        return of(all.toArray(String[]::new));
    }

    @Override
    public String toString() {
        // stderr first: a CI log that keeps only the head of a failure message keeps the error.
        return "exit " + exitCode + "\n--- stderr ---\n" + err + "\n--- stdout ---\n" + out;
    }
}
