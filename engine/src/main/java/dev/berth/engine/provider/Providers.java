package dev.berth.engine.provider;

import dev.berth.engine.addrs.ResourceAddr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The providers of a run, found by resource (or data source) type ({@code ecs_service} -> {@code ecs}).
 * Each is wrapped so that an exception from one of its calls becomes an error diagnostic.
 */
public final class Providers implements AutoCloseable {
    private final Map<String, Provider> byName = new TreeMap<>();
    private final Map<String, ResourceSchema> schemas = new TreeMap<>();
    private final Map<String, Provider> byType = new TreeMap<>();
    private final Map<String, ResourceSchema> dataSchemas = new TreeMap<>();
    private final Map<String, Provider> byDataType = new TreeMap<>();

    public Providers(List<Provider> providers) {
        for (Provider given : providers) {
            // Every call the engine makes goes through the guard (a provider's bug is a diagnostic),
            // and every caller reaches providers through here, so markings cross the boundary one way.
            Provider p = given instanceof GuardedProvider ? given : new GuardedProvider(MarkingProvider.of(given));
            byName.put(p.name(), p);
            p.resourceSchemas().forEach((type, schema) -> {
                schemas.put(type, schema);
                byType.put(type, p);
            });
            p.dataSourceSchemas().forEach((type, schema) -> {
                dataSchemas.put(type, schema);
                byDataType.put(type, p);
            });
        }
    }

    public Optional<Provider> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Optional<ResourceSchema> schema(String type) {
        return Optional.ofNullable(schemas.get(type));
    }

    /** The provider that reads a data source type. */
    public Optional<Provider> forDataSource(String type) {
        return Optional.ofNullable(byDataType.get(type));
    }

    public Optional<ResourceSchema> dataSourceSchema(String type) {
        return Optional.ofNullable(dataSchemas.get(type));
    }

    /** The schema of a resource or data source, by the address's mode. */
    public Optional<ResourceSchema> schema(ResourceAddr addr) {
        return addr.isData() ? dataSourceSchema(addr.type()) : schema(addr.type());
    }

    /** The provider of a resource or data source, by the address's mode. */
    public Optional<Provider> forAddr(ResourceAddr addr) {
        return addr.isData() ? forDataSource(addr.type()) : forType(addr.type());
    }

    /** Every resource type's schema, by type. */
    public Map<String, ResourceSchema> resourceSchemas() {
        return java.util.Collections.unmodifiableMap(schemas);
    }

    /** Every data source type's schema, by type. */
    public Map<String, ResourceSchema> dataSourceSchemas() {
        return java.util.Collections.unmodifiableMap(dataSchemas);
    }

    /** Every data source type any provider offers, sorted. */
    public TreeSet<String> dataSourceTypes() {
        return new TreeSet<>(dataSchemas.keySet());
    }

    /** Every resource type any provider offers, sorted, for "valid types are" messages. */
    public TreeSet<String> types() {
        return new TreeSet<>(schemas.keySet());
    }

    @Override
    public void close() {
        byName.values().forEach(Provider::close);
    }
}
