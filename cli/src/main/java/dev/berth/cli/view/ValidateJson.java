package dev.berth.cli.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.diag.SourceRange;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code validate -json}: Terraform's machine-readable result (format_version 1.0). Ranges carry
 * byte offsets as Terraform's do, computed from the file text because berth's ranges count
 * characters; the snippet quotes the lines the range spans.
 */
public final class ValidateJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public String render(List<Diagnostic> diagnostics, SourceFiles files) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        ObjectNode root = NODES.objectNode();
        root.put("format_version", "1.0");
        root.put("valid", errors == 0);
        root.put("error_count", errors);
        root.put("warning_count", diagnostics.size() - errors);
        ArrayNode arr = root.putArray("diagnostics");
        diagnostics.forEach(d -> arr.add(diagnostic(d, files)));
        return JsonDocuments.pretty(root);
    }

    /** One diagnostic as Terraform's JSON writes it, also in the streaming UI's diagnostic messages. */
    public static ObjectNode diagnosticJson(Diagnostic d, SourceFiles files) {
        return diagnostic(d, files);
    }

    private static ObjectNode diagnostic(Diagnostic d, SourceFiles files) {
        ObjectNode n = NODES.objectNode();
        n.put("severity", d.isError() ? "error" : "warning");
        n.put("summary", d.summary());
        n.put("detail", d.detail());
        SourceRange r = d.range();
        if (!r.isKnown()) return n;
        Optional<String> text = files.text(r.file());
        ObjectNode range = n.putObject("range");
        range.put("filename", r.file());
        range.set("start", pos(r.line(), r.column(), text.map(t -> bytes(t, r.startOffset())).orElse(r.startOffset())));
        range.set("end", pos(r.endLine(), r.endColumn(), text.map(t -> bytes(t, r.endOffset())).orElse(r.endOffset())));
        text.ifPresent(t -> n.set("snippet", snippet(t, r)));
        return n;
    }

    private static ObjectNode pos(int line, int column, int bytes) {
        ObjectNode p = NODES.objectNode();
        p.put("line", line);
        p.put("column", column);
        p.put("byte", bytes);
        return p;
    }

    /** The whole lines the range touches, and where the range sits in them, in bytes. */
    private static ObjectNode snippet(String text, SourceRange r) {
        int from = Math.min(r.startOffset(), text.length());
        int to = Math.min(Math.max(r.endOffset(), from), text.length());
        int lineStart = text.lastIndexOf('\n', from - 1) + 1;
        int lineEnd = text.indexOf('\n', Math.max(from, to - 1));
        if (lineEnd < 0) lineEnd = text.length();
        String code = text.substring(lineStart, lineEnd);
        if (code.endsWith("\r")) code = code.substring(0, code.length() - 1);
        ObjectNode s = NODES.objectNode();
        s.putNull("context");
        s.put("code", code);
        s.put("start_line", r.line());
        int base = bytes(text, lineStart);
        s.put("highlight_start_offset", bytes(text, from) - base);
        s.put("highlight_end_offset", Math.min(bytes(text, to), bytes(text, lineStart + code.length())) - base);
        s.putArray("values");
        return s;
    }

    private static int bytes(String text, int chars) {
        return text.substring(0, Math.min(chars, text.length())).getBytes(StandardCharsets.UTF_8).length;
    }
}
