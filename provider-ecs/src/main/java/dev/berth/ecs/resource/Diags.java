package dev.berth.ecs.resource;

import dev.berth.engine.diag.Severity;
import dev.berth.engine.provider.ProviderDiagnostic;

import java.util.List;

/** Short-hands for diagnostics whose path is built at run time rather than as varargs. */
public final class Diags {
    private Diags() {
    }

    public static ProviderDiagnostic error(String summary, List<Object> path) {
        return new ProviderDiagnostic(Severity.ERROR, summary, "", List.copyOf(path));
    }

    public static ProviderDiagnostic error(String summary, String detail, List<Object> path) {
        return new ProviderDiagnostic(Severity.ERROR, summary, detail == null ? "" : detail, List.copyOf(path));
    }

    public static ProviderDiagnostic warning(String summary, List<Object> path) {
        return new ProviderDiagnostic(Severity.WARNING, summary, "", List.copyOf(path));
    }

    /**
     * An ECS API error as a diagnostic: ECS's message as the summary, and its error name in the
     * detail, so a user sees both as the AWS CLI shows them.
     */
    public static ProviderDiagnostic of(dev.berth.ecs.api.EcsException e, String action, Object... path) {
        return ProviderDiagnostic.error(e.getMessage(), e.errorName() + " from " + action + ".", path);
    }

    public static boolean hasErrors(List<ProviderDiagnostic> diagnostics) {
        for (ProviderDiagnostic d : diagnostics) if (d.isError()) return true;
        return false;
    }
}
