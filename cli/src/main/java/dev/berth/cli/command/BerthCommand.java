package dev.berth.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The root command: global options, then one subcommand, spelled as Terraform spells them. The
 * subcommands are a list here rather than the annotation's {@code subcommands}, so a run that names
 * one builds only that one (see {@link #commandLine(Map, java.io.InputStream, String...)}).
 */
@Command(name = "berth", scope = CommandLine.ScopeType.INHERIT,
        description = "Plans and applies ECS-style infrastructure on Docker engines.")
public final class BerthCommand implements Runnable {
    public static final String VERSION = "0.1.0";

    /** Every subcommand, in the order {@code berth -help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ValidateCommand.class, PlanCommand.class, ApplyCommand.class,
            DestroyCommand.class, ShowCommand.class, StateCommand.class, OutputCommand.class, ImportCommand.class,
            ForceUnlockCommand.class, GraphCommand.class, FmtCommand.class, AgentCommand.class, EcsCommand.class,
            ServerCommand.class, LogsCommand.class, SecretCommand.class, ClusterCommand.class, CostCommand.class,
            ConsoleCommand.class, VersionCommand.class, CompletionCommand.class, HelpCommand.class);

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
        return commandLine(env, stdin, new String[0]);
    }

    /**
     * The command line that runs {@code args}. Reflecting over every command's options costs more
     * than the rest of a small run (picocli reads them all when the tree is built), so when
     * {@code args} name a subcommand the tree holds only that one; it parses, runs and prints as
     * the whole tree would. Anything else (no subcommand, a mistyped one, the root's help) gets
     * the whole tree. Without {@code args} the tree is whole.
     */
    public static CommandLine commandLine(Map<String, String> env, java.io.InputStream stdin, String... args) {
        BerthCommand root = new BerthCommand();
        root.env = Map.copyOf(env);
        root.stdin = stdin;
        CommandLine cmd = new CommandLine(root);
        for (Class<?> sub : CommandChoice.needed(SUBCOMMANDS, args)) cmd.addSubcommand(sub);
        cmd.setPosixClusteredShortOptionsAllowed(false);
        // Go's flag package lets a repeated flag win by its last value; -var/-var-file rely on it.
        cmd.setOverwrittenOptionsAllowed(true);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(Errors::onParameterError);
        cmd.setExecutionExceptionHandler(Errors::onExecutionError);
        if (cmd.getSubcommands().containsKey("ecs")) EcsCommand.configure(cmd.getSubcommands().get("ecs"));
        HelpExamples.attach(cmd);
        return cmd;
    }
}
