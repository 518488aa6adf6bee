package dev.berth.ecs.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code valueFrom} as ECS reads it, mapped onto berth's secret store:
 * <ul>
 * <li>a plain NAME (ECS: an SSM parameter of the task's region);</li>
 * <li>{@code arn:aws:ssm:REGION:ACCOUNT:parameter/NAME};</li>
 * <li>{@code arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME}, where NAME may carry the
 * {@code -xxxxxx} suffix Secrets Manager adds to its ARNs, and optionally the tail
 * {@code :json-key:version-stage:version-id}, each part of which may be empty.</li>
 * </ul>
 * Region, account and partition are not checked: a task definition written for an AWS account
 * ports as it is. berth keeps one version of each secret, its current one: a version stage other
 * than {@code AWSCURRENT}, or any version id, is refused rather than quietly read as current.
 *
 * @param text      the reference as written
 * @param name      the secret's name (without the Secrets Manager suffix when one may be there)
 * @param suffixed  the name as written when it ends like Secrets Manager's {@code -xxxxxx}
 *                  suffix, else null: a secret of exactly that name wins over {@code name}
 * @param jsonKey   the key to read from a secret holding a JSON object, or null for the whole value
 * @param secretsManager whether ECS would fetch it from Secrets Manager (else from SSM)
 */
public record ValueFrom(String text, String name, String suffixed, String jsonKey, boolean secretsManager) {
    private static final Pattern ARN = Pattern.compile("arn:([^:]+):([^:]+):([^:]*):([^:]*):(.*)", Pattern.DOTALL);
    private static final Pattern SUFFIX = Pattern.compile("(.+)-[A-Za-z0-9]{6}");
    private static final String CURRENT_STAGE = "AWSCURRENT";

    /** Reads {@code text}; an exception says in one sentence what cannot be honoured. */
    public static ValueFrom parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new SecretException("valueFrom is empty: give a secret's name or a Secrets Manager or SSM parameter ARN.",
                    "valueFrom is empty");
        }
        Matcher arn = ARN.matcher(text);
        if (!text.startsWith("arn:")) return plain(text);
        if (!arn.matches()) throw malformed(text, "it is not an ARN of the form arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE");
        String service = arn.group(2);
        String resource = arn.group(5);
        return switch (service) {
            case "ssm" -> parameter(text, resource);
            case "secretsmanager" -> secret(text, resource);
            default -> throw malformed(text, "berth reads secrets from Secrets Manager (arn:aws:secretsmanager:...) "
                    + "and SSM parameter (arn:aws:ssm:...) ARNs, not from " + service);
        };
    }

    /** The names to look up, best first. */
    public List<String> candidates() {
        List<String> out = new ArrayList<>();
        if (suffixed != null) out.add(suffixed);
        out.add(name);
        return out;
    }

    private static ValueFrom plain(String text) {
        String name = SecretName.of(text);
        return new ValueFrom(text, name, null, null, false);
    }

    private static ValueFrom parameter(String text, String resource) {
        if (!resource.startsWith("parameter/") || !SecretName.valid(resource.substring("parameter/".length()))) {
            throw malformed(text, "an SSM parameter ARN ends in parameter/NAME, where NAME is 1 to 512 letters, "
                    + "digits and / _ + = . @ - characters");
        }
        return new ValueFrom(text, resource.substring("parameter/".length()), null, null, false);
    }

    private static ValueFrom secret(String text, String resource) {
        String[] parts = resource.split(":", -1);
        if (!parts[0].equals("secret") || parts.length != 2 && parts.length != 5 || !SecretName.valid(parts[1])) {
            throw malformed(text, "a Secrets Manager ARN ends in secret:NAME or secret:NAME:json-key:version-stage:version-id");
        }
        String written = parts[1];
        String jsonKey = parts.length == 5 && !parts[2].isEmpty() ? parts[2] : null;
        if (parts.length == 5 && !parts[3].isEmpty() && !parts[3].equals(CURRENT_STAGE)) {
            throw new SecretException("valueFrom " + SecretName.quote(text) + " asks for version stage " + parts[3]
                    + ": berth keeps only the current version (" + CURRENT_STAGE + ") of a secret.",
                    "unable to retrieve secret from asm: berth keeps only the current version of secret " + written);
        }
        if (parts.length == 5 && !parts[4].isEmpty()) {
            throw new SecretException("valueFrom " + SecretName.quote(text) + " asks for version id " + parts[4]
                    + ": berth keeps only the current version of a secret and has no version ids.",
                    "unable to retrieve secret from asm: berth keeps only the current version of secret " + written);
        }
        Matcher m = SUFFIX.matcher(written);
        return m.matches() ? new ValueFrom(text, m.group(1), written, jsonKey, true)
                : new ValueFrom(text, written, null, jsonKey, true);
    }

    private static SecretException malformed(String text, String why) {
        return new SecretException("Invalid valueFrom " + SecretName.quote(text) + ": " + why + ".",
                "unable to retrieve secret from asm: an invalid ARN format was specified: " + SecretName.quote(text));
    }
}
