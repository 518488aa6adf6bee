package dev.berth.cli.ecs;

import dev.berth.cli.ecs.args.CliError;
import dev.berth.cli.ecs.args.ParsedArgs;
import dev.berth.cli.ecs.call.Caller;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.view.aws.AwsJson;
import dev.berth.cli.view.aws.AwsTable;
import dev.berth.cli.view.aws.AwsText;

/** --output (else AWS_DEFAULT_OUTPUT, else json) and --color, and the printing they choose. */
record OutputStyle(String format, boolean colour, int width) {
    static OutputStyle from(ParsedArgs args, EcsSession session) {
        String format = args.setting("output").orElse(session.env().getOrDefault("AWS_DEFAULT_OUTPUT", "json"));
        if (!format.equals("json") && !format.equals("text") && !format.equals("table")) {
            throw CliError.usage("argument --output: Invalid choice, valid choices are:\n\n"
                    + "json | text | table\n\n(berth ecs does not print yaml or yaml-stream)");
        }
        String color = args.setting("color").orElse("auto");
        boolean colour = switch (color) {
            case "on" -> true;
            case "off" -> false;
            case "auto" -> session.terminal();
            default -> throw CliError.usage("argument --color: Invalid choice, valid choices are:\n\non | off | auto");
        };
        return new OutputStyle(format, colour, session.terminal() ? session.terminalWidth() : 80);
    }

    String render(String operation, Caller.Response response, EcsModel model) {
        return switch (format) {
            case "text" -> {
                StringBuilder out = new StringBuilder();
                response.textPages().forEach(page -> out.append(AwsText.render(page)));
                yield out.toString();
            }
            case "table" -> AwsTable.render(operation, response.full(), width, model::isWide, colour);
            default -> AwsJson.render(response.full());
        };
    }
}
