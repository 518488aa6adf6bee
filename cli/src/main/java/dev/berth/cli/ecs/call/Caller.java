package dev.berth.cli.ecs.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.ecs.args.CliError;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.ecs.model.Member;
import dev.berth.cli.ecs.model.Operation;
import dev.berth.cli.ecs.model.Paginator;
import dev.berth.cli.ecs.model.Shape;
import dev.berth.ecs.api.Actions;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsJson;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Calls one action of {@link EcsApi} with the request the command line built, through the
 * request and response records, and returns the response as the AWS CLI would print it. A
 * paginated operation is called until ECS returns no next token and its pages joined, as the
 * AWS CLI's paginator does unless told {@code --no-paginate} or given a token or page size of
 * the operation's own.
 */
public final class Caller {
    private final EcsModel model;
    private final ResponseShaper shaper;

    public Caller(EcsModel model, ResponseShaper shaper) {
        this.model = model;
        this.shaper = shaper;
    }

    /** The record {@code params} describes; a member berth does not serve yet is a parameter error. */
    public Object request(Operation op, ObjectNode params) {
        Actions.Action action = Actions.named(op.name()).orElseThrow(() ->
                new IllegalStateException("EcsApi has no action " + op.name()));
        Set<String> served = new HashSet<>();
        for (RecordComponent c : action.requestType().getRecordComponents()) served.add(c.getName());
        Shape input = model.shape(op.input());
        Iterator<String> names = params.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!served.contains(name)) {
                Member m = input.memberNamed(name).orElseThrow();
                throw CliError.param("--" + m.cliName(), "berth does not support this parameter of " + op.name() + " yet.");
            }
        }
        try {
            return EcsJson.MAPPER.treeToValue(params, action.requestType());
        } catch (JsonProcessingException e) {
            throw CliError.param(op.command(), "cannot read the request: " + e.getOriginalMessage());
        }
    }

    /**
     * A response as the AWS CLI holds it: {@code full} for json and table (a paginated one's pages
     * joined), {@code textPages} for text, which prints a paginated response page by page, each
     * as its result list alone (None where a page has none).
     */
    public record Response(JsonNode full, List<JsonNode> textPages) {
    }

    /**
     * Calls the action, every page of a paginated one when {@code paginate} (up to {@code maxItems}
     * results, from {@code startingToken}), shaped for printing.
     */
    public Response call(EcsApi api, Operation op, ObjectNode params, Paging paging) {
        Actions.Action action = Actions.named(op.name()).orElseThrow();
        Shape output = model.shape(op.output());
        Paginator p = op.paginator();
        if (p == null || !paging.paginate() || params.has(p.inputToken()) || params.has(p.limitKey())) {
            JsonNode response = shaper.shape(wire(action.invoke(api, request(op, params))), output);
            return new Response(response, List.of(response));
        }
        return Pages.collect(p, params, paging.pageSize(), paging.maxItems(), paging.startingToken(),
                page -> shaper.shape(wire(action.invoke(api, request(op, page))), output));
    }

    /** The AWS CLI's paging options: --no-paginate, --page-size, --max-items, --starting-token. */
    public record Paging(boolean paginate, Integer pageSize, Integer maxItems, String startingToken) {
    }

    private static JsonNode wire(Object response) {
        return response == null ? JsonNodeFactory.instance.objectNode() : EcsJson.MAPPER.valueToTree(response);
    }
}
