package dev.berth.engine.diag;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The text of every configuration file read in this run, so a diagnostic can quote its line. */
public final class SourceFiles {
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    public void put(String file, String text) {
        texts.put(file, text);
    }

    public Optional<String> text(String file) {
        return Optional.ofNullable(texts.get(file));
    }

    /** The 1-based line of a file, without its line terminator, if the file is known. */
    public Optional<String> line(String file, int line) {
        String text = texts.get(file);
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
