package dev.berth.cli.ecs.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.ecs.args.CliError;
import dev.berth.cli.ecs.args.ParsedArgs;
import dev.berth.cli.ecs.args.Unpacker;
import dev.berth.cli.ecs.args.Validator;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.ecs.model.Member;
import dev.berth.cli.ecs.model.Operation;
import dev.berth.cli.ecs.model.Shape;

import java.util.Iterator;
import java.util.List;

/**
 * The request's parameters from a parsed command line, in the AWS CLI's steps: each option
 * unpacked in the model's member order, then {@code --cli-input-json} filling what the command
 * line left out, then botocore's validation.
 */
public final class RequestBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EcsModel model;
    private final Unpacker unpacker;

    public RequestBuilder(EcsModel model, Unpacker unpacker) {
        this.model = model;
        this.unpacker = unpacker;
    }

    public ObjectNode build(Operation op, ParsedArgs args) {
        Shape input = model.shape(op.input());
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        for (Member m : input.members()) {
            Shape shape = model.shape(m.shape());
            if (shape.type().equals("boolean")) {
                Boolean b = args.flags().get(m.name());
                if (b != null) params.put(m.name(), b);
                continue;
            }
            List<String> values = args.params().get(m.name());
            if (values == null) continue;
            String cliName = "--" + m.cliName();
            if (values.isEmpty()) {
                // argparse gives [] for a list option with no values; the AWS CLI sends it as an empty list.
                if (shape.isList()) params.set(m.name(), JsonNodeFactory.instance.arrayNode());
                continue;
            }
            params.set(m.name(), unpacker.unpack(cliName, shape, values, shape.isList()));
        }
        args.setting("cli-input-yaml").ifPresent(y -> {
            throw CliError.param("--cli-input-yaml", "berth ecs reads --cli-input-json only; give the same input as JSON.");
        });
        args.setting("cli-input-json").ifPresent(text -> merge(params, text));
        Validator.check(model, params, input);
        return params;
    }

    private void merge(ObjectNode params, String value) {
        String text = value;
        String file = unpacker.readParamFile("--cli-input-json", value);
        if (file != null) text = file;
        JsonNode loaded;
        try {
            loaded = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw CliError.param("cli-input-json", "Invalid JSON received.");
        }
        if (loaded == null || !loaded.isObject()) {
            String type = loaded == null ? "NoneType" : loaded.isArray() ? "list" : loaded.isTextual() ? "str"
                    : loaded.isIntegralNumber() ? "int" : loaded.isNumber() ? "float" : loaded.isBoolean() ? "bool" : "NoneType";
            throw CliError.param("--cli-input-json", "Invalid type: expecting map, received <class '" + type + "'>");
        }
        Iterator<String> names = loaded.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!params.has(key)) params.set(key, loaded.get(key));
        }
    }
}
