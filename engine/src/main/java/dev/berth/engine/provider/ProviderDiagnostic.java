package dev.berth.engine.provider;

import dev.berth.engine.diag.Severity;

import java.util.List;

/**
 * A provider's finding. The path names the attribute it is about (e.g. {@code ["memory"]} or
 * {@code ["container", 1, "name"]}) so the engine can point at the configuration that set it;
 * an empty path means the resource as a whole.
 */
public record ProviderDiagnostic(Severity severity, String summary, String detail, List<Object> path) {

    public static ProviderDiagnostic error(String summary, String detail, Object... path) {
        return new ProviderDiagnostic(Severity.ERROR, summary, detail == null ? "" : detail, List.of(path));
    }

    public static ProviderDiagnostic warning(String summary, String detail, Object... path) {
        return new ProviderDiagnostic(Severity.WARNING, summary, detail == null ? "" : detail, List.of(path));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
