package dev.berth.engine.provider;

import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportRequest;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ProviderRequests.ValidateRequest;
import dev.berth.engine.provider.ProviderRequests.ValidateResponse;

import dev.berth.engine.value.MapValue;

import java.util.Map;

/**
 * A provider manages resource types whose names start with its name and an underscore. The
 * engine calls it only through these request/response records; {@code validate} and
 * {@code plan} must be free of side effects so that planning stays pure.
 */
public interface Provider extends AutoCloseable {
    /** The type prefix, e.g. {@code "ecs"} for {@code ecs_service}. */
    String name();

    /** The provider's address as Terraform's JSON names it, e.g. {@code "berth.dev/builtin/ecs"}. */
    default String fullName() {
        return "berth.dev/builtin/" + name();
    }

    Map<String, ResourceSchema> resourceSchemas();

    ValidateResponse validate(ValidateRequest request);

    PlanResponse plan(PlanRequest request);

    ApplyResponse apply(ApplyRequest request);

    ReadResponse read(ReadRequest request);

    ImportResponse importState(ImportRequest request);

    /**
     * The ordering an object of {@code type} with this (planned or prior) value takes part in
     * beyond references; pure. Values may be partly unknown: leave out what cannot be told.
     */
    default ImplicitOrder implicitOrder(String type, MapValue value) {
        return ImplicitOrder.NONE;
    }

    @Override
    default void close() {
    }
}
