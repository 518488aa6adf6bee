package dev.berth.ecs.control;

import dev.berth.ecs.store.OpenEcsStore;
import dev.berth.ecs.store.StoreLocation;
import dev.berth.pg.PgConnect;
import dev.berth.pg.PgUrl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The control plane store of one real-engine test, in the store the build's pass is about: a
 * SQLite file in a fresh directory, or, when BERTH_TEST_ECS_PG names the PostgreSQL pass's
 * database (cli/pom.xml, scripts/test.sh), a schema of its own there. {@link #close} closes it
 * and removes the file or drops the schema, whatever the test did.
 */
final class TestWorldStore implements AutoCloseable {
    /** The same variable the cli's tests read (TestStores.PG_ENV). */
    static final String PG_ENV = "BERTH_TEST_ECS_PG";

    final OpenEcsStore store;
    private final Path dir;
    private final String schema;

    private TestWorldStore(OpenEcsStore store, Path dir, String schema) {
        this.store = store;
        this.dir = dir;
        this.schema = schema;
    }

    static TestWorldStore open() {
        String pg = System.getenv(PG_ENV);
        try {
            if (pg == null || pg.isBlank()) {
                Path dir = Files.createTempDirectory("berth-world-");
                return new TestWorldStore(StoreLocation.Where.of(dir.resolve("ecs.db")).open(), dir, null);
            }
            String schema = "pe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            OpenEcsStore store = StoreLocation.where(Optional.of(pg + "?schema=" + schema), Path.of("/"), Map.of()).open();
            return new TestWorldStore(store, null, schema);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            store.close();
        } finally {
            if (schema != null) {
                try (Connection c = PgConnect.open(PgUrl.parse(System.getenv(PG_ENV), System.getenv()));
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
                }
            } else {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }
}
