package dev.berth.cli.ecs.args;

import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.ecs.model.Member;
import dev.berth.cli.ecs.model.Operation;
import dev.berth.cli.ecs.model.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of one operation as the AWS CLI builds them: one per input member (list members
 * take several values, booleans are {@code --x} / {@code --no-x}), {@code --cli-input-json},
 * {@code --generate-cli-skeleton}, the paging options of paginated operations and the global
 * options; plus the spellings ECS guides use that the AWS CLI rejects
 * ({@code update-service --service-name}, {@code delete-service --service-name}).
 */
public final class OperationOptions {
    /** Spellings berth accepts beside the AWS CLI's own: operation, then flag to input member. */
    private static final Map<String, Map<String, String>> GUIDE_SPELLINGS = Map.of(
            "UpdateService", Map.of("--service-name", "service"),
            "DeleteService", Map.of("--service-name", "service"));

    /** Global options taking a value, and flags, as the AWS CLI v2 has them. */
    public static final List<String> GLOBAL_VALUES = List.of("--output", "--endpoint-url", "--query", "--region",
            "--profile", "--color", "--cli-read-timeout", "--cli-connect-timeout", "--ca-bundle", "--cli-binary-format");
    public static final List<String> GLOBAL_FLAGS = List.of("--debug", "--no-paginate", "--no-verify-ssl",
            "--no-sign-request", "--no-cli-pager", "--cli-auto-prompt", "--no-cli-auto-prompt");

    private OperationOptions() {
    }

    public static List<Option> of(EcsModel model, Operation op, List<String> args) {
        Shape input = model.shape(op.input());
        boolean relaxed = args.contains("--cli-input-json") || args.contains("--cli-input-yaml") || skeletonInput(args);
        List<Option> options = new ArrayList<>();
        for (Member m : input.members()) {
            Shape shape = model.shape(m.shape());
            boolean required = !relaxed && input.required().contains(m.name())
                    && !input.idempotencyTokens().contains(m.name());
            String flag = "--" + m.cliName();
            if (shape.type().equals("boolean")) {
                options.add(Option.flag(flag, m.name(), true, true));
                options.add(Option.flag("--no-" + m.cliName(), m.name(), false, true));
            } else {
                options.add(Option.param(flag, shape.isList() ? Option.Arity.MANY : Option.Arity.ONE, m.name(), required));
            }
        }
        GUIDE_SPELLINGS.getOrDefault(op.name(), Map.of()).forEach((flag, member) ->
                options.add(Option.param(flag, Option.Arity.ONE, member, false)));
        options.add(Option.setting("--cli-input-json", Option.Arity.ONE, "cli-input-json"));
        options.add(Option.setting("--cli-input-yaml", Option.Arity.ONE, "cli-input-yaml"));
        options.add(Option.setting("--generate-cli-skeleton", Option.Arity.OPTIONAL, "generate-cli-skeleton"));
        if (op.paginated()) {
            options.add(Option.setting("--starting-token", Option.Arity.ONE, "starting-token"));
            options.add(Option.setting("--page-size", Option.Arity.ONE, "page-size"));
            options.add(Option.setting("--max-items", Option.Arity.ONE, "max-items"));
        }
        for (String g : GLOBAL_VALUES) options.add(Option.setting(g, Option.Arity.ONE, g.substring(2)));
        for (String g : GLOBAL_FLAGS) options.add(Option.flag(g, g.substring(2), true, false));
        return options;
    }

    /** {@code --generate-cli-skeleton} without "output" after it makes required options optional. */
    private static boolean skeletonInput(List<String> args) {
        int i = args.indexOf("--generate-cli-skeleton");
        if (i < 0) return false;
        return i + 1 >= args.size() || !args.get(i + 1).equals("output");
    }
}
