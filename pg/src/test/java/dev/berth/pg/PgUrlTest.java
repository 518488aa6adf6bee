package dev.berth.pg;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgUrlTest {

    @Test
    void readsEveryPartAndNeverPrintsThePassword() {
        PgUrl u = PgUrl.parse("postgres://alice:s%40cret@db.example.com:6543/states?sslmode=require", Map.of());
        assertEquals("db.example.com", u.host());
        assertEquals(6543, u.port());
        assertEquals("states", u.database());
        assertEquals("alice", u.user());
        assertEquals(Optional.of("s@cret"), u.password());
        assertEquals("jdbc:postgresql://db.example.com:6543/states", u.jdbcUrl());
        assertEquals("require", u.properties().getProperty("sslmode"));
        assertEquals("s@cret", u.properties().getProperty("password"));
        assertEquals("postgres://alice@db.example.com:6543/states?sslmode=require", u.toString());
        assertFalse(u.toString().contains("cret"));
    }

    @Test
    void fillsWhatTheUrlLeavesOutAsLibpqDoes() {
        PgUrl u = PgUrl.parse("postgresql:///", Map.of("PGUSER", "bob", "PGPASSWORD", "pw", "PGHOST", "10.0.0.1"));
        assertEquals("10.0.0.1", u.host());
        assertEquals(5432, u.port());
        assertEquals("bob", u.user());
        assertEquals("bob", u.database());
        assertEquals(Optional.of("pw"), u.password());
        assertEquals("postgresql://bob@10.0.0.1:5432/bob", u.toString());
    }

    @Test
    void tellsUrlsFromPaths() {
        assertTrue(PgUrl.isUrl("postgres://h/db"));
        assertTrue(PgUrl.isUrl("PostgreSQL://h/db"));
        assertFalse(PgUrl.isUrl("berth.db"));
        assertFalse(PgUrl.isUrl("/tmp/postgres://x"));
    }

    @Test
    void refusesMalformedUrlsWithoutQuotingThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgUrl.parse("postgres://u:topsecret@h:port/db", Map.of()));
        assertEquals("its port \"port\" is not a number", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PgUrl.parse("postgres://h:70000/db", Map.of()));
    }
}
