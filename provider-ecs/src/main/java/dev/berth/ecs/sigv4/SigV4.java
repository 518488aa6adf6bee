package dev.berth.ecs.sigv4;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/**
 * The steps of AWS Signature Version 4 (AWS4-HMAC-SHA256), each a pure function, as AWS's
 * "Create a signed AWS API request" describes them; AWS's published SigV4 test suite checks each
 * step ({@code SigV4TestSuiteTest}).
 */
public final class SigV4 {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String TERMINATOR = "aws4_request";

    private SigV4() {
    }

    /**
     * Method, canonical URI, canonical query, the signed headers' canonical lines, the signed
     * header names, and the hex SHA-256 of the body, one per line.
     */
    public static String canonicalRequest(SignedRequest r, List<String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = r.headers().getOrDefault(name, List.of());
            StringJoiner joined = new StringJoiner(",");
            for (String v : values) joined.add(trimAll(v));
            headers.append(name).append(':').append(joined).append('\n');
        }
        return r.method() + "\n" + canonicalUri(r.path()) + "\n" + canonicalQuery(r.rawQuery()) + "\n" + headers
                + "\n" + String.join(";", signedHeaders) + "\n" + hex(sha256(r.body()));
    }

    /** The algorithm, the request's time, its credential scope and the canonical request's hash. */
    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code date/region/service/aws4_request}. */
    public static String scope(String date, String region, String service) {
        return date + "/" + region + "/" + service + "/" + TERMINATOR;
    }

    /** HMAC chain from "AWS4" + secret over date, region, service and the terminator. */
    public static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, TERMINATOR);
    }

    /** The lower-case hex HMAC of the string to sign under the signing key. */
    public static String signature(byte[] signingKey, String stringToSign) {
        return hex(hmac(signingKey, stringToSign));
    }

    /** The path normalised as RFC 3986 removes dot segments (and empty ones), each byte URI-encoded once. */
    static String canonicalUri(String path) {
        if (path == null || path.isEmpty()) return "/";
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                kept.pollLast();
            } else {
                kept.addLast(s);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String s : kept) out.append('/').append(encode(s));
        boolean trailing = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
        if (out.length() == 0 || trailing) out.append('/');
        return out.toString();
    }

    /** Parameters decoded, re-encoded strictly, sorted by name and then value; an empty value stays "name=". */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        List<String[]> pairs = new ArrayList<>();
        for (String p : rawQuery.split("&")) {
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq);
            String value = eq < 0 ? "" : p.substring(eq + 1);
            pairs.add(new String[]{encode(decode(name)), encode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringJoiner out = new StringJoiner("&");
        for (String[] p : pairs) out.add(p[0] + "=" + p[1]);
        return out.toString();
    }

    /** RFC 3986 encoding: every byte but A-Z a-z 0-9 - _ . ~ as %XX (upper-case hex). */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    /** Percent-decoding only ('+' stays '+', as SigV4 signs it). */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** Leading and trailing spaces dropped and each run of spaces inside made one (the value's folding too). */
    private static String trimAll(String v) {
        return v.strip().replaceAll("\\s+", " ");
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no HmacSHA256", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
