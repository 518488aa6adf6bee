package dev.berth.ecs.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Service leases on both stores, each "server" with a connection of its own: one owner at a
 * time, renewed by it, taken over once expired, let go at once on release, forgotten on request.
 */
class LeasesTest {
    private final TestPg pg = new TestPg();
    @TempDir
    Path dir;
    private OpenEcsStore one, two;

    @AfterEach
    void close() throws Exception {
        try {
            if (one != null) one.close();
            if (two != null) two.close();
        } finally {
            pg.close();
        }
    }

    private OpenEcsStore open(boolean sqlite) {
        return sqlite ? SqliteEcsStore.open(dir.resolve("ecs.db")) : PostgresEcsStore.open(pg.pgUrl());
    }

    private static Map<String, String> holders(OpenEcsStore s) {
        return s instanceof SqliteEcsStore f ? f.leaseHolders() : ((PostgresEcsStore) s).leaseHolders();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLeaseIsOneOwnersUntilItExpiresThenAnotherTakesIt(boolean sqlite) throws Exception {
        one = open(sqlite);
        two = open(sqlite);
        Leases a = (Leases) one, b = (Leases) two;
        Duration ttl = Duration.ofMillis(800);
        assertTrue(a.claim("service/a", "one", ttl));
        assertFalse(b.claim("service/a", "two", ttl));
        assertTrue(a.claim("service/a", "one", ttl), "its owner claims it again");
        assertEquals(Set.of("service/a"), a.renew("one", ttl));
        assertEquals(Set.of(), b.takeExpired("two", ttl));
        Thread.sleep(1200);
        assertEquals(Set.of("service/a"), b.takeExpired("two", ttl));
        assertFalse(a.claim("service/a", "one", ttl));
        assertEquals(Map.of("service/a", "two"), holders(one));
        b.release("two");
        assertTrue(a.claim("service/a", "one", ttl), "released, it is free at once");
        a.forget("service/a");
        assertEquals(Map.of(), holders(two));
        assertEquals(Set.of(), a.renew("one", ttl), "a forgotten lease is nobody's");
    }
}
