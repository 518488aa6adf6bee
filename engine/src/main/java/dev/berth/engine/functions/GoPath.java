package dev.berth.engine.functions;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's path/filepath Base, Dir and Clean for slash-separated paths. */
final class GoPath {
    private GoPath() {
    }

    static String base(String p) {
        if (p.isEmpty()) return ".";
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') end--;
        if (end == 0) return "/";
        String s = p.substring(0, end);
        return s.substring(s.lastIndexOf('/') + 1);
    }

    static String dir(String p) {
        int slash = p.lastIndexOf('/');
        return clean(p.substring(0, slash + 1));
    }

    /** Lexical cleaning: no doubled slashes, no "." elements, ".." resolved where it can be. */
    static String clean(String p) {
        if (p.isEmpty()) return ".";
        boolean rooted = p.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) parts.removeLast();
                else if (!rooted) parts.addLast("..");
                continue;
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        if (rooted) return "/" + joined;
        return joined.isEmpty() ? "." : joined;
    }
}
