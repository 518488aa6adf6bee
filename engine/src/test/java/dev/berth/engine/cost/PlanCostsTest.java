package dev.berth.engine.cost;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.diag.Severity;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.provider.CostRequests.CostItem;
import dev.berth.engine.provider.CostRequests.CostRequest;
import dev.berth.engine.provider.CostRequests.CostResponse;
import dev.berth.engine.provider.CostRequests.CostSubject;
import dev.berth.engine.provider.CostRequests.Rate;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderRequests;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.testkit.FakeProvider;
import dev.berth.engine.testkit.TestEngine;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's side of pricing a plan, with a provider that charges one cent an hour per unit
 * of {@code size}: which objects it is shown before and after, what the totals add up to at
 * 730 hours a month, and how unknown prices, markings and provider bugs come out.
 */
class PlanCostsTest {
    static final String TWO = """
            resource "fake_thing" "a" {
              name = "a"
              size = 2
            }
            resource "fake_thing" "b" {
              name = "b-${fake_thing.a.id}"
              size = 1
            }
            """;
    static final BigDecimal CENT = new BigDecimal("0.01");

    @TempDir
    Path dir;
    TestEngine engine;
    Priced priced;
    Providers providers;

    @BeforeEach
    void setUp() {
        engine = new TestEngine(dir);
        priced = new Priced(engine.provider);
        providers = new Providers(List.of(priced));
    }

    private CostEstimate estimate(Plan plan) {
        return PlanCosts.estimate(plan, engine.config(), providers);
    }

    private static CostEstimate.Line line(CostEstimate e, String addr) {
        return e.lines().stream().filter(l -> l.addr().toString().equals(addr)).findFirst().orElseThrow();
    }

    @Test
    void scalingUpPricesBeforeAndAfterAndTheUnchangedObjectStaysInTheTotal() {
        engine.converge(TWO);
        engine.configure(TWO.replace("size = 2", "size = 4"));

        CostEstimate e = estimate(engine.plan());

        // a: 2 -> 4 units at $0.01/h for 730 h = $14.60 -> $29.20; b: 1 unit = $7.30 both sides.
        assertEquals(0, new BigDecimal("14.60").compareTo(line(e, "fake_thing.a").monthlyBefore()));
        assertEquals(0, new BigDecimal("29.20").compareTo(line(e, "fake_thing.a").monthlyAfter()));
        assertEquals(0, new BigDecimal("7.30").compareTo(line(e, "fake_thing.b").monthlyAfter()));
        assertEquals(0, new BigDecimal("21.90").compareTo(e.monthlyBefore()));
        assertEquals(0, new BigDecimal("36.50").compareTo(e.monthlyAfter()));
        assertEquals(0, new BigDecimal("14.60").compareTo(e.monthlyChange()));
        assertEquals("2 -> 4 units", line(e, "fake_thing.a").description());
    }

    @Test
    void aNewObjectStartsFromNothingAndItsReferencesAreNamed() {
        engine.configure(TWO);

        CostEstimate e = estimate(engine.plan());

        assertEquals(0, BigDecimal.ZERO.compareTo(e.monthlyBefore()));
        assertEquals(0, new BigDecimal("21.90").compareTo(e.monthlyAfter()));
        CostSubject b = priced.seen("fake_thing.b");
        assertNull(b.before());
        assertEquals(List.of(new ResourceAddr("fake_thing", "a")), b.upstream(),
                "b's configuration refers to a, whose id is unknown until apply");
    }

    @Test
    void aMovedObjectIsPricedOnceUnderItsNewAddress() {
        engine.converge(TWO);
        engine.configure(TWO.replace("\"a\"", "\"c\"").replace("fake_thing.a.id", "fake_thing.c.id")
                .replace("size = 1", "size = 3") + """
                moved {
                  from = fake_thing.a
                  to   = fake_thing.c
                }
                """);

        CostEstimate e = estimate(engine.plan());

        assertEquals(List.of("fake_thing.b", "fake_thing.c"), e.lines().stream().map(l -> l.addr().toString()).toList());
        assertEquals(0, new BigDecimal("14.60").compareTo(line(e, "fake_thing.c").monthlyBefore()));
        assertEquals(0, new BigDecimal("7.30").compareTo(line(e, "fake_thing.b").monthlyBefore()));
        assertEquals(0, new BigDecimal("21.90").compareTo(line(e, "fake_thing.b").monthlyAfter()));
        assertEquals(0, new BigDecimal("21.90").compareTo(e.monthlyBefore()));
        assertEquals(0, new BigDecimal("36.50").compareTo(e.monthlyAfter()));
        assertTrue(priced.seen("fake_thing.b").upstream().contains(new ResourceAddr("fake_thing", "c")));
    }

    @Test
    void aDestroyPlanGoesToZero() {
        engine.converge(TWO);

        CostEstimate e = estimate(engine.plan(Plan.Mode.DESTROY).plan());

        assertEquals(0, new BigDecimal("21.90").compareTo(e.monthlyBefore()));
        assertEquals(0, BigDecimal.ZERO.compareTo(e.monthlyAfter()));
        assertNull(priced.seen("fake_thing.a").after());
        assertEquals(List.of(new ResourceAddr("fake_thing", "a")), priced.seen("fake_thing.b").upstream(),
                "the state records what b depended on");
    }

