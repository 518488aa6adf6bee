package dev.berth.ecs.sigv4;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code AWS4-HMAC-SHA256 Credential=ID/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b,
 * Signature=HEX} taken apart; a header that is not one is an {@code IncompleteSignatureException}
 * as AWS words it.
 */
record AuthorizationHeader(String keyId, String date, String region, String service, String terminator,
                           List<String> signedHeaders, String signature) {

    String scope() {
        return SigV4.scope(date, region, service);
    }

    /** The header taken apart, or the refusal that says what it lacks. */
    record Parsed(AuthorizationHeader header, Refusal refusal) {
    }

    static Parsed parse(String header) {
        String h = header.strip();
        if (!h.startsWith(SigV4.ALGORITHM + " ")) {
            return refused("Authorization header must use the " + SigV4.ALGORITHM + " algorithm (Signature Version 4).");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String p : h.substring(SigV4.ALGORITHM.length()).split(",")) {
            int eq = p.indexOf('=');
            if (eq > 0) parts.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        StringBuilder missing = new StringBuilder();
        for (String need : new String[]{"Credential", "SignedHeaders", "Signature"}) {
            String v = parts.get(need);
            if (v == null || v.isEmpty()) missing.append("Authorization header requires '").append(need).append("' parameter. ");
        }
        if (missing.length() > 0) {
            return refused(missing + "Authorization=" + SigV4.ALGORITHM + ".");
        }
        String[] credential = parts.get("Credential").split("/", -1);
        if (credential.length != 5 || Arrays.stream(credential).anyMatch(String::isEmpty)) {
            return refused("Credential should have five slash-separated parts: key id/date/region/service/aws4_request.");
        }
        List<String> signed = List.of(parts.get("SignedHeaders").split(";"));
        return new Parsed(new AuthorizationHeader(credential[0], credential[1], credential[2], credential[3], credential[4],
                signed, parts.get("Signature")), null);
    }

    private static Parsed refused(String message) {
        return new Parsed(null, Refusal.of(Refusal.INCOMPLETE_SIGNATURE, message));
    }
}
