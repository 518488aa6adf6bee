package dev.berth.cli.view;

import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.ResourceChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The words around each resource diff: the legend, the "# addr will be ..." comment, the header. */
final class ResourceHeading {

    /** Legend order is Terraform's, not the enum's: create, update, destroy, then replacements. */
    private static final List<Action> LEGEND_ORDER = List.of(Action.CREATE, Action.UPDATE, Action.DELETE,
            Action.DELETE_THEN_CREATE, Action.CREATE_THEN_DELETE, Action.READ);

    private ResourceHeading() {
    }

    static String symbol(Action a, Palette p) {
        return switch (a) {
            case CREATE -> "  " + p.green("+");
            case DELETE -> "  " + p.red("-");
            case UPDATE -> "  " + p.yellow("~");
            case DELETE_THEN_CREATE -> p.red("-") + "/" + p.green("+");
            case CREATE_THEN_DELETE -> p.green("+") + "/" + p.red("-");
            case READ -> " " + p.cyan("<=");
            case NO_OP -> "   ";
        };
    }

    /** One line per action that occurs in the plan, each ending in a newline. */
    static String legend(Set<Action> used, Palette p) {
        StringBuilder sb = new StringBuilder();
        for (Action a : LEGEND_ORDER) {
            if (!used.contains(a)) continue;
            sb.append(symbol(a, p)).append(' ').append(switch (a) {
                case CREATE -> "create";
                case UPDATE -> "update in-place";
                case DELETE -> "destroy";
                case DELETE_THEN_CREATE -> "destroy and then create replacement";
                case CREATE_THEN_DELETE -> "create replacement and then destroy";
                default -> "read (data resources)";
            }).append('\n');
        }
        return sb.toString();
    }

    /**
     * The comment lines above a resource block, each ending in a newline. {@code drift} selects
     * the wording for changes found outside the tool ("has changed") instead of planned ones.
     */
    static String comment(ResourceChange c, boolean drift, Palette p) {
        String addr = p.bold("  # " + c.addr() + (c.deposed() == null ? "" : " (deposed object " + c.deposed() + ")"));
        String replaced = p.style(Palette.BOLD + Palette.RED, "replaced");
        List<String> lines = new ArrayList<>();
        switch (c.action()) {
            case CREATE -> lines.add(addr + " will be created");
            case READ -> {
                lines.add(addr + " will be read during apply");
                if (c.reason() == ActionReason.READ_BECAUSE_CONFIG_UNKNOWN) {
                    lines.add("  # (config refers to values not yet known)");
                } else if (c.reason() == ActionReason.READ_BECAUSE_DEPENDENCY_PENDING) {
                    lines.add("  # (depends on a resource or a module with changes pending)");
                }
            }
            case UPDATE -> lines.add(addr + (drift ? " has changed" : " will be updated in-place"));
            case DELETE_THEN_CREATE, CREATE_THEN_DELETE -> lines.add(switch (c.reason()) {
                case REPLACE_BECAUSE_TAINTED -> addr + " is tainted, so must be " + replaced;
                case REPLACE_BY_REQUEST -> addr + " will be " + replaced + ", as requested";
                default -> addr + " must be " + replaced;
            });
            case DELETE -> {
                lines.add(addr + (drift ? " has been deleted"
                        : " will be " + p.style(Palette.BOLD + Palette.RED, "destroyed")));
                String why = deleteReason(c);
                if (why != null) lines.add("  # (" + why + ")");
                if (c.deposed() != null) lines.add("  # (left over from a partially-failed replacement of this instance)");
            }
            case NO_OP -> lines.add(c.moved() ? p.bold("  # " + c.previousAddr() + " has moved to " + c.addr())
                    : addr + " has no changes");
        }
        if (c.moved() && c.action() != Action.NO_OP) lines.add(1, "  # (moved from " + c.previousAddr() + ")");
        return String.join("\n", lines) + "\n";
    }

    /**
     * Why a delete happens, when the address alone does not show it.
     */
    private static String deleteReason(ResourceChange c) {
        return switch (c.reason()) {
            case DELETE_BECAUSE_NO_RESOURCE_CONFIG -> "because " + c.addr().resource() + " is not in configuration";
            case DELETE_BECAUSE_COUNT_INDEX -> "because index " + c.addr().key().suffix() + " is out of range for count";
            case DELETE_BECAUSE_EACH_KEY -> "because key " + c.addr().key().suffix() + " is not in for_each map";
            default -> null;
        };
    }

    /** {@code resource "ecs_service" "web"} or {@code data "ecs_cluster" "main"}. */
    static String header(ResourceChange c) {
        String mode = c.addr().isData() ? "data" : "resource";
        return mode + " \"" + c.addr().type() + "\" \"" + c.addr().name() + "\"";
    }
}
