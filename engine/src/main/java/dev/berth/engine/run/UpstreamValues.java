package dev.berth.engine.run;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.eval.Reference;
import dev.berth.engine.provider.ProviderRequests.Upstream;
import dev.berth.engine.value.MapValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The resource instances a resource's configuration refers to directly, with their current values. */
public final class UpstreamValues {
    private UpstreamValues() {
    }

    public static List<Upstream> of(ResourceConfig rc, RunScope scope) {
        Set<ResourceAddr> referenced = new TreeSet<>();
        for (Reference ref : ConfigGraph.resourceReferences(rc)) {
            if (ref.kind().equals("resource")) referenced.add(RunScope.addrOf(ref, ResourceAddr.Mode.MANAGED));
            if (ref.kind().equals("data")) referenced.add(RunScope.addrOf(ref, ResourceAddr.Mode.DATA));
        }
        referenced.remove(rc.addr());
        List<Upstream> out = new ArrayList<>();
        for (ResourceAddr addr : referenced) {
            scope.instances(addr).forEach((key, value) -> {
                if (value instanceof MapValue m) out.add(new Upstream(addr.instance(key), m));
            });
        }
        return out;
    }
}
