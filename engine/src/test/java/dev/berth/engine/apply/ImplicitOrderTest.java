package dev.berth.engine.apply;

import dev.berth.engine.config.Config;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.config.StaticEvaluator;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.graph.Dag;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.AttributeType;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.ImplicitOrder;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderDiagnostic;
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
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Orderings a provider declares beyond references: an {@code ord_user} names its
 * {@code ord_base} by a plain string, yet is created after it and destroyed before it, as the
 * provider's world insists (the base is slow to appear and refuses to go while users exist).
 */
class ImplicitOrderTest {
    @TempDir
    Path dir;

    /** Bases exist once created; a user refuses to be created without its base, a base to go while used. */
    static final class World implements Provider {
        final Set<String> bases = ConcurrentHashMap.newKeySet();
        final Set<String> users = ConcurrentHashMap.newKeySet();
        /** A base lets itself go while used (for configurations that order the other way on purpose). */
        volatile boolean lenient;

        @Override
        public String name() {
            return "ord";
        }

        @Override
        public Map<String, ResourceSchema> resourceSchemas() {
            return Map.of("ord_base", new ResourceSchema("ord_base", BlockSchema.of(List.of(
                            AttributeSchema.named("name", AttributeType.STRING).required().forceNew().build())), 0, ""),
                    "ord_user", new ResourceSchema("ord_user", BlockSchema.of(List.of(
                            AttributeSchema.named("base", AttributeType.STRING).required().forceNew().build(),
                            AttributeSchema.named("check", AttributeType.BOOL).defaultValue(Value.of(true)).build())),
                            0, ""));
        }

        @Override
        public ImplicitOrder implicitOrder(String type, MapValue value) {
            if (type.equals("ord_base") && value.get("name") instanceof StringValue s) {
                return new ImplicitOrder(Set.of("base:" + s.value()), Set.of());
            }
            if (type.equals("ord_user") && value.get("base") instanceof StringValue s) {
                return new ImplicitOrder(Set.of(), Set.of("base:" + s.value()));
            }
            return ImplicitOrder.NONE;
        }

        @Override
        public ValidateResponse validate(ValidateRequest request) {
            return new ValidateResponse(List.of());
        }

        /** The upstream each plan request carried, by the address planned. */
        final Map<String, List<dev.berth.engine.provider.ProviderRequests.Upstream>> upstream = new ConcurrentHashMap<>();

        @Override
        public PlanResponse plan(PlanRequest request) {
            upstream.put(request.addr().toString(), request.upstream());
            return new PlanResponse(request.config(), List.of());
        }

        @Override
        public ApplyResponse apply(ApplyRequest r) {
            MapValue v = r.planned() == null ? r.prior() : r.planned();
            boolean check = !Boolean.FALSE.equals(v.get("check") instanceof dev.berth.engine.value.BoolValue b
                    ? b.value() : null);
            String key = r.addr().toString();
            if (r.addr().type().equals("ord_base")) {
                String name = ((StringValue) v.get("name")).value();
                if (r.planned() != null) {
                    sleep();
                    bases.add(name);
                } else {
                    if (!users.isEmpty() && !lenient) {
                        return new ApplyResponse(r.prior(), List.of(ProviderDiagnostic.error("base still used", "")));
                    }
                    bases.remove(name);
                }
                return new ApplyResponse(r.planned(), List.of());
            }
            if (r.planned() != null) {
                if (check && !bases.contains(((StringValue) v.get("base")).value())) {
                    return new ApplyResponse(null, List.of(ProviderDiagnostic.error("no base yet", "")));
                }
                users.add(key);
            } else {
                sleep();
                users.remove(key);
            }
            return new ApplyResponse(r.planned(), List.of());
        }

        private static void sleep() {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public ReadResponse read(ReadRequest request) {
            return new ReadResponse(request.current(), List.of());
        }

        @Override
        public ImportResponse importState(ImportRequest request) {
            return new ImportResponse(null, List.of());
        }
    }

    private final World world = new World();
    private final Providers providers = new Providers(List.of(world));
    private final InMemoryStateStore store = new InMemoryStateStore("l");

    private Config configure(String hcl) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), hcl);
        ConfigLoader.Result r = new ConfigLoader(new SourceFiles(),
                new StaticEvaluator(new Evaluator(FunctionRegistry.standard(), dir))).load(dir);
        assertEquals(List.of(), r.diagnostics());
        return r.config();
    }

    private Plan plan(Config config, Plan.Mode mode) {
        Planner.Result r = new Planner(providers, FunctionRegistry.standard(), RunHooks.NONE)
                .plan(config, store.read(), Map.of(), new Planner.Options(mode, true, 4));
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        return r.plan();
    }

    private List<String> apply(Config config, Plan plan) {
        Applier.Result r = new Applier(providers, FunctionRegistry.standard(), store, RunHooks.NONE).apply(config, plan, 4);
        return r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::summary).toList();
    }

    private static final String CONFIG = """
            resource "ord_base" "b" {
              name = "b"
            }
            resource "ord_user" "one" {
              base = "b"
            }
            resource "ord_user" "two" {
              base = "b"
            }
            """;

    @Test
    void usersNamingTheirBaseByStringAreCreatedAfterItAndDestroyedBeforeIt() throws Exception {
        Config config = configure(CONFIG);
        assertEquals(List.of(), apply(config, plan(config, Plan.Mode.NORMAL)));
        assertEquals(Set.of("b"), world.bases);
        assertEquals(2, world.users.size());

        assertEquals(List.of(), apply(config, plan(config, Plan.Mode.DESTROY)));
        assertEquals(Set.of(), world.bases);
        assertEquals(Set.of(), world.users);
        assertTrue(store.read().resources().isEmpty());
    }

    @Test
    void theApplyGraphShowsTheImplicitEdges() throws Exception {
        Config config = configure(CONFIG);
        Dag<String> dag = ApplyGraphs.of(plan(config, Plan.Mode.NORMAL), config, providers, new Diagnostics());
        assertEquals(Set.of("ord_base.b"), dag.dependenciesOf("ord_user.one"));
    }

    /** The engine hands a plan the planned values of what its configuration refers to, through every wrapper. */
    @Test
    void aPlanSeesThePlannedValuesOfWhatItRefersTo() throws Exception {
        Config config = configure("""
                resource "ord_base" "b" {
                  name = "b"
                }
                resource "ord_user" "one" {
                  base = ord_base.b.name
                }
                """);
        plan(config, Plan.Mode.NORMAL);
        var seen = world.upstream.get("ord_user.one");
        assertEquals(1, seen.size(), seen::toString);
        assertEquals("ord_base.b", seen.get(0).addr().toString());
        assertEquals(Value.of("b"), seen.get(0).value().get("name"));
        assertEquals(List.of(), world.upstream.get("ord_base.b"));
    }

    @Test
    void anImplicitEdgeAgainstAStatedDependencyIsLeftOut() throws Exception {
        Config config = configure("""
                resource "ord_base" "b" {
                  name       = "b"
                  depends_on = [ord_user.one]
                }
                resource "ord_user" "one" {
                  base  = "b"
                  check = false
                }
                """);
        world.lenient = true;
        Plan plan = plan(config, Plan.Mode.NORMAL);
        assertEquals(List.of(), apply(config, plan), "no cycle: depends_on wins over the provider's hint");
        assertEquals(List.of(), apply(config, plan(config, Plan.Mode.DESTROY)));
    }
}
