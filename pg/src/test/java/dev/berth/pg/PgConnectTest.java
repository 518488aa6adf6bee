package dev.berth.pg;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real test server (scripts/ensure-postgres.sh; BERTH_TEST_PG overrides its URL). */
class PgConnectTest {

    static final String SERVER = System.getenv().getOrDefault("BERTH_TEST_PG", "postgres://berth@127.0.0.1:55432/berth");

    @Test
    void connectsToTheTestServer() throws Exception {
        try (Connection c = PgConnect.open(PgUrl.parse(SERVER, Map.of()))) {
            assertTrue(c.isValid(5));
        }
    }

    @Test
    void aServerThatIsNotThereIsOneSentenceWithoutThePassword() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PgUrl url = PgUrl.parse("postgres://berth:hunter2@127.0.0.1:" + port + "/berth", Map.of());
        PgConnect.PgConnectException e = assertThrows(PgConnect.PgConnectException.class, () -> PgConnect.open(url));
        assertEquals("cannot connect to PostgreSQL at postgres://berth@127.0.0.1:" + port
                + "/berth: the server refused the connection (is it running?)", e.getMessage());
    }

    @Test
    void anUnknownUserIsNamed() {
        PgUrl server = PgUrl.parse(SERVER, Map.of());
        PgUrl url = PgUrl.parse("postgres://nobody_here:hunter2@" + server.host() + ":" + server.port() + "/"
                + server.database(), Map.of());
        PgConnect.PgConnectException e = assertThrows(PgConnect.PgConnectException.class, () -> PgConnect.open(url));
        assertEquals("cannot connect to PostgreSQL at " + url + ": role \"nobody_here\" does not exist", e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void aMissingDatabaseIsNamed() {
        PgUrl server = PgUrl.parse(SERVER, Map.of());
        PgUrl url = PgUrl.parse("postgres://" + server.user() + "@" + server.host() + ":" + server.port()
                + "/no_such_db_here", Map.of());
        PgConnect.PgConnectException e = assertThrows(PgConnect.PgConnectException.class, () -> PgConnect.open(url));
        assertEquals("cannot connect to PostgreSQL at " + url + ": database \"no_such_db_here\" does not exist",
                e.getMessage());
    }
}
