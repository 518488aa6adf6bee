package dev.berth.ecs.sigv4;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as SigV4 reads it: {@code path} decoded (as the request line shows it before
 * percent-encoding), {@code rawQuery} as sent (percent-encoded, null when there is none), header
 * names in lower case with every value in the order received, and the body's bytes.
 */
public record SignedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
                            byte[] body) {
    public SignedRequest {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new java.util.ArrayList<>())
                .addAll(v));
        lower.replaceAll((k, v) -> List.copyOf(v));
        headers = java.util.Collections.unmodifiableMap(lower);
        body = body == null ? new byte[0] : body.clone();
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
