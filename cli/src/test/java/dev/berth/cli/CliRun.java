package dev.berth.cli;

import dev.berth.cli.command.BerthCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs berth in-process the way a user runs it from the shell, capturing both streams. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = BerthCommand.commandLine();
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
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
}
