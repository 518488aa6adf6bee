package dev.berth.ecs.sigv4;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs a request as botocore does for a JSON-protocol service: X-Amz-Date and every header
 * given are signed (host included), the body's hash is in the canonical request, and the
 * Authorization header carries key id, scope, signed header names and signature.
 */
public final class Signer {
    private final AccessKey key;
    private final String region;
    private final String service;

    public Signer(AccessKey key, String region, String service) {
        this.key = key;
        this.region = region;
        this.service = service;
    }

    /**
     * The headers to add to a request with these {@code headers} (host among them) and this body:
     * X-Amz-Date and Authorization, in that order.
     */
    public Map<String, String> sign(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
                                    Instant now) {
        String amzDate = Verifier.AMZ_DATE.format(now);
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((k, v) -> all.put(k, List.of(v)));
        all.put("X-Amz-Date", List.of(amzDate));
        SignedRequest r = new SignedRequest(method, path, rawQuery, all, body);
        List<String> signed = List.copyOf(r.headers().keySet()); // sorted, lower case
        String date = amzDate.substring(0, 8);
        String scope = SigV4.scope(date, region, service);
        String toSign = SigV4.stringToSign(amzDate, scope, SigV4.canonicalRequest(r, signed));
        String signature = SigV4.signature(SigV4.signingKey(key.secret(), date, region, service), toSign);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("X-Amz-Date", amzDate);
        out.put("Authorization", SigV4.ALGORITHM + " Credential=" + key.id() + "/" + scope + ", SignedHeaders="
                + String.join(";", signed) + ", Signature=" + signature);
        return out;
    }
}
