package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.AttributeType;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.Provider;
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
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.testkit.InMemoryStateStore;
import dev.berth.engine.testkit.TestEngine;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site is applied before the members that join it, as a container instance is before the
 * services that place tasks on it. Its observed {@code members} count is read again after the
 * apply; its other attributes are not, so drift in them still shows.
 */
class ObservedAttributesTest {
    private static final String CONFIG = """
            resource "pool_site" "s" {
              name = "s"
            }
            resource "pool_member" "a" {
              site = pool_site.s.id
            }
            resource "pool_member" "b" {
              site = pool_site.s.id
            }
            """;

    @TempDir
    Path dir;
    private final Pool pool = new Pool();
    private final Providers providers = new Providers(List.of(pool));
    private final InMemoryStateStore store = new InMemoryStateStore("lineage-1");

    private Plan plan(Config config, Plan.Mode mode) {
        Planner.Result r = new Planner(providers, FunctionRegistry.standard(), RunHooks.NONE)
                .plan(config, store.read(), Map.of(), new Planner.Options(mode, true, 4));
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        return r.plan();
    }

    private MapValue site() {
        return store.read().resource(ResourceInstanceAddr.parse("pool_site.s").orElseThrow()).orElseThrow().attributes();
    }

    @Test
    void theStateAfterAnApplyHoldsWhatARefreshReadsOfObservedAttributes() {
        Config config = new TestEngine(dir).configure(CONFIG);
        Applier.Result r = new Applier(providers, FunctionRegistry.standard(), store, RunHooks.NONE)
                .apply(config, plan(config, Plan.Mode.NORMAL), 4);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);

        assertEquals(Value.of(2), site().get("members"), "read again after both members joined");
        assertEquals(List.of(), plan(config, Plan.Mode.REFRESH_ONLY).drift(), "nothing changed outside berth");
        assertFalse(plan(config, Plan.Mode.NORMAL).hasResourceChanges());
    }

    @Test
    void otherAttributesAreLeftForTheNextRefreshToReportAsDrift() {
        Config config = new TestEngine(dir).configure(CONFIG);
        pool.outsideNote = "changed by hand";
        new Applier(providers, FunctionRegistry.standard(), store, RunHooks.NONE)
                .apply(config, plan(config, Plan.Mode.NORMAL), 4);

        assertTrue(site().get("note").isNull(), "the post-apply read takes only observed attributes");
        assertEquals(1, plan(config, Plan.Mode.REFRESH_ONLY).drift().size());
    }

    /** Provider "pool": a site counts the members that joined it; a read also reports a note set by hand. */
    private static final class Pool implements Provider {
        final Set<String> members = ConcurrentHashMap.newKeySet();
        volatile String outsideNote;

        @Override
        public String name() {
            return "pool";
        }

        @Override
        public Map<String, ResourceSchema> resourceSchemas() {
            BlockSchema site = BlockSchema.of(List.of(
                    AttributeSchema.named("name", AttributeType.STRING).required().build(),
                    AttributeSchema.named("note", AttributeType.STRING).optional().build(),
                    AttributeSchema.named("id", AttributeType.STRING).computed().build(),
                    AttributeSchema.named("members", AttributeType.NUMBER).observed().build()));
            BlockSchema member = BlockSchema.of(List.of(
                    AttributeSchema.named("site", AttributeType.STRING).required().build()));
            return Map.of("pool_site", new ResourceSchema("pool_site", site, 0, ""),
                    "pool_member", new ResourceSchema("pool_member", member, 0, ""));
        }

        @Override
        public ValidateResponse validate(ValidateRequest request) {
            return new ValidateResponse(List.of());
        }

        @Override
        public PlanResponse plan(PlanRequest request) {
            if (request.config() == null) return new PlanResponse(null, List.of(), List.of());
            if (request.type().equals("pool_member")) return new PlanResponse(request.config(), List.of(), List.of());
            MapValue prior = request.prior();
            return new PlanResponse(request.config().with("id", prior == null ? Value.unknown() : prior.get("id"))
                    .with("members", prior == null ? Value.unknown() : prior.get("members")), List.of(), List.of());
        }

        @Override
        public ApplyResponse apply(ApplyRequest request) {
            if (request.planned() == null) return new ApplyResponse(null, List.of());
            if (request.type().equals("pool_member")) {
                members.add(request.addr().toString());
                return new ApplyResponse(request.planned(), List.of());
            }
            return new ApplyResponse(request.planned().with("id", Value.of("site-s"))
                    .with("members", Value.of(members.size())), List.of());
        }

        @Override
        public ReadResponse read(ReadRequest request) {
            if (request.type().equals("pool_member")) return new ReadResponse(request.current(), List.of());
            MapValue now = request.current().with("members", Value.of(members.size()));
            return new ReadResponse(outsideNote == null ? now : now.with("note", Value.of(outsideNote)), List.of());
        }

        @Override
        public ImportResponse importState(ImportRequest request) {
            throw new UnsupportedOperationException();
        }
    }
}
