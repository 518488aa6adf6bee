package dev.berth.cli.it;

import dev.berth.ecs.store.PgUrl;
import dev.berth.ecs.store.PostgresEcsStore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link AnyServerActsAtOnce} on PostgreSQL, where the servers split the services by lease: the
 * call goes to the server that does not hold the service's lease, and the holder rolls it out.
 * Its own schema, dropped afterwards.
 */
class AnyServerActsAtOnceIT extends AnyServerActsAtOnce {
    private final String schema = "it_prompt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String url = base() + "?schema=" + schema;

    private static String base() {
        String env = System.getenv("BERTH_TEST_PG");
        return env == null || env.isBlank() ? "postgres://berth@127.0.0.1:55432/berth" : env;
    }

    @Override
    String store() {
        return url;
    }

    @Override
    String shown() {
        return PgUrl.parse(url).shown();
    }

    @Override
    int keeper(String serviceArn) throws Exception {
        String holder;
        try (PostgresEcsStore store = PostgresEcsStore.open(PgUrl.parse(url))) {
            holder = store.leaseHolders().get(serviceArn);
        }
        int k = holder.equals(owner(servers.get(0))) ? 0 : 1;
        assertEquals(holder, owner(servers.get(k)), "one of the two servers holds the lease");
        return k;
    }

    private static String owner(ServerProcess s) throws Exception {
        String mark = "keeping services by lease as ";
        String line = s.await(l -> l.contains(mark), Duration.ofSeconds(10));
        String rest = line.substring(line.indexOf(mark) + mark.length());
        return rest.substring(0, rest.indexOf(' '));
    }

    @Override
    void dropStore() throws Exception {
        PgUrl u = PgUrl.parse(url);
        try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.properties());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
    }
}
