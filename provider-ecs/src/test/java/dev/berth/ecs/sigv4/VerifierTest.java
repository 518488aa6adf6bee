package dev.berth.ecs.sigv4;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What berth's Signer signs, the Verifier checks: each refusal with AWS's name and words. */
class VerifierTest {
    private static final Instant NOW = Instant.parse("2026-12-03T19:30:00Z");
    private static final AccessKey ALICE = new AccessKey("AKIDALICE", "alice-secret");
    private final Verifier verifier = new Verifier(Map.of(ALICE.id(), ALICE.secret()), "ecs", Clock.fixed(NOW, ZoneOffset.UTC));
    private static final byte[] BODY = "{\"clusters\":[\"web\"]}".getBytes(StandardCharsets.UTF_8);

    private static SignedRequest signed(AccessKey key, String service, Instant at, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:4566");
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.DescribeClusters");
        Map<String, String> added = new Signer(key, "us-east-1", service).sign("POST", "/", null, headers, BODY, at);
        Map<String, List<String>> all = new HashMap<>();
        headers.forEach((k, v) -> all.put(k, List.of(v)));
        added.forEach((k, v) -> all.put(k, List.of(v)));
        return new SignedRequest("POST", "/", null, all, body);
    }

    private String refusal(SignedRequest r) {
        Optional<Refusal> out = verifier.check(r);
        return out.map(x -> x.errorName() + " " + x.status() + ": " + x.message()).orElse("let in");
    }

    @Test
    void aRequestSignedWithAKnownKeyIsLetIn() {
        assertEquals("let in", refusal(signed(ALICE, "ecs", NOW.minusSeconds(60), BODY)));
    }

    @Test
    void anUnsignedRequestIsMissingItsToken() {
        SignedRequest r = new SignedRequest("POST", "/", null, Map.of("Host", List.of("127.0.0.1:4566")), BODY);
        assertEquals("MissingAuthenticationTokenException 400: Missing Authentication Token", refusal(r));
    }

    @Test
    void anUnknownKeyIsAnUnrecognizedClient() {
        assertEquals("UnrecognizedClientException 400: The security token included in the request is invalid.",
                refusal(signed(new AccessKey("AKIDMALLORY", "alice-secret"), "ecs", NOW, BODY)));
    }

    @Test
    void aWrongSecretOrAChangedBodyIsAnInvalidSignature() {
        String mismatch = "InvalidSignatureException 400: The request signature we calculated does not match the signature "
                + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
                + "for details.";
        assertEquals(mismatch, refusal(signed(new AccessKey(ALICE.id(), "guess"), "ecs", NOW, BODY)));
        assertEquals(mismatch, refusal(signed(ALICE, "ecs", NOW, "{\"clusters\":[\"db\"]}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aSignatureOlderThanFifteenMinutesHasExpiredAsAwsWordsIt() {
        assertEquals("let in", refusal(signed(ALICE, "ecs", NOW.minus(Duration.ofMinutes(15)), BODY)));
        assertEquals("InvalidSignatureException 400: Signature expired: 20261203T191400Z is now earlier than "
                + "20261203T191500Z (20261203T193000Z - 15 min.)",
                refusal(signed(ALICE, "ecs", NOW.minus(Duration.ofMinutes(16)), BODY)));
        assertEquals("InvalidSignatureException 400: Signature not yet current: 20261203T194600Z is still later than "
                + "20261203T194500Z (20261203T193000Z + 15 min.)",
                refusal(signed(ALICE, "ecs", NOW.plus(Duration.ofMinutes(16)), BODY)));
    }

    @Test
    void aSignatureForAnotherServiceIsRefused() {
        assertTrue(refusal(signed(ALICE, "s3", NOW, BODY)).startsWith(
                "InvalidSignatureException 400: Credential should be scoped to correct service: 'ecs'."), refusal(signed(ALICE, "s3", NOW, BODY)));
    }

    @Test
    void aMalformedAuthorizationHeaderIsAnIncompleteSignature() {
        SignedRequest r = new SignedRequest("POST", "/", null, Map.of("Host", List.of("h"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDALICE/20261203/us-east-1/ecs/aws4_request")), BODY);
        assertEquals("IncompleteSignatureException 400: Authorization header requires 'SignedHeaders' parameter. "
                + "Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256.", refusal(r));
        SignedRequest basic = new SignedRequest("POST", "/", null, Map.of("Authorization", List.of("Basic YWxpY2U6eA==")), BODY);
        assertTrue(refusal(basic).startsWith("IncompleteSignatureException 400:"));
    }

    @Test
    void theScopesDateMustBeTheRequestsOwn() {
        SignedRequest good = signed(ALICE, "ecs", NOW, BODY);
        Map<String, List<String>> headers = new HashMap<>(good.headers());
        headers.put("authorization", List.of(good.header("authorization").replace("/20261203/", "/20261202/")));
        assertEquals("InvalidSignatureException 400: Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                + "version of date from HTTP: '20261202' != '20261203', from '20261203T193000Z'.",
                refusal(new SignedRequest("POST", "/", null, headers, BODY)));
    }
}
