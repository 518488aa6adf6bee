package dev.berth.ecs.testing;

/**
 * The tag of a Docker-backed test that uses no store: the Docker runtime's own tests, which talk
 * to an engine and nothing else. scripts/test.sh runs the Docker-backed tests once on each store;
 * a class with no store would run the same code twice, so the PostgreSQL pass leaves it out (the
 * parent pom's profile it-postgres). {@code NoStoreTest} fails when a class so tagged reaches a
 * store after all, so the tag cannot hide a test from the PostgreSQL pass.
 */
public final class NoStore {
    public static final String TAG = "no-store";

    private NoStore() {
    }
}
