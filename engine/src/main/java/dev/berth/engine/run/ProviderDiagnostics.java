package dev.berth.engine.run;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.provider.ProviderDiagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a provider's path-addressed findings into diagnostics pointing at the configuration. */
public final class ProviderDiagnostics {
    private ProviderDiagnostics() {
    }

    public static List<Diagnostic> convert(List<ProviderDiagnostic> found, ResourceInstanceAddr addr, ResourceConfig rc) {
        List<Diagnostic> out = new ArrayList<>(found.size());
        for (ProviderDiagnostic p : found) {
            SourceRange range = rc == null ? SourceRange.NONE : locate(rc, p.path());
            String detail = p.detail().isEmpty() ? "with " + addr : p.detail() + "\n\nwith " + addr;
            out.add(new Diagnostic(p.severity(), p.summary(), detail, range));
        }
        return out;
    }

    /** The closest configuration range to a path: the attribute, the nested block, or the resource. */
    static SourceRange locate(ResourceConfig rc, List<Object> path) {
        Body body = rc.body();
        SourceRange best = rc.block().typeRange();
        for (int i = 0; i < path.size(); i++) {
            if (!(path.get(i) instanceof String name)) return best;
            Optional<Attribute> a = body.attribute(name);
            if (a.isPresent()) return a.get().expr().range();
            List<Block> blocks = body.blocks(name);
            if (blocks.isEmpty()) return best;
            int index = i + 1 < path.size() && path.get(i + 1) instanceof Integer n ? n : 0;
            if (index >= blocks.size()) return best;
            Block b = blocks.get(index);
            best = b.typeRange();
            body = b.body();
            if (i + 1 < path.size() && path.get(i + 1) instanceof Integer) i++;
        }
        return best;
    }
}
