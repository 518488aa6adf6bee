package dev.berth.ecs.service;

import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.scheduler.Strategy;
import dev.berth.ecs.scheduler.query.QueryException;
import dev.berth.ecs.scheduler.query.QueryParser;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.List;

import static dev.berth.ecs.schema.Ec2ServiceSchema.CONSTRAINTS;
import static dev.berth.ecs.schema.Ec2ServiceSchema.C_EXPRESSION;
import static dev.berth.ecs.schema.Ec2ServiceSchema.C_TYPE;
import static dev.berth.ecs.schema.Ec2ServiceSchema.MAX_PERCENT;
import static dev.berth.ecs.schema.Ec2ServiceSchema.MIN_HEALTHY;
import static dev.berth.ecs.schema.Ec2ServiceSchema.STRATEGY;
import static dev.berth.ecs.schema.Ec2ServiceSchema.S_FIELD;
import static dev.berth.ecs.schema.Ec2ServiceSchema.S_TYPE;

/** The placement and deployment arguments of a service; each finding points at its block. */
final class Ec2ServiceValidator {
    private Ec2ServiceValidator() {
    }

    static void validate(MapValue config, List<ProviderDiagnostic> out) {
        List<Value> strategies = Attrs.items(config, STRATEGY);
        for (int i = 0; i < strategies.size(); i++) {
            if (!(strategies.get(i).unmarked() instanceof MapValue b) || Attrs.unknown(b, S_TYPE) || Attrs.unknown(b, S_FIELD)) {
                continue;
            }
            try {
                Strategy.of(Attrs.string(b, S_TYPE), Attrs.string(b, S_FIELD));
            } catch (IllegalArgumentException e) {
                String attr = e.getMessage().startsWith("placement strategy type") ? S_TYPE : S_FIELD;
                out.add(Diags.error("Invalid placement strategy: " + e.getMessage() + ".", List.of(STRATEGY, i, attr)));
            }
        }
        List<Value> constraints = Attrs.items(config, CONSTRAINTS);
        for (int i = 0; i < constraints.size(); i++) {
            if (constraints.get(i).unmarked() instanceof MapValue b) constraint(b, i, out);
        }
        BigDecimal min = Attrs.number(config, MIN_HEALTHY), max = Attrs.number(config, MAX_PERCENT);
        if (min != null && (min.signum() < 0 || min.compareTo(BigDecimal.valueOf(100)) > 0 || fractional(min))) {
            out.add(Diags.error(MIN_HEALTHY + " must be a whole number from 0 to 100, not " + min.toPlainString() + ".",
                    List.of(MIN_HEALTHY)));
        }
        if (max != null && (max.compareTo(BigDecimal.valueOf(100)) < 0 || fractional(max))) {
            out.add(Diags.error(MAX_PERCENT + " must be a whole number of at least 100, not " + max.toPlainString() + ".",
                    List.of(MAX_PERCENT)));
        }
    }

    private static void constraint(MapValue b, int i, List<ProviderDiagnostic> out) {
        if (Attrs.unknown(b, C_TYPE) || Attrs.unknown(b, C_EXPRESSION)) return;
        String type = Attrs.string(b, C_TYPE), expression = Attrs.string(b, C_EXPRESSION);
        if ("distinctInstance".equals(type)) {
            if (expression != null) {
                out.add(Diags.error("A distinctInstance constraint takes no expression.", List.of(CONSTRAINTS, i, C_EXPRESSION)));
            }
        } else if ("memberOf".equals(type)) {
            if (expression == null || expression.isBlank()) {
                out.add(Diags.error("A memberOf constraint needs an expression.", List.of(CONSTRAINTS, i, C_TYPE)));
                return;
            }
            try {
                QueryParser.parse(expression);
            } catch (QueryException e) {
                out.add(Diags.error("Invalid memberOf expression at column " + e.column() + " of the expression: expected "
                        + e.expected() + " but found " + e.found() + ".", "The expression: " + expression + "\n"
                        + " ".repeat("The expression: ".length() + e.column() - 1) + "^",
                        List.of(CONSTRAINTS, i, C_EXPRESSION)));
            }
        } else {
            out.add(Diags.error("Placement constraint type \"" + type + "\" is not distinctInstance or memberOf.",
                    List.of(CONSTRAINTS, i, C_TYPE)));
        }
    }

    private static boolean fractional(BigDecimal v) {
        return v.stripTrailingZeros().scale() > 0;
    }
}
