package dev.berth.engine.diag;

import dev.berth.engine.memo.TextDigest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of every configuration file read in this run, so a diagnostic can quote its line and a
 * saved plan can carry it. A file whose parse a background berth took from the last read was not
 * read this time: it is read when first asked for, and only if it is still what was parsed.
 */
public final class SourceFiles {
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Map<String, Unread> unread = new ConcurrentHashMap<>();

    private record Unread(Path path, TextDigest digest) {
    }

    public void put(String file, String text) {
        texts.put(file, text);
    }

    /** A file parsed from text with this digest, to be read only when asked for. */
    public void putUnread(String file, Path path, TextDigest digest) {
        unread.put(file, new Unread(path, digest));
    }

    /** The text of a file, if known; empty for a file that changed since it was parsed. */
    public Optional<String> text(String file) {
        String text = texts.get(file);
        if (text != null) return Optional.of(text);
        Unread u = unread.get(file);
        if (u == null) return Optional.empty();
        try {
            text = Files.readString(u.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!TextDigest.of(text).equals(u.digest())) return Optional.empty();
        texts.put(file, text);
        return Optional.of(text);
    }

    /** The 1-based line of a file, without its line terminator, if the file is known. */
    public Optional<String> line(String file, int line) {
        String text = text(file).orElse(null);
        if (text == null || line < 1) return Optional.empty();
        int start = 0;
        for (int i = 1; i < line; i++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) return Optional.empty();
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        String s = end < 0 ? text.substring(start) : text.substring(start, end);
        return Optional.of(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
    }
}
