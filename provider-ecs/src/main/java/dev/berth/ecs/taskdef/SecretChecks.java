package dev.berth.ecs.taskdef;

import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.secret.SecretException;
import dev.berth.ecs.secret.SecretResolver;
import dev.berth.ecs.secret.ValueFrom;
import dev.berth.engine.provider.ProviderDiagnostic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What berth checks of containers' secrets: their form when a task definition is validated (a
 * name for each variable, once; a {@code valueFrom} berth can read), and at plan that each named
 * secret is in the user's store, so a missing one stops the plan instead of the task.
 */
final class SecretChecks {
    private SecretChecks() {
    }

    static List<ProviderDiagnostic> form(ContainerSource source) {
        List<ProviderDiagnostic> out = new ArrayList<>();
        if (source.containers() == null) return out;
        for (int i = 0; i < source.containers().size(); i++) {
            ContainerDefinition c = source.containers().get(i);
            Set<String> seen = new HashSet<>();
            for (ContainerSecrets.Entry e : ContainerSecrets.of(c).entries()) {
                String where = "Container \"" + c.name() + "\"";
                if (e.name() == null || e.name().isEmpty()) {
                    out.add(Diags.error(where + ": every secret needs a name, the environment variable it sets.",
                            source.path(i, ContainerSecrets.FIELD)));
                } else if (!seen.add(e.name())) {
                    out.add(Diags.error(where + " sets secret \"" + e.name() + "\" twice.",
                            source.path(i, ContainerSecrets.FIELD)));
                }
                if (e.valueFrom() == null) {
                    out.add(Diags.error(where + " secret \"" + e.name() + "\" needs a valueFrom: a secret's name or a "
                            + "Secrets Manager or SSM parameter ARN.", source.path(i, ContainerSecrets.FIELD)));
                    continue;
                }
                try {
                    ValueFrom.parse(e.valueFrom());
                } catch (SecretException bad) {
                    out.add(Diags.error(where + " secret \"" + e.name() + "\": " + bad.getMessage(),
                            source.path(i, ContainerSecrets.FIELD)));
                }
            }
        }
        return out;
    }

    /** Every well-formed reference whose secret the store does not hold (or whose JSON key it lacks). */
    static List<ProviderDiagnostic> present(ContainerSource source, SecretResolver secrets) {
        List<ProviderDiagnostic> out = new ArrayList<>();
        if (secrets == null || source.containers() == null) return out;
        for (int i = 0; i < source.containers().size(); i++) {
            ContainerDefinition c = source.containers().get(i);
            for (ContainerSecrets.Entry e : ContainerSecrets.of(c).entries()) {
                if (e.name() == null || e.valueFrom() == null || !wellFormed(e.valueFrom())) continue;
                Optional<String> problem = secrets.problem(e.valueFrom());
                if (problem.isPresent()) {
                    out.add(Diags.error("Container \"" + c.name() + "\" secret \"" + e.name() + "\": " + problem.get(),
                            source.path(i, ContainerSecrets.FIELD)));
                }
            }
        }
        return out;
    }

    private static boolean wellFormed(String valueFrom) {
        try {
            ValueFrom.parse(valueFrom);
            return true;
        } catch (SecretException e) {
            return false;
        }
    }
}
