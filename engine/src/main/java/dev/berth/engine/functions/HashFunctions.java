package dev.berth.engine.functions;

import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Digests of a string's UTF-8 bytes, UUIDs and RSA decryption. uuid differs on every call, so it
 * is unknown during plan and only produces a value when apply calls it; uuidv5 is a pure
 * function of its arguments.
 */
final class HashFunctions {
    private static final Map<String, String> NAMESPACES = Map.of(
            "dns", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "url", "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
            "oid", "6ba7b812-9dad-11d1-80b4-00c04fd430c8", "x500", "6ba7b814-9dad-11d1-80b4-00c04fd430c8");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "(urn:uuid:)?\\{?([0-9a-fA-F]{8})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{12})}?");

    private HashFunctions() {
    }

    static List<Function> all() {
        return List.of(
                hex("md5", "MD5"), hex("sha1", "SHA-1"), hex("sha256", "SHA-256"), hex("sha512", "SHA-512"),
                Fn.of("base64sha256", List.of("str"), a -> new StringValue(
                        Base64.getEncoder().encodeToString(digest("SHA-256", a.string(0))))),
                Fn.of("base64sha512", List.of("str"), a -> new StringValue(
                        Base64.getEncoder().encodeToString(digest("SHA-512", a.string(0))))),
                Fn.of("uuid", List.of(), a -> new StringValue(UUID.randomUUID().toString())).unknownUntilApply().varying(),
                Fn.of("uuidv5", List.of("namespace", "name"), HashFunctions::uuidv5),
                Fn.of("rsadecrypt", List.of("ciphertext", "privatekey"), RsaDecrypt::decrypt),
                Fn.variadic("bcrypt", List.of("str"), "cost", HashFunctions::bcrypt).varying());
    }

    /** A name-based UUID (RFC 4122 version 5): SHA-1 of the namespace's bytes and the name. */
    private static Value uuidv5(Args a) {
        String ns = a.string(0);
        Matcher m = UUID_TEXT.matcher(NAMESPACES.getOrDefault(ns, ns));
        if (!m.matches()) {
            throw a.invalid(0, "uuidv5() doesn't support namespace " + ns + " (invalid UUID length: " + ns.length() + ")");
        }
        byte[] nsBytes = HexFormat.of().parseHex(m.group(2) + m.group(3) + m.group(4) + m.group(5) + m.group(6));
        byte[] name = a.string(1).getBytes(StandardCharsets.UTF_8);
        MessageDigest sha1 = messageDigest("SHA-1");
        sha1.update(nsBytes);
        byte[] h = sha1.digest(name);
        h[6] = (byte) ((h[6] & 0x0F) | 0x50);
        h[8] = (byte) ((h[8] & 0x3F) | 0x80);
        String hex = HexFormat.of().formatHex(h, 0, 16);
        return new StringValue(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    /** bcrypt(str, cost = 10): a new random salt every call, as in Terraform. */
    private static Value bcrypt(Args a) {
        if (a.size() > 2) throw new FunctionException(2, "Function \"bcrypt\" expects at most 2 argument(s).");
        int cost = a.size() == 2 ? a.integer(1) : 10;
        if (cost < 4) cost = 10; // Go's bcrypt quietly uses its default for a cost below the minimum
        if (cost > 31) throw a.invalid(1, "bcrypt: cost " + cost + " is outside allowed range (4,31)");
        return new StringValue(Bcrypt.hash(a.string(0), cost));
    }

    private static Function hex(String name, String algorithm) {
        return Fn.of(name, List.of("str"), a -> new StringValue(HexFormat.of().formatHex(digest(algorithm, a.string(0)))));
    }

    static byte[] digest(String algorithm, String s) {
        return digest(algorithm, s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        return messageDigest(algorithm).digest(bytes);
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks required digest " + algorithm, e);
        }
    }
}
