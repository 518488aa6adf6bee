package dev.berth.engine.provider;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.value.MapValue;

import java.util.List;

/**
 * Request and response records of the provider SPI. Values are whole resource objects
 * ({@link MapValue}); a {@code null} prior means the object does not exist yet and a
 * {@code null} planned value means it is to be deleted.
 */
public final class ProviderRequests {
    private ProviderRequests() {
    }

    /** Checks a configuration whose values may still be unknown. Must not touch the world. */
    public record ValidateRequest(ResourceInstanceAddr addr, String type, MapValue config) {
    }

    public record ValidateResponse(List<ProviderDiagnostic> diagnostics) {
    }

    /**
     * Proposes the new state: configuration merged with prior computed values, computed values
     * unknown where they will change. Pure. Whether the change forces a replacement is not the
     * provider's to say here: the engine reads it from the schema's force-new marks
     * ({@link ForceNew}).
     */
    public record PlanRequest(ResourceInstanceAddr addr, String type, MapValue prior, MapValue config,
                              List<Upstream> upstream) {
        public PlanRequest {
            upstream = upstream == null ? List.of() : List.copyOf(upstream);
        }

        public PlanRequest(ResourceInstanceAddr addr, String type, MapValue prior, MapValue config) {
            this(addr, type, prior, config, List.of());
        }
    }

    /**
     * The planned value of a resource instance the configuration refers to (or names in
     * depends_on), as planning sees it: where a reference is still unknown (an ARN assigned at
     * apply), the provider can read what is already planned of the object behind it.
     */
    public record Upstream(ResourceInstanceAddr addr, MapValue value) {
    }

    /**
     * {@code notes} are lines a reviewer should read under the resource's change, such as where
     * the provider would place tasks; they never change what is applied.
     * {@code summary}: one line saying what apply will do to the runtime attributes
     * ({@code "2 tasks will start"}), shown where the plan folds them; null for none.
     * {@code fromRequestAlone}: the provider says this answer follows from the request alone (it
     * read nothing of the world), so the same request would get the same answer; a background
     * berth may then take it again for an unchanged resource instead of asking.
     */
    public record PlanResponse(MapValue planned, List<ProviderDiagnostic> diagnostics, List<String> notes,
                               String summary, boolean fromRequestAlone) {
        public PlanResponse {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public PlanResponse(MapValue planned, List<ProviderDiagnostic> diagnostics, List<String> notes, String summary) {
            this(planned, diagnostics, notes, summary, false);
        }

        public PlanResponse(MapValue planned, List<ProviderDiagnostic> diagnostics, List<String> notes) {
            this(planned, diagnostics, notes, null);
        }

        public PlanResponse withSummary(String s) {
            return new PlanResponse(planned, diagnostics, notes, s, fromRequestAlone);
        }

        /** This answer, said to follow from its request alone. */
        public PlanResponse asFromRequestAlone() {
            return new PlanResponse(planned, diagnostics, notes, summary, true);
        }

        public PlanResponse(MapValue planned, List<ProviderDiagnostic> diagnostics) {
            this(planned, diagnostics, List.of());
        }
    }

    /**
     * Makes it so: create (prior null), update, or delete (planned null). A create carries a
     * client token, recorded in the state before this call, which the provider keeps with what it
     * makes so that {@link FindRequest} can find it after a crash (null: no intent was recorded).
     */
    public record ApplyRequest(ResourceInstanceAddr addr, String type, MapValue prior, MapValue planned,
                               MapValue config, String clientToken) {
        public ApplyRequest(ResourceInstanceAddr addr, String type, MapValue prior, MapValue planned, MapValue config) {
            this(addr, type, prior, planned, config, null);
        }
    }

    /** The new state; on failure it is what exists now (null when nothing does). */
    public record ApplyResponse(MapValue newState, List<ProviderDiagnostic> diagnostics) {
    }

    /** Reads the real object back; a null state in the response means it no longer exists. */
    public record ReadRequest(ResourceInstanceAddr addr, String type, MapValue current) {
    }

    public record ReadResponse(MapValue state, List<ProviderDiagnostic> diagnostics) {
    }

    /**
     * Asks what a create with this client token made, if anything: the object's state (as
     * import would return it), or null when that create made nothing the provider still has.
     */
    public record FindRequest(ResourceInstanceAddr addr, String type, String clientToken) {
    }

    public record FindResponse(MapValue state, List<ProviderDiagnostic> diagnostics) {
    }

    /** Adopts an existing object by its id. */
    public record ImportRequest(ResourceInstanceAddr addr, String type, String id) {
    }

    public record ImportResponse(MapValue state, List<ProviderDiagnostic> diagnostics) {
    }

    /**
     * Reads a data source: {@code config} is its configuration, wholly known; the response's
     * state is the configuration with every computed attribute filled in. Must not change the
     * world, since plans make this call.
     */
    public record ReadDataSourceRequest(ResourceInstanceAddr addr, String type, MapValue config) {
    }

    public record ReadDataSourceResponse(MapValue state, List<ProviderDiagnostic> diagnostics) {
    }
}
