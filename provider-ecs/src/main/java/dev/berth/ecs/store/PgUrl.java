package dev.berth.ecs.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A control plane in PostgreSQL, as a user writes it: {@code postgres://USER:PASSWORD@HOST:PORT/DB},
 * with {@code ?schema=NAME} choosing the schema its tables live in ({@value #DEFAULT_SCHEMA} by
 * default, so the configuration state can share the database) and any other query parameter
 * ({@code sslmode}, ...) handed to PostgreSQL's JDBC driver. {@link #shown()} is the URL without its
 * password, the only form any message prints.
 */
public record PgUrl(String host, int port, String database, String user, String password, String schema,
                    Map<String, String> options) {
    public static final String DEFAULT_SCHEMA = "berth_ecs";

    public PgUrl {
        options = Map.copyOf(options);
    }

    /** Whether {@code text} names a PostgreSQL control plane rather than a file. */
    public static boolean is(String text) {
        return text != null && (text.startsWith("postgres://") || text.startsWith("postgresql://"));
    }

    /**
     * @throws EcsStoreException with one sentence (the URL shown without its password) when the URL is malformed
     */
    public static PgUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new EcsStoreException("The ecs control plane URL " + redact(text) + " is not a valid URL ("
                    + e.getReason() + ").", e);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new EcsStoreException("The ecs control plane URL " + redact(text) + " names no host.", null);
        }
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (db.isEmpty()) {
            throw new EcsStoreException("The ecs control plane URL " + redact(text) + " names no database"
                    + " (postgres://USER@HOST:PORT/DATABASE).", null);
        }
        String user = null, password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            if (parts.length > 1) password = decode(parts[1]);
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) continue;
                String[] kv = pair.split("=", 2);
                options.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        String schema = Optional.ofNullable(options.remove("schema")).filter(s -> !s.isEmpty()).orElse(DEFAULT_SCHEMA);
        return new PgUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db, user, password, schema, options);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The driver's connection properties: user, password, the other query parameters. */
    public Properties properties() {
        Properties p = new Properties();
        options.forEach(p::setProperty);
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        return p;
    }

    /** The URL without its password: what errors and notices print. */
    public String shown() {
        StringBuilder sb = new StringBuilder("postgres://");
        if (user != null) sb.append(user).append('@');
        sb.append(host).append(':').append(port).append('/').append(database);
        if (!schema.equals(DEFAULT_SCHEMA)) sb.append("?schema=").append(schema);
        return sb.toString();
    }

    @Override
    public String toString() {
        return shown();
    }

    /** {@code text} with whatever stands between "://user:" and "@" blanked, for a URL too broken to parse. */
    static String redact(String text) {
        return text.replaceFirst("(://[^:/@]*):[^@/]*@", "$1:***@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
