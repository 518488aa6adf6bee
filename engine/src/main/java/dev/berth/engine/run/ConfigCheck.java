package dev.berth.engine.run;

import dev.berth.engine.diag.Suggestions;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.decode.SchemaChecker;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;

import java.util.List;
import java.util.Optional;

/** The checks that need no values: resource and data source types, arguments against schemas, references, cycles. */
public final class ConfigCheck {
    private ConfigCheck() {
    }

    public static ConfigGraph check(Config config, Providers providers, Diagnostics diags) {
        // Each resource is checked on its own, so on every core; the findings keep the resources' order.
        List<Diagnostics> found = List.copyOf(config.resources().values()).parallelStream().map(rc -> {
            Diagnostics d = new Diagnostics();
            check(rc, providers, d);
            return d;
        }).toList();
        found.forEach(diags::addAll);
        PrimitiveAttributeCheck.check(config, providers, diags);
        return ConfigGraph.build(config, diags);
    }

    private static void check(ResourceConfig rc, Providers providers, Diagnostics diags) {
        Optional<ResourceSchema> schema = providers.schema(rc.addr());
        if (schema.isEmpty() && rc.addr().isData()) {
            diags.error("Invalid data source: berth has no data source named \"" + rc.addr().type() + "\"."
                            + Suggestions.didYouMean(rc.addr().type(), providers.dataSourceTypes()),
                    providers.dataSourceTypes().isEmpty() ? "No provider offers data sources."
                            : "Valid data sources are: " + String.join(", ", providers.dataSourceTypes()) + ".",
                    rc.block().labelRanges().get(0));
            return;
        }
        if (schema.isEmpty()) {
            diags.error("Invalid resource type: berth has no resource type named \"" + rc.addr().type() + "\"."
                            + Suggestions.didYouMean(rc.addr().type(), providers.types()),
                    "Valid resource types are: " + String.join(", ", providers.types()) + ".",
                    rc.block().labelRanges().get(0));
            return;
        }
        SchemaChecker.check(rc, schema.get().body(), diags);
    }
}
