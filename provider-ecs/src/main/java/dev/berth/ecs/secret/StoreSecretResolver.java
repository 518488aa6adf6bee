package dev.berth.ecs.secret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves references against the user's secret store, opened on first use: a run whose task
 * definitions name no secret never creates or opens the file.
 */
public final class StoreSecretResolver implements SecretResolver, AutoCloseable {
    private final Path file;
    private SecretStore store;

    public StoreSecretResolver(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    private synchronized boolean opened() {
        return store != null;
    }

    private synchronized SecretStore store() {
        if (store == null) store = SecretStore.open(file);
        return store;
    }

    @Override
    public String resolve(String valueFrom) {
        ValueFrom ref = ValueFrom.parse(valueFrom);
        // Asking is not putting: a store nobody has put a secret into is not created by a plan.
        if (!opened() && !Files.exists(file)) throw missing(ref);
        SecretStore s = store();
        Optional<String> value = Optional.empty();
        for (String name : ref.candidates()) {
            value = s.get(name);
            if (value.isPresent()) break;
        }
        if (value.isEmpty()) throw missing(ref);
        return ref.jsonKey() == null ? value.get() : jsonKey(ref, value.get());
    }

    private SecretException missing(ValueFrom ref) {
        String message = "No secret named " + SecretName.quote(ref.name()) + " in berth's secret store " + file
                + "; set it with: berth secret put " + ref.name();
        // ECS's own wording for a secret that does not exist, per service it would have asked.
        return ref.secretsManager()
                ? new SecretException(message, "unable to retrieve secret from asm: failed to fetch secret "
                        + ref.text() + " from secrets manager: ResourceNotFoundException: Secrets Manager can't find "
                        + "the specified secret.")
                : new SecretException(message, "unable to retrieve secrets from ssm: invalid ssm parameters: "
                        + ref.name());
    }

    private static String jsonKey(ValueFrom ref, String value) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            node = null;
        }
        JsonNode field = node == null || !node.isObject() ? null : node.get(ref.jsonKey());
        if (field == null || field.isNull()) {
            throw new SecretException("Secret " + SecretName.quote(ref.name()) + " has no JSON key "
                    + SecretName.quote(ref.jsonKey()) + (node == null || !node.isObject()
                    ? ": its value is not a JSON object." : "."),
                    "unable to retrieve secret from asm: retrieved secret from Secrets Manager did not contain json key "
                            + ref.jsonKey());
        }
        return field.isTextual() ? field.textValue() : field.toString();
    }

    @Override
    public synchronized void close() {
        if (store != null) store.close();
        store = null;
    }

    /** Made on first use: most runs never read a secret's JSON key, and a mapper costs a start its time. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
