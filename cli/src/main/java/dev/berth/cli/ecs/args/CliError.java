package dev.berth.cli.ecs.args;

/**
 * A failure before any API call, printed as the AWS CLI v2 prints it: a blank line, the text, a
 * newline, and its exit code (252 for a bad parameter or usage, 255 for the general errors
 * Python raises, such as an integer that is not one).
 */
public final class CliError extends RuntimeException {
    public static final int PARAM = 252;
    public static final int GENERAL = 255;

    private final int exitCode;
    private final boolean withUsage;

    private CliError(int exitCode, String message, boolean withUsage) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.withUsage = withUsage;
    }

    /** "Error parsing parameter '--x': ..." */
    public static CliError param(String cliName, String message) {
        return new CliError(PARAM, "Error parsing parameter '" + cliName + "': " + message, false);
    }

    /** A command-line mistake argparse reports: printed after the usage text. */
    public static CliError usage(String message) {
        return new CliError(PARAM, message, true);
    }

    public static CliError validation(String report) {
        return new CliError(PARAM, report, false);
    }

    /** What the AWS CLI reports with exit 255 (a Python ValueError and the like). */
    public static CliError general(String message) {
        return new CliError(GENERAL, message, false);
    }

    public int exitCode() {
        return exitCode;
    }

    public boolean withUsage() {
        return withUsage;
    }
}
