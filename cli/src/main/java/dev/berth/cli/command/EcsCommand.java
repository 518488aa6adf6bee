package dev.berth.cli.command;

import dev.berth.cli.ecs.EcsCli;
import dev.berth.cli.ecs.EcsSession;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.wiring.EcsApis;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code berth ecs COMMAND [options]}: the AWS CLI's ecs commands, spelled and printed as the AWS
 * CLI v2 spells and prints them. picocli only hands the arguments over; {@link EcsCli} reads them
 * as the AWS CLI does (see {@link #configure}).
 */
@Command(name = "ecs", description = "Runs the AWS CLI's ecs commands (create-cluster, run-task, ...) on berth's control plane.")
public final class EcsCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "ARGS", description = "COMMAND and its options, as for 'aws ecs'.")
    List<String> args = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // berth's own: moving the control plane between stores (AWS's ecs has no "migrate").
        if (!args.isEmpty() && args.get(0).equals("migrate")) {
            BerthCommand root = (BerthCommand) spec.root().userObject();
            return EcsMigrate.run(args.subList(1, args.size()), root.workingDir(), root.env(), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        EcsSession session = EcsApis.session();
        return new EcsCli(EcsModel.get(), session, new EcsApis(session))
                .run(args, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Every argument after {@code ecs} goes to {@link EcsCli} as it is, --help and unknown options included. */
    static void configure(CommandLine ecs) {
        // The AWS CLI (Python 3 in UTF-8 mode) writes UTF-8 whatever the locale; so does berth ecs.
        ecs.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        ecs.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        ecs.setUnmatchedOptionsArePositionalParams(true);
        ecs.setStopAtPositional(true);
        CommandLine.Model.CommandSpec spec = ecs.getCommandSpec();
        for (CommandLine.Model.OptionSpec o : new ArrayList<>(spec.options())) spec.remove(o);
    }
}
