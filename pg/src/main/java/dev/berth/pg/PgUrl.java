package dev.berth.pg;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A {@code postgres://[user[:password]@]host[:port][/database][?param=value&...]} URL (also
 * {@code postgresql://}), as libpq and Terraform's pg backend take it. What the URL leaves out
 * comes from libpq's environment variables ({@code PGUSER}, {@code PGPASSWORD}, {@code PGHOST},
 * {@code PGPORT}, {@code PGDATABASE}), then libpq's defaults (localhost, 5432, the database named
 * after the user). The password is kept apart and never appears in {@link #toString()}.
 */
public record PgUrl(String scheme, String host, int port, String database, String user,
                    Optional<String> password, Map<String, String> params) {

    public PgUrl {
        Objects.requireNonNull(host, "host");
        password = Objects.requireNonNull(password, "password");
        params = Map.copyOf(params);
    }

    /** Whether the text is meant as a PostgreSQL URL rather than a file path. */
    public static boolean isUrl(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.startsWith("postgres://") || t.startsWith("postgresql://");
    }

    /**
     * Parses a URL, filling what it leaves out from {@code env}.
     *
     * @throws IllegalArgumentException with one sentence, never quoting a password
     */
    public static PgUrl parse(String url, Map<String, String> env) {
        if (!isUrl(url)) throw new IllegalArgumentException("not a postgres:// URL");
        int colon = url.indexOf("://");
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = url.substring(colon + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String info = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int c = info.indexOf(':');
            user = decode(c >= 0 ? info.substring(0, c) : info);
            if (c >= 0) password = decode(info.substring(c + 1));
        }
        String host = rest;
        String portText = null;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) throw new IllegalArgumentException("its IPv6 host has no closing ]");
            portText = host.length() > end + 1 && host.charAt(end + 1) == ':' ? host.substring(end + 2) : null;
            host = host.substring(1, end);
        } else if (host.contains(",")) {
            throw new IllegalArgumentException("berth takes one host per URL");
        } else if (host.indexOf(':') >= 0) {
            portText = host.substring(host.indexOf(':') + 1);
            host = host.substring(0, host.indexOf(':'));
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("its parameter \"" + pair + "\" has no value");
            params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        if (host.isEmpty()) host = env.getOrDefault("PGHOST", "localhost");
        if (portText == null || portText.isEmpty()) portText = env.getOrDefault("PGPORT", "5432");
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("its port \"" + portText + "\" is not a number");
        }
        if (port < 1 || port > 65535) throw new IllegalArgumentException("its port " + port + " is out of range");
        if (user == null || user.isEmpty()) user = env.getOrDefault("PGUSER", env.getOrDefault("USER", "postgres"));
        if (password == null) password = env.get("PGPASSWORD");
        String database = decode(path);
        if (database.isEmpty()) database = env.getOrDefault("PGDATABASE", user);
        return new PgUrl(scheme, host, port, database, user, Optional.ofNullable(password), params);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("it holds a malformed %-escape");
        }
    }

    /** The driver's URL; user, password and parameters travel as {@link #properties()}. */
    public String jdbcUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** libpq parameter names the driver spells otherwise. */
    private static final Map<String, String> DRIVER_NAMES = Map.of(
            "connect_timeout", "connectTimeout", "application_name", "ApplicationName",
            "sslrootcert", "sslrootcert", "sslcert", "sslcert", "sslkey", "sslkey", "sslmode", "sslmode");

    /** The driver's connection properties: user, password, the URL's parameters, berth's defaults. */
    public Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        password.ifPresent(pw -> p.setProperty("password", pw));
        // A server that does not answer is an error within seconds, not a hang.
        p.setProperty("connectTimeout", "10");
        p.setProperty("loginTimeout", "10");
        p.setProperty("ApplicationName", "berth");
        p.setProperty("tcpKeepAlive", "true");
        for (Map.Entry<String, String> e : params.entrySet()) {
            p.setProperty(DRIVER_NAMES.getOrDefault(e.getKey(), e.getKey()), e.getValue());
        }
        return p;
    }

    /** The URL for people: everything but the password. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(scheme).append("://").append(user).append('@')
                .append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(database);
        if (!params.isEmpty()) {
            s.append('?');
            params.forEach((k, v) -> s.append(s.charAt(s.length() - 1) == '?' ? "" : "&").append(k).append('=')
                    .append(k.equals("password") ? "***" : v));
        }
        return s.toString();
    }
}
