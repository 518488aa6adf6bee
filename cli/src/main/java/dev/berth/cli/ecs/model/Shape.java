package dev.berth.cli.ecs.model;

import java.util.List;
import java.util.Optional;

/**
 * A shape: {@code type} is botocore's (structure, list, map, string, integer, long, boolean,
 * double, float, timestamp, blob). Structures list members in the model's order; lists name
 * their member shape, maps their key and value shapes. {@code berthMembers} are members berth
 * serves that this model version lacks (left out of skeletons, which follow the AWS CLI's).
 */
public record Shape(String name, String type, List<Member> members, List<String> required,
                    List<String> idempotencyTokens, List<String> berthMembers, String member, String key,
                    String value, String enum0) {
    public boolean isStructure() {
        return type.equals("structure");
    }

    public boolean isList() {
        return type.equals("list");
    }

    public boolean isMap() {
        return type.equals("map");
    }

    public boolean isScalar() {
        return !isStructure() && !isList() && !isMap();
    }

    public Optional<Member> memberNamed(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
