package dev.berth.ecs.runtime.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The task role's credentials as ECS's credentials endpoint answers them
 * ({@code AccessKeyId}, {@code Expiration}, {@code RoleArn}, {@code SecretAccessKey},
 * {@code Token}). berth has no IAM: they are obviously local (the key id starts with
 * {@code BERTHLOCAL}) and open nothing anywhere, but software that insists on reading them runs.
 *
 * @param relativeUri what {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} holds: ECS's
 *                    {@code /v2/credentials/UUID}, unguessable by other tasks
 */
public record TaskCredentials(String relativeUri, String roleArn, String accessKeyId, String secretAccessKey,
                              String token, Instant expiration) {
    public static final String KEY_PREFIX = "BERTHLOCAL";
    /** ECS's task credentials last six hours and are refreshed before they run out. */
    static final Duration LIFETIME = Duration.ofHours(6);
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fresh credentials for a task's role, valid from {@code now}. */
    public static TaskCredentials issue(String taskRole, String account, Instant now) {
        String key = KEY_PREFIX + HexFormat.of().formatHex(bytes(5)).toUpperCase(Locale.ROOT);
        return new TaskCredentials("/v2/credentials/" + UUID.randomUUID(), roleArn(taskRole, account), key,
                "berth-local-" + HexFormat.of().formatHex(bytes(14)), "berth-local-token-" + HexFormat.of().formatHex(bytes(24)),
                now.truncatedTo(ChronoUnit.SECONDS).plus(LIFETIME));
    }

    /** ECS accepts a task role's short name too; the credentials name the role in full. */
    static String roleArn(String taskRole, String account) {
        if (ROLE_NAME.matcher(taskRole).matches()) return "arn:aws:iam::" + account + ":role/" + taskRole;
        return taskRole;
    }

    public ObjectNode document() {
        ObjectNode n = JSON.createObjectNode();
        n.put("AccessKeyId", accessKeyId);
        n.put("Expiration", expiration.toString());
        n.put("RoleArn", roleArn);
        n.put("SecretAccessKey", secretAccessKey);
        n.put("Token", token);
        return n;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
