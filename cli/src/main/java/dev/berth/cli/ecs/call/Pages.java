package dev.berth.cli.ecs.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.berth.cli.ecs.args.CliError;
import dev.berth.cli.ecs.model.Paginator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * botocore's PageIterator for one paginated operation: calls until ECS returns no next token,
 * and with {@code --max-items} stops after that many results, handing back a resume token
 * (base64 of {"nextToken": ..., "boto_truncate_amount": n}) that {@code --starting-token}
 * continues from, as the AWS CLI's pagination does.
 */
final class Pages {
    private static final int MAX_PAGES = 100_000;
    private static final String TRUNCATE = "boto_truncate_amount";

    private Pages() {
    }

    /** {@code fetch} calls the operation with one page's parameters and returns the shaped response. */
    static Caller.Response collect(Paginator p, ObjectNode params, Integer pageSize, Integer maxItems, String startingToken,
                                   Function<ObjectNode, JsonNode> fetch) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode page = params.deepCopy();
        if (pageSize != null) page.put(p.limitKey(), pageSize);
        ObjectNode nextToken = nodes.objectNode();
        nextToken.putNull(p.inputToken());
        int startingTruncation = 0;
        if (startingToken != null) {
            ObjectNode decoded = decode(startingToken, p);
            startingTruncation = decoded.has(TRUNCATE) ? decoded.remove(TRUNCATE).asInt() : 0;
            nextToken = decoded;
            if (!decoded.get(p.inputToken()).isNull()) page.put(p.inputToken(), decoded.get(p.inputToken()).asText());
        }
        ArrayNode joined = null;
        List<JsonNode> textPages = new ArrayList<>();
        String resume = null;
        int total = 0;
        for (int n = 0; n < MAX_PAGES; n++) {
            JsonNode response = fetch.apply(page);
            JsonNode results = response.get(p.resultKey());
            if (n == 0 && startingToken != null) {
                ArrayNode sliced = nodes.arrayNode();
                if (results != null) for (int i = startingTruncation; i < results.size(); i++) sliced.add(results.get(i));
                results = sliced;
            } else if (n > 0) {
                startingTruncation = 0;
            }
            int count = results == null ? 0 : results.size();
            int truncate = maxItems == null ? 0 : total + count - maxItems;
            boolean stop = false;
            if (truncate > 0) {
                int keep = count - truncate;
                ArrayNode kept = nodes.arrayNode();
                for (int i = 0; i < keep; i++) kept.add(results.get(i));
                results = kept;
                ObjectNode token = nextToken.deepCopy();
                token.put(TRUNCATE, keep + startingTruncation);
                resume = encode(token);
                stop = true;
            }
            ObjectNode textPage = nodes.objectNode();
            textPage.set(p.resultKey(), results == null ? nodes.nullNode() : results);
            textPages.add(textPage);
            if (results != null) {
                if (joined == null) joined = nodes.arrayNode();
                joined.addAll((ArrayNode) results);
            }
            if (stop) break;
            total += count;
            JsonNode next = response.get(p.outputToken());
            nextToken = nodes.objectNode();
            if (next == null || next.isNull()) nextToken.putNull(p.inputToken());
            else nextToken.put(p.inputToken(), next.asText());
            if (next == null || next.isNull()) break;
            if (maxItems != null && total == maxItems) {
                resume = encode(nextToken);
                break;
            }
            page.put(p.inputToken(), next.asText());
        }
        ObjectNode full = nodes.objectNode();
        if (joined != null) full.set(p.resultKey(), joined);
        if (resume != null) {
            full.put("NextToken", resume);
            ObjectNode inner = nodes.objectNode();
            inner.put("NextToken", resume);
            ObjectNode outer = nodes.objectNode();
            outer.set("NextToken", inner);
            textPages.add(outer);
        }
        return new Caller.Response(full, textPages);
    }

    /** botocore's TokenEncoder: base64 of json.dumps(token). */
    static String encode(ObjectNode token) {
        List<String> parts = new ArrayList<>();
        token.fields().forEachRemaining(e -> parts.add(TextNode.valueOf(e.getKey()) + ": " + e.getValue().toString()));
        String json = "{" + String.join(", ", parts) + "}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode decode(String token, Paginator p) {
        try {
            JsonNode n = new ObjectMapper().readTree(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
            if (n instanceof ObjectNode o && o.has(p.inputToken())) return o;
        } catch (IllegalArgumentException | java.io.IOException e) {
            // reported below
        }
        throw CliError.general("Bad starting token: " + token);
    }
}
