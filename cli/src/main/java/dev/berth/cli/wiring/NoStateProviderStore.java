package dev.berth.cli.wiring;

import dev.berth.engine.provider.ProviderStore;

import java.util.Map;
import java.util.Optional;

/**
 * The provider store for commands that must not touch state (validate): providers only check
 * configuration there, so any use of the store is a bug and says so.
 */
final class NoStateProviderStore implements ProviderStore {
    private static IllegalStateException refused() {
        return new IllegalStateException("this command does not read or write state");
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
