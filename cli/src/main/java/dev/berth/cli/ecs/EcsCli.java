package dev.berth.cli.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.ecs.args.ArgvParser;
import dev.berth.cli.ecs.args.CliError;
import dev.berth.cli.ecs.args.OperationOptions;
import dev.berth.cli.ecs.args.ParsedArgs;
import dev.berth.cli.ecs.args.PyInt;
import dev.berth.cli.ecs.args.Skeleton;
import dev.berth.cli.ecs.args.Unpacker;
import dev.berth.cli.ecs.call.Caller;
import dev.berth.cli.ecs.call.RequestBuilder;
import dev.berth.cli.ecs.call.ResponseShaper;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.ecs.model.Operation;
import dev.berth.cli.view.aws.AwsJson;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one {@code berth ecs} command line: finds the operation, reads the options, prints a
 * skeleton or calls the API, and prints the response or the error as the AWS CLI v2 does, with
 * its exit codes (0; 252 bad parameters; 254 an API error; 255 anything else).
 */
public final class EcsCli {
    public static final int API_ERROR = 254;
    /** What a client of berth server throws for an endpoint that does not answer: no API error, as in botocore. */
    static final String CONNECTION_ERROR = "EndpointConnectionError";

    private final EcsModel model;
    private final EcsSession session;
    private final ApiSource apis;

    public EcsCli(EcsModel model, EcsSession session, ApiSource apis) {
        this.model = model;
        this.session = session;
        this.apis = apis;
    }

    public int run(List<String> argv, PrintWriter out, PrintWriter err) {
        String operationName = null;
        try {
            List<String> args = new ArrayList<>(argv);
            int at = commandIndex(args);
            if (at < 0) {
                if (args.contains("help") || args.isEmpty()) {
                    out.print(Help.commands(model));
                    out.flush();
                    return 0;
                }
                throw CliError.usage("the following arguments are required: operation");
            }
            String command = args.remove(at);
            if (command.equals("help")) {
                out.print(Help.commands(model));
                out.flush();
                return 0;
            }
            Operation op = model.command(command).orElseThrow(() -> CliError.usage(Help.invalidChoice(model, command)));
            operationName = op.name();
            ParsedArgs parsed = new ArgvParser(OperationOptions.of(model, op, args)).parse(args);
            if (parsed.help()) {
                out.print(Help.operation(model, op));
                out.flush();
                return 0;
            }
            OutputStyle style = OutputStyle.from(parsed, session);
            Optional<String> skeleton = parsed.settings().containsKey("generate-cli-skeleton")
                    ? Optional.of(parsed.setting("generate-cli-skeleton").orElse("input")) : Optional.empty();
            if (skeleton.isPresent() && !skeleton.get().equals("output")) {
                if (!skeleton.get().equals("input")) {
                    throw CliError.usage("argument --generate-cli-skeleton: berth ecs prints the input (JSON) and output skeletons only");
                }
                out.print(AwsJson.dump(Skeleton.input(model, model.shape(op.input()))));
                out.flush();
                return 0;
            }
            if (parsed.settings().containsKey("query")) {
                throw CliError.param("--query", "berth ecs does not evaluate JMESPath queries; print --output json and filter it (jq).");
            }
            RequestBuilder builder = new RequestBuilder(model, new Unpacker(model, session.cwd()));
            ObjectNode params = builder.build(op, parsed);
            Caller caller = new Caller(model, new ResponseShaper(model, session.zone()));
            Caller.Response response;
            if (skeleton.isPresent()) {
                caller.request(op, params);
                JsonNode sample = Skeleton.output(model, model.shape(op.output()));
                response = new Caller.Response(sample, List.of(sample));
            } else {
                Caller.Paging paging = new Caller.Paging(!Boolean.TRUE.equals(parsed.flags().get("no-paginate")),
                        integer(parsed, "page-size"), integer(parsed, "max-items"), parsed.setting("starting-token").orElse(null));
                String endpoint = parsed.setting("endpoint-url").orElse(session.env().get("BERTH_ECS_ENDPOINT"));
                try (ApiSource.Handle handle = apis.open(endpoint)) {
                    response = caller.call(handle.api(), op, params, paging);
                }
            }
            out.print(style.render(op.name(), response, model));
            out.flush();
            return 0;
        } catch (CliError e) {
            err.print("\n");
            if (e.withUsage()) err.print(Help.usage() + "\n" + (e.getMessage().startsWith("Unknown options") ? "" : "berth ecs: error: "));
            err.print(e.getMessage() + "\n");
            if (e.withUsage()) err.print("\n");
            err.flush();
            return e.exitCode();
        } catch (EcsException e) {
            if (e.errorName().equals(CONNECTION_ERROR)) {
                err.print("\n" + e.getMessage() + "\n");
                err.flush();
                return CliError.GENERAL;
            }
            err.print("\nAn error occurred (" + e.errorName() + ") when calling the " + operationName + " operation: "
                    + e.getMessage() + "\n");
            err.flush();
            return API_ERROR;
        } catch (RuntimeException e) {
            if (session.env().get("BERTH_DEBUG") != null) e.printStackTrace(err);
            err.print("\n" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "\n");
            err.flush();
            return CliError.GENERAL;
        }
    }

    private static Integer integer(ParsedArgs parsed, String setting) {
        return parsed.setting(setting).map(s -> PyInt.parse(s).intValue()).orElse(null);
    }

    /** Where the operation name is: the first argument that is neither an option nor a global option's value. */
    private static int commandIndex(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (OperationOptions.GLOBAL_VALUES.contains(a)) {
                i++;
                continue;
            }
            if (!a.startsWith("-")) return i;
        }
        return -1;
    }
}
