package dev.berth.engine.checksum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a document's canonical content: the JSON tree without its {@code checksum}
 * field, written compactly in document order with decimals as plain digits. Canonical content
 * rather than bytes, so reindenting a file (or a tool that pretty-prints it) is not an edit while
 * any change to a name, value or order is; the field sits at the top level, named
 * {@code checksum}, holding {@code sha256:HEX}.
 */
public final class ContentChecksum {
    public static final String FIELD = "checksum";
    private static final String PREFIX = "sha256:";
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    /**
     * For a tree holding a decimal Jackson will not write as plain digits (a scale beyond
     * 9,999 either way, as in {@code 1e67890}): every decimal as {@code BigDecimal} writes it. Only
     * such trees are written this way, so every checksum written before stays what it was.
     */
    private static final JsonMapper SCIENTIFIC = JsonMapper.builder().build();

    /** What a document's checksum says about it. */
    public enum Verdict {
        /** The content is what berth wrote. */
        INTACT,
        /** The document has no checksum field (or one that is not berth's shape). */
        MISSING,
        /** The content changed after berth wrote it. */
        EDITED
    }

    private ContentChecksum() {
    }

    /** Adds (or replaces) the document's checksum field, last, and returns the document. */
    public static ObjectNode seal(ObjectNode document) {
        document.remove(FIELD);
        String sum = of(document);
        document.put(FIELD, sum);
        return document;
    }

    /** Checks the document against its checksum field; the document itself is left as it was. */
    public static Verdict verify(ObjectNode document) {
        JsonNode field = document.get(FIELD);
        if (field == null || !field.isTextual() || !field.textValue().startsWith(PREFIX)) return Verdict.MISSING;
        ObjectNode content = document.deepCopy();
        content.remove(FIELD);
        return of(content).equals(field.textValue()) ? Verdict.INTACT : Verdict.EDITED;
    }

    private static String of(ObjectNode content) {
        byte[] bytes;
        try {
            bytes = CANONICAL.writeValueAsBytes(content);
        } catch (JsonProcessingException plainRefused) {
            try {
                bytes = SCIENTIFIC.writeValueAsBytes(content);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a JSON tree: " + e.getOriginalMessage(), e);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
