package dev.berth.ecs.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A control plane in PostgreSQL, as a user writes it: a {@code postgres://} URL as libpq takes it
 * ({@link dev.berth.pg.PgUrl}, shared with the state backend), with {@code ?schema=NAME} choosing
 * the schema its tables live in ({@value #DEFAULT_SCHEMA} by default, so the configuration state
 * can share the database). {@link #shown()} is the URL without its password, the only form any
 * message prints.
 */
public record PgUrl(dev.berth.pg.PgUrl server, String schema) {
    public static final String DEFAULT_SCHEMA = "berth_ecs";

    /** Whether {@code text} names a PostgreSQL control plane rather than a file. */
    public static boolean is(String text) {
        return text != null && dev.berth.pg.PgUrl.isUrl(text);
    }

    /**
     * @throws EcsStoreException with one sentence (never quoting the password) when the URL is malformed
     */
    public static PgUrl parse(String text) {
        dev.berth.pg.PgUrl url;
        try {
            url = dev.berth.pg.PgUrl.parse(text, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new EcsStoreException("The ecs control plane URL is not valid: " + e.getMessage() + ".", e);
        }
        Map<String, String> params = new LinkedHashMap<>(url.params());
        String schema = Optional.ofNullable(params.remove("schema")).filter(s -> !s.isEmpty()).orElse(DEFAULT_SCHEMA);
        return new PgUrl(new dev.berth.pg.PgUrl(url.scheme(), url.host(), url.port(), url.database(), url.user(),
                url.password(), params), schema);
    }

    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    /** The driver's connection properties: user, password, the other query parameters. */
    public Properties properties() {
        return server.properties();
    }

    /** The URL without its password: what errors and notices print. */
    public String shown() {
        String base = server.toString();
        if (schema.equals(DEFAULT_SCHEMA)) return base;
        return base + (base.contains("?") ? "&" : "?") + "schema=" + schema;
    }

    @Override
    public String toString() {
        return shown();
    }
}
