package dev.berth.engine.provider;

import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.config.StaticEvaluator;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
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
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.testkit.InMemoryStateStore;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A provider's exception is a diagnostic on the resource, never an internal error or a stack trace. */
class GuardedProviderTest {

    /** Validates fine, then throws what a provider bug throws on every other call. */
    static final class Throwing implements Provider {
        @Override
        public String name() {
            return "boom";
        }

        @Override
        public Map<String, ResourceSchema> resourceSchemas() {
            return Map.of("boom_thing", new ResourceSchema("boom_thing", BlockSchema.of(List.of(
                    AttributeSchema.named("name", AttributeType.STRING).required().build())), 0, ""));
        }

        @Override
        public ValidateResponse validate(ValidateRequest request) {
            return new ValidateResponse(List.of());
        }

        @Override
        public PlanResponse plan(PlanRequest request) {
            throw new NullPointerException();
        }

        @Override
        public ApplyResponse apply(ApplyRequest request) {
            throw new IllegalStateException("half-way");
        }

        @Override
        public ReadResponse read(ReadRequest request) {
            throw new NullPointerException();
        }

        @Override
        public ImportResponse importState(ImportRequest request) {
            throw new NullPointerException();
        }

        @Override
        public Map<String, ResourceSchema> dataSourceSchemas() {
            return Map.of("boom_thing", resourceSchemas().get("boom_thing"));
        }

        @Override
        public ProviderRequests.ReadDataSourceResponse readDataSource(ProviderRequests.ReadDataSourceRequest request) {
            throw new IllegalArgumentException("no such thing");
        }
    }

    @Test
    void aDataSourceReadThatThrowsIsAnErrorNamingTheDataResource(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), "data \"boom_thing\" \"a\" {\n  name = \"x\"\n}\n");
        Evaluator evaluator = new Evaluator(FunctionRegistry.standard(), dir);
        ConfigLoader.Result loaded = new ConfigLoader(new SourceFiles(), new StaticEvaluator(evaluator)).load(dir);
        Planner.Result r = new Planner(new Providers(List.of(new Throwing())), FunctionRegistry.standard(),
                RunHooks.NONE).plan(loaded.config(), new InMemoryStateStore("l").read(), Map.of(),
                new Planner.Options(Plan.Mode.NORMAL, true, 2));
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).summary().startsWith("The boom provider failed unexpectedly while reading "
                + "data.boom_thing.a (IllegalArgumentException: no such thing in GuardedProviderTest.java:"),
                errors.get(0).summary());
    }

    @Test
    void aPlanThatThrowsIsAnErrorNamingTheProviderAndTheResource(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), "resource \"boom_thing\" \"a\" {\n  name = \"x\"\n}\n");
        Evaluator evaluator = new Evaluator(FunctionRegistry.standard(), dir);
        ConfigLoader.Result loaded = new ConfigLoader(new SourceFiles(), new StaticEvaluator(evaluator)).load(dir);
        assertEquals(List.of(), loaded.diagnostics());
        Planner.Result r = new Planner(new Providers(List.of(new Throwing())), FunctionRegistry.standard(),
                RunHooks.NONE).plan(loaded.config(), new InMemoryStateStore("l").read(), Map.of(),
                new Planner.Options(Plan.Mode.NORMAL, true, 2));
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).summary().startsWith("The boom provider failed unexpectedly while planning "
                + "boom_thing.a (NullPointerException in GuardedProviderTest.java:"), errors.get(0).summary());
        assertTrue(errors.get(0).range() != null, "points at the resource block");
    }

    @Test
    void everyCallIsGuarded() {
        Provider p = new Providers(List.of(new Throwing())).forType("boom_thing").orElseThrow();
        var addr = dev.berth.engine.addrs.ResourceInstanceAddr.of("boom_thing", "a");
        var obj = new dev.berth.engine.value.MapValue(Map.of("name", Value.of("x")));
        ApplyResponse applied = p.apply(new ApplyRequest(addr, "boom_thing", obj, obj, obj));
        assertEquals(obj, applied.newState(), "the prior object is kept");
        assertTrue(applied.diagnostics().get(0).summary().contains("while applying boom_thing.a (IllegalStateException: "
                + "half-way in "), applied.diagnostics().toString());
        assertTrue(p.apply(new ApplyRequest(addr, "boom_thing", obj, null, null)).diagnostics().get(0).summary()
                .contains("while destroying"));
        assertTrue(p.read(new ReadRequest(addr, "boom_thing", obj)).diagnostics().get(0).isError());
        assertTrue(p.importState(new ImportRequest(addr, "boom_thing", "x")).diagnostics().get(0).isError());
    }

    /** A batch read that throws is read again one by one, so each object reports its own failure. */
    @Test
    void aBatchReadThatFailsIsReadAgainOneByOneEachGuarded() {
        Provider p = new Providers(List.of(new Throwing())).forType("boom_thing").orElseThrow();
        var obj = new dev.berth.engine.value.MapValue(Map.of("name", Value.of("x")));
        List<ReadResponse> read = p.readAll(List.of(
                new ReadRequest(dev.berth.engine.addrs.ResourceInstanceAddr.of("boom_thing", "a"), "boom_thing", obj),
                new ReadRequest(dev.berth.engine.addrs.ResourceInstanceAddr.of("boom_thing", "b"), "boom_thing", obj)));
        assertEquals(2, read.size());
        assertEquals(obj, read.get(1).state(), "the object is kept as it was");
        assertTrue(read.get(0).diagnostics().get(0).summary().contains("boom_thing.a"), read.toString());
        assertTrue(read.get(1).diagnostics().get(0).summary().contains("boom_thing.b"), read.toString());
    }

    /**
     * A call a wrapper does not forward falls to Provider's default and silently drops the inner
     * provider's answer (find() once did: killed creates were never adopted).
     */
    @Test
    void theWrappersForwardEveryCallOfTheProviderInterface() {
        for (java.lang.reflect.Method m : Provider.class.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) continue;
            try {
                for (Class<?> wrapper : List.of(GuardedProvider.class, MarkingProvider.class)) {
                    java.lang.reflect.Method own = wrapper.getMethod(m.getName(), m.getParameterTypes());
                    assertEquals(wrapper, own.getDeclaringClass(), m.getName() + " is not forwarded by " + wrapper);
                }
            } catch (NoSuchMethodException e) {
                throw new AssertionError(m.getName(), e);
            }
        }
    }
}
