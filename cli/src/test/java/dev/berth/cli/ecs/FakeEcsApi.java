package dev.berth.cli.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ecs.api.Actions;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.EcsJson;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An EcsApi for pure tests of parsing and printing: answers each call with the next canned
 * response (wire JSON read into the action's response record, as a berth server's client would)
 * or with a canned error, and records every request as the JSON the record writes.
 */
final class FakeEcsApi {
    final List<JsonNode> requests = new ArrayList<>();
    private final Deque<JsonNode> responses;
    private final JsonNode error;

    FakeEcsApi(List<JsonNode> responses, JsonNode error) {
        this.responses = new ArrayDeque<>(responses);
        this.error = error;
    }

    EcsApi api() {
        return (EcsApi) Proxy.newProxyInstance(EcsApi.class.getClassLoader(), new Class<?>[]{EcsApi.class}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) return method.invoke(this, args);
            Actions.Action action = Actions.of(method);
            ObjectNode record = JsonNodeFactory.instance.objectNode();
            record.put("action", action.name());
            record.set("body", EcsJson.MAPPER.readTree(EcsJson.write(args[0])));
            requests.add(record);
            if (error != null) throw new EcsException(error.get("__type").asText(), error.get("message").asText());
            if (responses.isEmpty()) throw new EcsException(EcsException.SERVER, "the case has no more responses");
            return EcsJson.read(responses.pop().toString(), action.responseType());
        });
    }

    ApiSource source() {
        return endpoint -> new ApiSource.Handle(api(), null);
    }
}