    @Test
    void aRefreshOnlyPlanPricesTheStateAsItIsEvenWhenTheConfigurationChanged() {
        engine.converge(TWO);
        engine.configure(TWO.replace("size = 2", "size = 9"));

        CostEstimate e = estimate(engine.plan(Plan.Mode.REFRESH_ONLY).plan());

        assertEquals(e.monthlyBefore(), e.monthlyAfter());
        assertEquals(0, new BigDecimal("21.90").compareTo(e.monthlyAfter()));
    }

    @Test
    void anObjectWithoutAPriceIsLeftOutOfTheTotalsAndNamedNotCountedAsZero() {
        engine.converge(TWO);
        engine.configure(TWO.replace("name = \"a\"", "name = \"unpriced\""));

        CostEstimate e = estimate(engine.plan());

        CostEstimate.Line a = line(e, "fake_thing.a");
        assertFalse(a.priced());
        assertEquals("no price for unpriced", a.unpricedReason());
        assertEquals(List.of(a), e.unpriced());
        // Only b, priced both sides, is in the totals.
        assertEquals(0, new BigDecimal("7.30").compareTo(e.monthlyBefore()));
        assertEquals(0, new BigDecimal("7.30").compareTo(e.monthlyAfter()));
    }

    @Test
    void theProviderSeesPlainValuesAndADescriptionQuotingASecretIsRedacted() {
        engine.converge("""
                resource "fake_thing" "a" {
                  name = "a"
                  note = sensitive("hunter2-secret")
                }
                """);

        CostEstimate e = estimate(engine.plan());

        assertEquals(Value.of("hunter2-secret"), priced.seen("fake_thing.a").after().get("note"));
        assertEquals("1 -> 1 units (note (sensitive value))", line(e, "fake_thing.a").description());
    }

    @Test
    void aProviderThatFailsWhilePricingLeavesAWarningAndNoLines() {
        engine.converge(TWO);
        priced.fail = true;

        CostEstimate e = estimate(engine.plan());

        assertTrue(e.lines().isEmpty());
        assertEquals(1, e.diagnostics().size());
        assertEquals(Severity.WARNING, e.diagnostics().get(0).severity());
        assertTrue(e.diagnostics().get(0).summary().contains("failed unexpectedly while pricing"),
                e.diagnostics().get(0).summary());
    }

    @Test
    void aProviderWithoutTheCapabilityPricesNothing() {
        engine.converge(TWO);

        CostEstimate e = PlanCosts.estimate(engine.plan(), engine.config(), engine.providers);

        assertTrue(e.lines().isEmpty());
        assertTrue(e.diagnostics().isEmpty());
    }

    /** FakeProvider with a price: $0.01 an hour per unit of size; the name "unpriced" has none. */
    static final class Priced implements Provider {
        private final FakeProvider inner;
        final List<CostSubject> subjects = new ArrayList<>();
        boolean fail;

        Priced(FakeProvider inner) {
            this.inner = inner;
        }

        CostSubject seen(String addr) {
            return subjects.stream().filter(s -> s.addr().toString().equals(addr)).findFirst().orElseThrow();
        }

        @Override
        public CostResponse estimateCost(CostRequest request) {
            if (fail) throw new IllegalStateException("no prices today");
            subjects.addAll(request.subjects());
            List<CostItem> items = new ArrayList<>();
            for (CostSubject s : request.subjects()) {
                String note = s.after() == null ? null : text(s.after(), "note");
                items.add(new CostItem(s.addr(), rate(s.before()), rate(s.after()),
                        units(s.before()) + " -> " + units(s.after()) + " units" + (note == null ? "" : " (note " + note + ")")));
            }
            return new CostResponse(items, List.of());
        }

        private static String text(MapValue v, String key) {
            return v.get(key) instanceof StringValue s ? s.value() : null;
        }

        private static int units(MapValue v) {
            return v == null ? 0 : ((NumberValue) v.get("size")).value().intValue();
        }

        private static Rate rate(MapValue v) {
            if (v == null) return Rate.ZERO;
            if ("unpriced".equals(text(v, "name"))) return Rate.unknown("no price for unpriced");
            return Rate.perHour(CENT.multiply(BigDecimal.valueOf(units(v))));
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Map<String, ResourceSchema> resourceSchemas() {
            return inner.resourceSchemas();
        }

        @Override
        public ProviderRequests.ValidateResponse validate(ProviderRequests.ValidateRequest r) {
            return inner.validate(r);
        }

        @Override
        public ProviderRequests.PlanResponse plan(ProviderRequests.PlanRequest r) {
            return inner.plan(r);
        }

        @Override
        public ProviderRequests.ApplyResponse apply(ProviderRequests.ApplyRequest r) {
            return inner.apply(r);
        }

        @Override
        public ProviderRequests.ReadResponse read(ProviderRequests.ReadRequest r) {
            return inner.read(r);
        }

        @Override
        public ProviderRequests.ImportResponse importState(ProviderRequests.ImportRequest r) {
            return inner.importState(r);
        }
    }
}
