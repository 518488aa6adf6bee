package dev.berth.engine.plan;

/** Why an action was chosen when the action alone does not say it; JSON spelling as Terraform's. */
public enum ActionReason {
    NONE(null),
    REPLACE_BECAUSE_TAINTED("replace_because_tainted"),
    REPLACE_BECAUSE_CANNOT_UPDATE("replace_because_cannot_update"),
    REPLACE_BY_REQUEST("replace_by_request"),
    DELETE_BECAUSE_NO_RESOURCE_CONFIG("delete_because_no_resource_config"),
    DELETE_BECAUSE_COUNT_INDEX("delete_because_count_index"),
    DELETE_BECAUSE_EACH_KEY("delete_because_each_key"),
    DELETE_BECAUSE_NO_MOVE_TARGET("delete_because_no_move_target"),
    READ_BECAUSE_CONFIG_UNKNOWN("read_because_config_unknown"),
    READ_BECAUSE_DEPENDENCY_PENDING("read_because_dependency_pending");

    private final String json;

    ActionReason(String json) {
        this.json = json;
    }

    /** Terraform's {@code action_reason} value, or null when none is printed. */
    public String json() {
        return json;
    }
}
