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
 * What berth checks of containers' secrets and their log configurations' {@code secretOptions}:
 * their form when a task definition is validated (a name, once; a {@code valueFrom} berth can
 * read), and at plan that each named secret is in the user's store, so a missing one stops the
 * plan instead of the task.
 */
final class SecretChecks {
    private SecretChecks() {
    }

    static List<ProviderDiagnostic> form(ContainerSource source) {
        List<ProviderDiagnostic> out = new ArrayList<>();
        if (source.containers() == null) return out;
        for (int i = 0; i < source.containers().size(); i++) {
            ContainerDefinition c = source.containers().get(i);
            form(source, i, ContainerSecrets.of(c), "secret", ContainerSecrets.FIELD, out);
            form(source, i, ContainerSecrets.logOptions(c), "log secret option", "logConfiguration", out);
        }
        return out;
    }

    private static void form(ContainerSource source, int i, ContainerSecrets secrets, String what, String field,
                             List<ProviderDiagnostic> out) {
        String where = "Container \"" + source.containers().get(i).name() + "\"";
        Set<String> seen = new HashSet<>();
        for (ContainerSecrets.Entry e : secrets.entries()) {
            if (e.name() == null || e.name().isEmpty()) {
                out.add(Diags.error(where + ": every " + what + " needs a name.", source.path(i, field)));
            } else if (!seen.add(e.name())) {
                out.add(Diags.error(where + " sets " + what + " \"" + e.name() + "\" twice.", source.path(i, field)));
            }
            if (e.valueFrom() == null) {
                out.add(Diags.error(where + " " + what + " \"" + e.name() + "\" needs a valueFrom: a secret's name or a "
                        + "Secrets Manager or SSM parameter ARN.", source.path(i, field)));
                continue;
            }
            try {
                ValueFrom.parse(e.valueFrom());
            } catch (SecretException bad) {
                out.add(Diags.error(where + " " + what + " \"" + e.name() + "\": " + bad.getMessage(),
                        source.path(i, field)));
            }
        }
    }

    /** Whether {@link #present} would ask the store: some container names a secret. */
    static boolean asksStore(ContainerSource source, SecretResolver secrets) {
        if (secrets == null || source.containers() == null) return false;
        for (ContainerDefinition c : source.containers()) {
            if (!ContainerSecrets.of(c).entries().isEmpty() || !ContainerSecrets.logOptions(c).entries().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Every well-formed reference whose secret the store does not hold (or whose JSON key it lacks). */
    static List<ProviderDiagnostic> present(ContainerSource source, SecretResolver secrets) {
        List<ProviderDiagnostic> out = new ArrayList<>();
        if (secrets == null || source.containers() == null) return out;
        for (int i = 0; i < source.containers().size(); i++) {
            ContainerDefinition c = source.containers().get(i);
            present(source, i, ContainerSecrets.of(c), "secret", ContainerSecrets.FIELD, secrets, out);
            present(source, i, ContainerSecrets.logOptions(c), "log secret option", "logConfiguration", secrets, out);
        }
        return out;
    }

    private static void present(ContainerSource source, int i, ContainerSecrets refs, String what, String field,
                                SecretResolver secrets, List<ProviderDiagnostic> out) {
        for (ContainerSecrets.Entry e : refs.entries()) {
            if (e.name() == null || e.valueFrom() == null || !wellFormed(e.valueFrom())) continue;
            Optional<String> problem = secrets.problem(e.valueFrom());
            if (problem.isPresent()) {
                out.add(Diags.error("Container \"" + source.containers().get(i).name() + "\" " + what + " \""
                        + e.name() + "\": " + problem.get(), source.path(i, field)));
            }
        }
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
