package dev.berth.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** The root command: global options, then one subcommand, spelled as Terraform spells them. */
@Command(name = "berth", scope = CommandLine.ScopeType.INHERIT,
        description = "Plans and applies ECS-style infrastructure on Docker engines.",
        subcommands = {ValidateCommand.class, PlanCommand.class, ApplyCommand.class, DestroyCommand.class,
                ShowCommand.class, StateCommand.class, OutputCommand.class, ImportCommand.class,
                ForceUnlockCommand.class, GraphCommand.class, FmtCommand.class, AgentCommand.class, EcsCommand.class,
                ServerCommand.class, LogsCommand.class, SecretCommand.class, ClusterCommand.class, CostCommand.class,
                VersionCommand.class})
public final class BerthCommand implements Runnable {
    public static final String VERSION = "0.1.0";

    @Option(names = "-chdir", paramLabel = "DIR", scope = CommandLine.ScopeType.LOCAL,
            description = "Switch to a different working directory before executing the given subcommand.")
    Path chdir;

    @Option(names = {"-help", "--help", "-h"}, usageHelp = true, scope = CommandLine.ScopeType.INHERIT,
            description = "Show this help.")
    boolean help;

    @Option(names = {"-version", "--version"}, scope = CommandLine.ScopeType.LOCAL, description = "Print the version.")
    boolean version;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (version) {
            VersionCommand.print(spec.commandLine().getOut());
            return;
        }
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private Map<String, String> env = System.getenv();
    private java.io.InputStream stdin = System.in;

    Path workingDir() {
        return chdir == null ? Path.of(".") : chdir;
    }

    /** The environment the command reads its settings from (BERTH_ECS_STORE, ...). */
    Map<String, String> env() {
        return env;
    }

    /** Where a command reads what the user pipes in ({@code secret put}'s value). */
    java.io.InputStream stdin() {
        return stdin;
    }

    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line reading {@code env} instead of the process environment, for running in process. */
    public static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, System.in);
    }

    /** As {@link #commandLine(Map)}, reading standard input from {@code stdin}. */
    public static CommandLine commandLine(Map<String, String> env, java.io.InputStream stdin) {
        BerthCommand root = new BerthCommand();
        root.env = Map.copyOf(env);
        root.stdin = stdin;
        CommandLine cmd = new CommandLine(root);
        cmd.setPosixClusteredShortOptionsAllowed(false);
        // Go's flag package lets a repeated flag win by its last value; -var/-var-file rely on it.
        cmd.setOverwrittenOptionsAllowed(true);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(Errors::onParameterError);
        cmd.setExecutionExceptionHandler(Errors::onExecutionError);
        EcsCommand.configure(cmd.getSubcommands().get("ecs"));
        return cmd;
    }
}
