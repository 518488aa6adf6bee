package dev.berth.cli.ecs;

import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.ecs.model.Member;
import dev.berth.cli.ecs.model.Operation;
import dev.berth.cli.ecs.model.Shape;
import dev.berth.ecs.api.Actions;

import java.util.ArrayList;
import java.util.List;

/** The usage text, the command list and one command's options, drawn from the model. */
final class Help {
    private Help() {
    }

    /** The usage block every command-line error starts with (the AWS CLI's, naming berth). */
    static String usage() {
        return "usage: berth ecs <command> [parameters]\n"
                + "To see help text, you can run:\n"
                + "\n"
                + "  berth ecs help\n"
                + "  berth ecs <command> help\n";
    }

    static String commands(EcsModel model) {
        StringBuilder out = new StringBuilder("usage: berth ecs <command> [parameters]\n\n"
                + "The AWS CLI's ecs commands, on berth's control plane (or a berth server with --endpoint-url):\n\n");
        for (String c : model.commands().keySet()) out.append("  ").append(c).append('\n');
        out.append("\nGlobal options: --output json|text|table, --endpoint-url URL, --no-paginate, --color on|off|auto\n");
        return out.toString();
    }

    static String operation(EcsModel model, Operation op) {
        Shape input = model.shape(op.input());
        StringBuilder out = new StringBuilder("usage: berth ecs " + op.command() + " [options]\n\n"
                + "Calls ECS's " + op.name() + ". Options (JSON or shorthand syntax for structures; file://PATH reads a file):\n\n");
        java.util.Set<String> served = new java.util.HashSet<>();
        Actions.named(op.name()).ifPresent(a -> {
            for (java.lang.reflect.RecordComponent c : a.requestType().getRecordComponents()) served.add(c.getName());
        });
        List<String> unserved = new ArrayList<>();
        for (Member m : input.members()) {
            if (!served.contains(m.name())) {
                unserved.add("--" + m.cliName());
                continue;
            }
            Shape s = model.shape(m.shape());
            boolean required = input.required().contains(m.name());
            String flag = s.type().equals("boolean") ? "--" + m.cliName() + " | --no-" + m.cliName() : "--" + m.cliName();
            out.append(String.format("  %-45s %s%s%n", flag, describe(model, s), required ? " (required)" : ""));
        }
        out.append(String.format("  %-45s %s%n", "--cli-input-json JSON|file://PATH", "the whole request as JSON"));
        out.append(String.format("  %-45s %s%n", "--generate-cli-skeleton [input|output]", "print a request (or response) skeleton"));
        if (!unserved.isEmpty()) {
            out.append("\nECS's other parameters, which berth does not serve yet: ").append(String.join(", ", unserved)).append('\n');
        }
        return out.toString();
    }

    private static String describe(EcsModel model, Shape s) {
        if (s.isList()) return "list of " + describe(model, model.shape(s.member())) + " (several values)";
        if (s.isMap()) return "map";
        return s.type();
    }

    /** argparse's message for an unknown command, with the commands in two columns. */
    static String invalidChoice(EcsModel model, String command) {
        List<String> choices = new ArrayList<>(model.commands().keySet());
        choices.add("help");
        StringBuilder msg = new StringBuilder("argument operation: Invalid choice, valid choices are:\n\n");
        for (int i = 0; i < choices.size(); i += 2) {
            List<String> row = new ArrayList<>();
            for (String c : choices.subList(i, Math.min(i + 2, choices.size()))) row.add(String.format("%-40s", c));
            msg.append(String.join(" | ", row)).append('\n');
        }
        return msg.toString().stripTrailing();
    }
}
