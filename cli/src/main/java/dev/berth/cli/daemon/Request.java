package dev.berth.cli.daemon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What a client sends before its command runs: the arguments, its whole environment, its working
 * directory, which of its standard streams are terminals, its terminal's width and its pid.
 */
record Request(List<String> args, Map<String, String> env, String cwd, boolean[] ttys, OptionalInt width, long pid) {

    /** Reads frames up to the client's go; null when it hung up first. */
    static Request read(Frames frames) throws IOException {
        List<String> args = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        String cwd = null;
        boolean[] ttys = new boolean[3];
        OptionalInt width = OptionalInt.empty();
        long pid = -1;
        for (Frames.Frame f = frames.read(); f != null; f = frames.read()) {
            switch (f.type()) {
                case 'A' -> args.add(f.text());
                case 'E' -> {
                    String entry = f.text();
                    int eq = entry.indexOf('=');
                    // As the JVM reads its environment: an entry without '=' is no variable.
                    if (eq > 0) env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
                case 'C' -> cwd = f.text();
                case 'T' -> {
                    String t = f.text();
                    for (int i = 0; i < 3 && i < t.length(); i++) ttys[i] = t.charAt(i) == '1';
                }
                case 'W' -> width = f.text().matches("\\d{1,6}") ? OptionalInt.of(Integer.parseInt(f.text())) : OptionalInt.empty();
                case 'P' -> pid = Long.parseLong(f.text());
                case 'G' -> {
                    return cwd == null || pid < 0 ? null : new Request(List.copyOf(args), env, cwd, ttys, width, pid);
                }
                default -> throw new IOException("an unexpected frame '" + f.type() + "' before the command");
            }
        }
        return null;
    }

    /** Whether System.console() is there for this client: standard input and output both terminals (measured on JDK 17 and 25). */
    boolean console() {
        return ttys[0] && ttys[1];
    }
}
