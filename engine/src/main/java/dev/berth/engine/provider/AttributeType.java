package dev.berth.engine.provider;

/** The value types a provider attribute can take, as Terraform names them. */
public enum AttributeType {
    STRING("string"),
    NUMBER("number"),
    BOOL("bool"),
    LIST_OF_STRING("list(string)"),
    SET_OF_STRING("set(string)"),
    MAP_OF_STRING("map(string)"),
    /** Structured computed data (e.g. a service's tasks); never set from configuration. */
    ANY("any");

    private final String friendlyName;

    AttributeType(String friendlyName) {
        this.friendlyName = friendlyName;
    }

    public String friendlyName() {
        return friendlyName;
    }
}
