package dev.berth.ecs.taskdef;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ECS's check of a task definition's {@code taskRoleArn} and {@code executionRoleArn}: an IAM
 * role ARN ({@code arn:aws:iam::ACCOUNT:role/PATH/NAME}, any AWS partition, a 12-digit account)
 * or a role's short name, which ECS also takes. Anything else ECS refuses with
 * {@code ClientException: Role is not valid}. berth has no IAM, so the role need not exist.
 */
public final class RoleArns {
    /** ECS's whole message for a bad role. */
    public static final String ECS_MESSAGE = "Role is not valid";
    private static final String NAME = "[\\w+=,.@-]{1,64}";
    private static final Pattern ARN = Pattern.compile(
            "arn:aws(-cn|-us-gov|-iso|-iso-b)?:iam::\\d{12}:role/([\\x21-\\x7E]{1,510}/)?" + NAME);
    private static final Pattern SHORT = Pattern.compile(NAME);

    private RoleArns() {
    }

    public static boolean valid(String role) {
        return role != null && role.length() <= 2048 && (ARN.matcher(role).matches() || SHORT.matcher(role).matches());
    }

    /** What is wrong with the role an attribute names, in one sentence, or empty when it is fine. */
    public static Optional<String> problem(String attribute, String role) {
        if (role == null || valid(role)) return Optional.empty();
        return Optional.of(ECS_MESSAGE + ": " + attribute + " \"" + role + "\" is neither an IAM role ARN "
                + "(arn:aws:iam::ACCOUNT:role/NAME, ACCOUNT 12 digits) nor a role name.");
    }
}
