package dev.berth.cli.command;

import picocli.CommandLine;

import java.io.PrintWriter;

/** Last-resort handlers: a user sees one sentence, never a stack trace (unless BERTH_DEBUG is set). */
final class Errors {
    private Errors() {
    }

    static int onParameterError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println();
        err.println("Error: " + Mistyped.explain(e).orElse(e.getMessage()));
        err.println();
        err.println("For more help on using this command, run: "
                + e.getCommandLine().getCommandSpec().qualifiedName(" ") + " -help");
        err.flush();
        return 1;
    }

    static int onExecutionError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println();
        err.println("Error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        if (System.getenv("BERTH_DEBUG") != null) e.printStackTrace(err);
        else if (!(e instanceof UserError)) {
            err.println();
            err.println("This is an internal error in berth; set BERTH_DEBUG=1 to see where it happened.");
        }
        err.flush();
        return 1;
    }

    /** A failure whose message is meant for the user as it is. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message, null, false, false);
        }
    }
}
