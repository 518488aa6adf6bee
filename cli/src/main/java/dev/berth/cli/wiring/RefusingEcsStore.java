package dev.berth.cli.wiring;

import dev.berth.ecs.store.EcsStore;

import java.util.Map;
import java.util.Optional;

/**
 * The control plane for commands that must not touch it (validate, graph, show of a plan):
 * providers only check configuration there, so any use is a bug and says so; and no store file
 * is created.
 */
final class RefusingEcsStore implements EcsStore {
    private static IllegalStateException refused() {
        return new IllegalStateException("this command does not read or write the ecs control plane");
    }

    @Override
    public Optional<String> get(String table, String key) {
        throw refused();
    }

    @Override
    public void put(String table, String key, String json) {
        throw refused();
    }

    @Override
    public void delete(String table, String key) {
        throw refused();
    }

    @Override
    public Map<String, String> list(String table) {
        throw refused();
    }

    @Override
    public long next(String counter) {
        throw refused();
    }
}
