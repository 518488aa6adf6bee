package dev.berth.cli.view.json.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Terraform's machine-readable UI ({@code plan -json}, {@code apply -json}): one JSON object per
 * line, each with {@code @level}, {@code @message}, {@code @module}, {@code @timestamp} and
 * {@code type}. Keys are in the order Terraform's logger writes them (sorted; nested objects in
 * their own fixed order). {@code @module} is Terraform's {@code terraform.ui}, the name readers
 * filter the UI lines by; the version message names berth's version where Terraform names its
 * own, as the JSON plan document's {@code terraform_version} does. Thread-safe: hooks write from
 * walker threads and the heartbeat's.
 */
public final class UiStream {
    /** The version of the message format followed (Terraform 1.11's {@code JSON_UI_VERSION}). */
    public static final String UI_VERSION = "1.2";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private final PrintWriter out;
    private final Clock clock;

    public UiStream(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** The first message of every run. */
    public void version(String tool, String version) {
        write("info", tool + " " + version, "version",
                Map.of("terraform", NODES.textNode(version), "ui", NODES.textNode(UI_VERSION)));
    }

    /** Terraform's {@code log} message: text for people, such as the note that an interrupt arrived. */
    public void log(String text) {
        write("info", text, "log", Map.of());
    }

    /** A message carrying one payload object under {@code key} ({@code change}, {@code hook}, ...). */
    void write(String level, String message, String type, String key, JsonNode payload) {
        write(level, message, type, Map.of(key, payload));
    }

    private void write(String level, String message, String type, Map<String, JsonNode> fields) {
        Map<String, JsonNode> sorted = new TreeMap<>(fields);
        sorted.put("@level", NODES.textNode(level));
        sorted.put("@message", NODES.textNode(message));
        sorted.put("@module", NODES.textNode("terraform.ui"));
        sorted.put("@timestamp", NODES.textNode(TIME.format(clock.instant().atZone(clock.getZone()))));
        sorted.put("type", NODES.textNode(type));
        ObjectNode line = NODES.objectNode();
        sorted.forEach(line::set);
        // Go's encoder, which writes Terraform's lines, escapes these for HTML; they occur only inside strings.
        String text = line.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        synchronized (this) {
            out.println(text);
            out.flush();
        }
    }
}
