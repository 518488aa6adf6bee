package dev.berth.ecs.secret;

import java.util.regex.Pattern;

/**
 * The rules for a secret's name: Secrets Manager's characters (letters, digits and
 * {@code / _ + = . @ -}), 1 to 512 of them. One leading {@code /} is dropped, as an SSM
 * parameter's ARN drops it ({@code /prod/db} is {@code parameter/prod/db}), so {@code /prod/db}
 * and {@code prod/db} are one secret.
 */
public final class SecretName {
    public static final int MAX_LENGTH = 512;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9/_+=.@-]{1," + MAX_LENGTH + "}");

    private SecretName() {
    }

    /** The name as the store keeps it, or an exception saying in one sentence what is wrong. */
    public static String of(String name) {
        String n = name != null && name.startsWith("/") ? name.substring(1) : name;
        if (n == null || !ALLOWED.matcher(n).matches()) {
            throw new SecretException("Invalid secret name " + quote(name) + ": use 1 to " + MAX_LENGTH
                    + " letters, digits and / _ + = . @ - characters.", "invalid secret name " + quote(name));
        }
        return n;
    }

    static boolean valid(String name) {
        return name != null && ALLOWED.matcher(name).matches();
    }

    /** A name as messages print it; a long or odd one is cut so a message stays one line. */
    static String quote(String s) {
        if (s == null) return "(none)";
        String shown = s.length() > 80 ? s.substring(0, 77) + "..." : s;
        return "\"" + shown.replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }
}
