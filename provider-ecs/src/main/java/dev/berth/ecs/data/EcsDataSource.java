package dev.berth.ecs.data;

import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;

/** One data source type of the provider; reads through EcsApi only, and never changes the world. */
public interface EcsDataSource {
    ResourceSchema schema();

    /** The configuration (wholly known) with every computed attribute filled in, or diagnostics. */
    ReadDataSourceResponse read(MapValue config);
}
