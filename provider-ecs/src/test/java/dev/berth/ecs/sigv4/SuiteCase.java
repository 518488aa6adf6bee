package dev.berth.ecs.sigv4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One case of AWS's SigV4 test suite, read from its files (see PROVENANCE.md beside them). */
record SuiteCase(String name, String keyId, String secret, String region, String service, Instant time,
                 SignedRequest signed, String canonical, String stringToSign, String signature) {

    static SuiteCase read(Path dir) throws IOException {
        JsonNode context = new ObjectMapper().readTree(dir.resolve("context.json").toFile());
        return new SuiteCase(dir.getFileName().toString(),
                context.path("credentials").path("access_key_id").asText(),
                context.path("credentials").path("secret_access_key").asText(),
                context.path("region").asText(), context.path("service").asText(),
                Instant.parse(context.path("timestamp").asText()),
                parse(text(dir, "header-signed-request.txt")), text(dir, "header-canonical-request.txt"),
                text(dir, "header-string-to-sign.txt"), text(dir, "header-signature.txt").strip());
    }

    /** "METHOD TARGET HTTP/1.1", header lines (a line starting with a space continues the last), a blank line, the body. */
    static SignedRequest parse(String http) {
        String[] lines = http.split("\n", -1);
        String first = lines[0];
        String method = first.substring(0, first.indexOf(' '));
        String target = first.substring(method.length() + 1, first.lastIndexOf(" HTTP/"));
        int q = target.indexOf('?');
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String last = null;
        int i = 1;
        for (; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            if (Character.isWhitespace(line.charAt(0)) && last != null) {
                List<String> values = headers.get(last);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            last = line.substring(0, colon);
            headers.computeIfAbsent(last, k -> new ArrayList<>()).add(line.substring(colon + 1));
        }
        String body = i + 1 < lines.length ? String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length)) : "";
        return new SignedRequest(method, q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1),
                headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name;
    }
}
