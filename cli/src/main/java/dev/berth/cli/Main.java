package dev.berth.cli;

import dev.berth.cli.command.BerthCommand;
import picocli.CommandLine;

/** Entry point: runs one command and exits 0 on success, 1 on error (2 for changes with -detailed-exitcode). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Prewarm.start();
        // Started by berth-client as the background berth of the directory this names.
        String daemon = System.getProperty("berth.daemon");
        if (daemon != null) {
            dev.berth.cli.daemon.Daemon.serve(java.nio.file.Path.of(daemon));
            System.exit(0);
        }
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cmd = BerthCommand.commandLine(System.getenv(), System.in, args);
        return cmd.execute(args);
    }
}
