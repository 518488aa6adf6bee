package dev.berth.ecs.store;


import java.util.Map;
import java.util.Optional;

/**
 * The client token each create carried, kept with the object it made (keyed by the object's id,
 * as ECS keeps a CreateService or RunTask token with the service or task). Written before the
 * object is, so a caller that died during the create can ask what its token made; forgotten when
 * the object is deleted, so a token never names something gone.
 */
public final class ClientTokens {
    public static final String TABLE = "client_tokens";

    /** A row: which resource type made the object, and with which token. */
    public record Entry(String type, String token) {
    }

    private final Table<Entry> rows;

    public ClientTokens(EcsStore store) {
        this.rows = new Table<>(store, TABLE, Entry.class);
    }

    /** Records that {@code id} is being made by a create carrying {@code token}; no token, no row. */
    public void record(String id, String type, String token) {
        if (id != null && token != null) rows.put(id, new Entry(type, token));
    }

    /** The id of the object of this type that a create with this token made or began to make. */
    public Optional<String> find(String type, String token) {
        for (Map.Entry<String, Entry> e : rows.entries().entrySet()) {
            if (e.getValue().type().equals(type) && e.getValue().token().equals(token)) return Optional.of(e.getKey());
        }
        return Optional.empty();
    }

    public void forget(String id) {
        if (id != null) rows.delete(id);
    }
}
