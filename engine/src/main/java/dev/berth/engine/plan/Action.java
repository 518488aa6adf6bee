package dev.berth.engine.plan;

import java.util.List;

/** What will happen to one resource instance, with Terraform's JSON spelling of it. */
public enum Action {
    NO_OP(List.of("no-op")),
    CREATE(List.of("create")),
    READ(List.of("read")),
    UPDATE(List.of("update")),
    DELETE_THEN_CREATE(List.of("delete", "create")),
    CREATE_THEN_DELETE(List.of("create", "delete")),
    DELETE(List.of("delete"));

    private final List<String> jsonActions;

    Action(List<String> jsonActions) {
        this.jsonActions = jsonActions;
    }

    public List<String> jsonActions() {
        return jsonActions;
    }

    public boolean isReplace() {
        return this == DELETE_THEN_CREATE || this == CREATE_THEN_DELETE;
    }

    public boolean creates() {
        return this == CREATE || isReplace();
    }

    public boolean deletes() {
        return this == DELETE || isReplace();
    }
}
