package dev.berth.pg;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens connections and says in one sentence why one could not be opened or was lost. */
public final class PgConnect {

    private PgConnect() {
    }

    /** Thrown with a sentence naming the server without its password; the driver's error is its cause. */
    public static final class PgConnectException extends RuntimeException {
        public PgConnectException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Connects, or throws "cannot connect to PostgreSQL at URL: reason". */
    public static Connection open(PgUrl url) {
        try {
            // Named so the driver registers even where the service loader was not consulted (a shaded jar).
            Class.forName("org.postgresql.Driver");
            return DriverManager.getConnection(url.jdbcUrl(), url.properties());
        } catch (ClassNotFoundException e) {
            throw new PgConnectException("cannot connect to PostgreSQL at " + url + ": the driver is missing", e);
        } catch (SQLException e) {
            throw new PgConnectException("cannot connect to PostgreSQL at " + url + ": " + reason(e, url), e);
        }
    }

    /**
     * What went wrong, in the user's words: the server's own message where it sent one (it never
     * quotes a password), else what the connection did.
     */
    public static String reason(SQLException e, PgUrl url) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        switch (state) {
            case "28P01":
                return "password authentication failed for user \"" + url.user() + "\"";
            case "3D000":
                return "database \"" + url.database() + "\" does not exist";
            default:
                break;
        }
        if (state.startsWith("08")) {
            Throwable c = e.getCause();
            if (c instanceof java.net.ConnectException) return "the server refused the connection (is it running?)";
            if (c instanceof java.net.UnknownHostException) return "unknown host " + url.host();
            if (c instanceof java.net.SocketTimeoutException) return "the server did not answer in time";
            if (state.equals("08001") || state.equals("08004")) return serverText(e);
            return "the connection to the server was lost";
        }
        return serverText(e);
    }

    private static String serverText(SQLException e) {
        if (e instanceof PSQLException p) {
            ServerErrorMessage m = p.getServerErrorMessage();
            if (m != null && m.getMessage() != null) return m.getMessage();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceFirst("^(FATAL|ERROR): ", "");
    }
}
