package dev.berth.engine.provider;

import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.FindRequest;
import dev.berth.engine.provider.ProviderRequests.FindResponse;
import dev.berth.engine.provider.ProviderRequests.ImportRequest;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceRequest;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ProviderRequests.ValidateRequest;
import dev.berth.engine.provider.ProviderRequests.ValidateResponse;

import dev.berth.engine.value.MapValue;

import java.util.List;
import java.util.Map;

/**
 * A provider manages resource types (and reads data source types) whose names start with its
 * name and an underscore. The engine calls it only through these request/response records;
 * {@code validate}, {@code plan} and {@code readDataSource} must not change the world, since
 * planning makes them. {@code validate} answers from its request alone, as Terraform's
 * ValidateResourceConfig does (it reads nothing of the world); {@code plan} may read the world and
 * says in its answer when it did not ({@code PlanResponse.fromRequestAlone}).
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

    /**
     * Proposes the new state. The engine calls it only with a configuration that {@link #validate}
     * has just passed (when planning and again at apply), so a provider need not check it twice.
     */
    PlanResponse plan(PlanRequest request);

    ApplyResponse apply(ApplyRequest request);

    ReadResponse read(ReadRequest request);

    /**
     * Reads several objects, answering for each request in order what {@link #read} would: a
     * refresh hands a provider its objects in a few batches, so one that can read many at once
     * (one query instead of one per object) does. The default reads them one by one.
     */
    default List<ReadResponse> readAll(List<ReadRequest> requests) {
        return requests.stream().map(this::read).toList();
    }

    ImportResponse importState(ImportRequest request);

    /** The data source types this provider reads ({@code data "TYPE" "NAME"}); none by default. */
    default Map<String, ResourceSchema> dataSourceSchemas() {
        return Map.of();
    }

    /** Reads a data source; only called for types {@link #dataSourceSchemas()} names. */
    default ReadDataSourceResponse readDataSource(ReadDataSourceRequest request) {
        return new ReadDataSourceResponse(null, List.of(ProviderDiagnostic.error("The " + name()
                + " provider does not support data source \"" + request.type() + "\".", "")));
    }

    /**
     * What a create interrupted before its result was saved made, found by its client token. A
     * provider that keeps no tokens finds nothing, and the next apply creates the object again.
     */
    default FindResponse find(FindRequest request) {
        return new FindResponse(null, List.of());
    }

    /**
     * The ordering an object of {@code type} with this (planned or prior) value takes part in
     * beyond references; pure. Values may be partly unknown: leave out what cannot be told.
     */
    default ImplicitOrder implicitOrder(String type, MapValue value) {
        return ImplicitOrder.NONE;
    }

    /**
     * What the plan's objects of this provider cost per hour before and after the plan. Must not
     * change the world (plans make this call). A provider that prices nothing answers nothing.
     */
    default CostRequests.CostResponse estimateCost(CostRequests.CostRequest request) {
        return CostRequests.CostResponse.NONE;
    }

    @Override
    default void close() {
    }
}
