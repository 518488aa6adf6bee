package dev.berth.engine.eval;

import dev.berth.engine.diag.SourceRange;

/**
 * A reference from configuration to another object.
 *
 * <p>kind is one of var, local, resource, data, module, count, each, path, self, terraform.
 * name is what the {@link Scope} resolves: the variable or local name, {@code TYPE.NAME} for
 * resources and data sources ({@code data.TYPE.NAME} is named {@code TYPE.NAME} with kind
 * data), the module name, {@code index} for count, {@code key}/{@code value} for each,
 * {@code module}/{@code root}/{@code cwd} for path, and the attribute name for self. text is the
 * whole static traversal, e.g. {@code ecs_service.web.tasks[0]}.
 */
public record Reference(String kind, String name, String text, SourceRange range) {
}
