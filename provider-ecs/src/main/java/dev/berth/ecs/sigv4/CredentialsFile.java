package dev.berth.ecs.sigv4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS CLI's shared credentials file, the format berth reads both as a server
 * ({@code berth server --credentials FILE}: every profile is one access key that may sign) and as
 * a client (a profile of {@code ~/.aws/credentials}):
 * <pre>
 * [alice]                       # a profile: any name
 * aws_access_key_id = AKIDALICE
 * aws_secret_access_key = ...
 * </pre>
 * Lines beginning with {@code #} or {@code ;} are comments. A line that is neither a comment, a
 * {@code [profile]} header nor {@code name = value} inside a profile is an error at
 * {@code FILE:LINE:COLUMN}, with the line and a caret under the column.
 */
public final class CredentialsFile {
    static final String ID = "aws_access_key_id";
    static final String SECRET = "aws_secret_access_key";

    /** One profile's settings, and where its header is. */
    public record Profile(String name, int line, Map<String, String> settings) {
    }

    /** A mistake in the file, its message already in {@code FILE:LINE:COLUMN: ...} form with the line under it. */
    public static final class BadFile extends RuntimeException {
        BadFile(String message) {
            super(message);
        }
    }

    private final Path file;
    private final List<String> lines;
    private final Map<String, Profile> profiles;

    private CredentialsFile(Path file, List<String> lines, Map<String, Profile> profiles) {
        this.file = file;
        this.lines = lines;
        this.profiles = profiles;
    }

    /** Reads and checks the file's syntax; a file that cannot be read is one sentence. */
    public static CredentialsFile read(Path file) {
        List<String> lines;
        try {
            lines = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r?\n", -1));
        } catch (IOException e) {
            throw new BadFile("Cannot read the credentials file " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".");
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        CredentialsFile f = new CredentialsFile(file, lines, profiles);
        Profile current = null;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            int col = raw.indexOf(line.isEmpty() ? " " : line.substring(0, 1)) + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw f.error(i + 1, col, "a profile header is [NAME], with the closing bracket on the same line");
                }
                String name = line.substring(1, line.length() - 1).strip();
                if (name.startsWith("profile ")) name = name.substring("profile ".length()).strip();
                if (profiles.containsKey(name)) {
                    throw f.error(i + 1, col, "profile [" + name + "] is defined twice (first at line "
                            + profiles.get(name).line() + ")");
                }
                current = new Profile(name, i + 1, new LinkedHashMap<>());
                profiles.put(name, current);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) throw f.error(i + 1, col, "expected NAME = VALUE or a [profile] header");
            if (current == null) throw f.error(i + 1, col, "a setting comes after a [profile] header");
            String name = line.substring(0, eq).strip();
            if (name.isEmpty()) throw f.error(i + 1, col, "the setting has no name before '='");
            current.settings().put(name, line.substring(eq + 1).strip());
        }
        return f;
    }

    public Map<String, Profile> profiles() {
        return java.util.Collections.unmodifiableMap(profiles);
    }

    /**
     * Every profile as an access key, for a server: each needs both settings, non-empty, and no
     * key id may appear twice; a file without any profile is an error too.
     */
    public Map<String, String> secretsByKeyId() {
        if (profiles.isEmpty()) {
            throw new BadFile(file + ": the credentials file names no access key; add a profile such as\n  [alice]\n  "
                    + ID + " = AKIDALICE\n  " + SECRET + " = ...");
        }
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        for (Profile p : profiles.values()) {
            AccessKey key = key(p);
            if (out.containsKey(key.id())) {
                throw error(lineOf(p, ID), 1, "access key id " + key.id() + " is given twice (also in profile ["
                        + owner.get(key.id()) + "])");
            }
            out.put(key.id(), key.secret());
            owner.put(key.id(), p.name());
        }
        return out;
    }

    /** The access key of profile {@code p}: both settings present and non-empty. */
    public AccessKey key(Profile p) {
        for (String need : new String[]{ID, SECRET}) {
            String v = p.settings().get(need);
            if (v == null) throw error(p.line(), 1, "profile [" + p.name() + "] has no " + need);
            if (v.isEmpty()) throw error(lineOf(p, need), 1, need + " of profile [" + p.name() + "] is empty");
        }
        return new AccessKey(p.settings().get(ID), p.settings().get(SECRET));
    }

    private int lineOf(Profile p, String setting) {
        for (int i = p.line(); i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("[")) break;
            if (l.startsWith(setting) && l.substring(setting.length()).strip().startsWith("=")) return i + 1;
        }
        return p.line();
    }

    private BadFile error(int line, int col, String message) {
        String text = line - 1 < lines.size() ? lines.get(line - 1) : "";
        return new BadFile(file + ":" + line + ":" + col + ": " + message + ".\n  " + text + "\n  " + " ".repeat(col - 1) + "^");
    }
}
