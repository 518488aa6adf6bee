package dev.berth.engine.functions;

import dev.berth.engine.value.StringValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Digests of a string's UTF-8 bytes, plus uuid and timestamp. The latter two differ on every
 * call, so they are unknown during plan and only produce a value when apply calls them.
 */
final class HashFunctions {
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.UTC);

    private HashFunctions() {
    }

    static List<Function> all() {
        return List.of(
                hex("md5", "MD5"), hex("sha1", "SHA-1"), hex("sha256", "SHA-256"), hex("sha512", "SHA-512"),
                Fn.of("base64sha256", List.of("str"), a -> new StringValue(
                        Base64.getEncoder().encodeToString(digest("SHA-256", a.string(0))))),
                Fn.of("uuid", List.of(), a -> new StringValue(UUID.randomUUID().toString())).unknownUntilApply(),
                Fn.of("timestamp", List.of(), a -> new StringValue(
                        RFC3339.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)))).unknownUntilApply());
    }

    private static Function hex(String name, String algorithm) {
        return Fn.of(name, List.of("str"), a -> new StringValue(HexFormat.of().formatHex(digest(algorithm, a.string(0)))));
    }

    static byte[] digest(String algorithm, String s) {
        try {
            return MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks required digest " + algorithm, e);
        }
    }
}
