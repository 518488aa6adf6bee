package dev.berth.ecs.fuzz;

/** What the fuzz tests hold every message to that reaches a user or an API client. */
public final class UserMessages {
    private UserMessages() {
    }

    /** Names only Java and its libraries use: a user reading one of these is reading berth's insides. */
    static final java.util.regex.Pattern JAVA_INTERNALS = java.util.regex.Pattern.compile(
            "\\bjava\\.(lang|util|io|math|time|net|nio)\\.\\w|\\bcom\\.fasterxml\\.\\w|\\bdev\\.berth\\.\\w|\\tat ");

    /** A message for the user: not empty, and no Java names in it that the input did not put there. */
    public static void requireReadable(String message, String input) {
        if (message == null || message.isBlank()) throw new AssertionError("an empty message");
        java.util.regex.Matcher m = JAVA_INTERNALS.matcher(message);
        while (m.find()) {
            if (!input.contains(m.group())) throw new AssertionError("a message shows Java internals: " + message);
        }
    }
}
