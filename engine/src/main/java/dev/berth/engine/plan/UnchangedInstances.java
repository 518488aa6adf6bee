package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.eval.Reference;
import dev.berth.engine.eval.Scope;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.memo.LastRead;
import dev.berth.engine.provider.ProviderRequests.Upstream;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The instances the last plan in this process found unchanged, each with what that finding
 * followed from, so that the next plan takes the finding again instead of evaluating the block,
 * validating it and asking the provider. A background berth plans one directory again and again,
 * and for 100,000 unchanged task definitions that work was half of a served plan.
 *
 * <p>A finding is taken again only when all it followed from is the same: the resource's decoded
 * configuration and its prior object, each the very object it was (the loader gives back the
 * same configuration for unchanged text, and the state read and the refresh give back the stored
 * object while it reads back unchanged); an equal value for every reference the evaluation
 * resolved; and equal upstream objects for the provider. It is kept only when the plan of the
 * instance was a no-op with nothing reported (no warning either), every function its block calls
 * answers from its arguments alone ({@link Evaluator#followsFromReferences}), the provider said
 * its answer followed from the request alone, and the instance was neither tainted, nor asked to
 * be replaced, nor moved. The refresh is never skipped: a changed object is a new prior object.
 */
final class UnchangedInstances {
    private static final LastRead<ResourceInstanceAddr, Finding> LAST = new LastRead<>();

    private UnchangedInstances() {
    }

    /** This plan's pass: the last plan's findings, and what this one finds; null where nothing is kept. */
    static LastRead.Pass<ResourceInstanceAddr, Finding> begin() {
        return LastRead.keepsAcrossReads() ? LAST.begin() : null;
    }

    /** A reference and the value it resolved to. */
    record Resolved(Reference ref, Value value) {
    }

    /** A no-op found for an instance, and what it followed from. */
    record Finding(ResourceConfig rc, MapValue prior, List<Resolved> inputs, List<Upstream> upstream,
                   ResourceChange change) {

        /** Whether the same inputs are here again: then the instance plans to this very no-op. */
        boolean holds(ResourceConfig rc, MapValue prior, Scope scope, Supplier<List<Upstream>> upstream) {
            if (rc != this.rc || prior != this.prior) return false;
            Diagnostics problems = new Diagnostics();
            for (Resolved r : inputs) {
                Value now = scope.resolve(r.ref(), problems);
                if (now != r.value() && !now.equals(r.value())) return false;
            }
            return problems.isEmpty() && upstream.get().equals(this.upstream);
        }
    }

    /** A scope that notes every reference it resolves and the value it gave. */
    static final class Recording implements Scope {
        private final Scope inner;
        private final List<Resolved> seen = new ArrayList<>(2);

        Recording(Scope inner) {
            this.inner = inner;
        }

        @Override
        public Value resolve(Reference ref, Diagnostics diags) {
            Value v = inner.resolve(ref, diags);
            seen.add(new Resolved(ref, v));
            return v;
        }

        List<Resolved> seen() {
            return List.copyOf(seen);
        }
    }

    /** Whether every expression of {@code body}, nested blocks included, follows from its references. */
    static boolean followsFromReferences(Body body, Evaluator evaluator) {
        for (Attribute a : body.attributes()) {
            if (!evaluator.followsFromReferences(a.expr())) return false;
        }
        for (Block b : body.blocks()) {
            if (!followsFromReferences(b.body(), evaluator)) return false;
        }
        return true;
    }
}
