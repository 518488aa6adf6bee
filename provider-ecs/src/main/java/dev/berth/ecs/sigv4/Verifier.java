package dev.berth.ecs.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checks ECS makes of a signed request, in its order: an Authorization header at all
 * ({@code MissingAuthenticationTokenException}), a well-formed one
 * ({@code IncompleteSignatureException}), a known access key ({@code UnrecognizedClientException}),
 * a scope for this service and the request's own date, a time within 15 minutes of the server's
 * clock, and a signature equal to the one the server computes with the key's secret
 * ({@code InvalidSignatureException}). Signatures are compared in constant time. The region is
 * whatever the client signed with: berth serves every region name alike.
 */
public final class Verifier {
    /** AWS's window for a request's X-Amz-Date either side of the server's clock. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Map<String, String> secrets;
    private final String service;
    private final Clock clock;

    /** {@code secrets}: secret by access key id. */
    public Verifier(Map<String, String> secrets, String service, Clock clock) {
        this.secrets = Map.copyOf(secrets);
        this.service = service;
        this.clock = clock;
    }

    /** Empty when the request may in; else why not. */
    public Optional<Refusal> check(SignedRequest r) {
        String authorization = r.header("authorization");
        if (authorization == null || authorization.isBlank()) {
            return refuse(Refusal.MISSING_TOKEN, "Missing Authentication Token");
        }
        AuthorizationHeader.Parsed parsed = AuthorizationHeader.parse(authorization);
        if (parsed.refusal() != null) return Optional.of(parsed.refusal());
        AuthorizationHeader a = parsed.header();
        String secret = secrets.get(a.keyId());
        if (secret == null) return refuse(Refusal.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        String amzDate = r.header("x-amz-date");
        if (amzDate == null) {
            return refuse(Refusal.INCOMPLETE_SIGNATURE, "Authorization header requires existence of a 'X-Amz-Date' header. "
                    + "Authorization=" + SigV4.ALGORITHM + ".");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate.strip()));
        } catch (DateTimeParseException e) {
            return refuse(Refusal.INCOMPLETE_SIGNATURE, "X-Amz-Date '" + amzDate + "' is not a date in ISO 8601 basic "
                    + "format, such as 20150830T123600Z.");
        }
        if (!a.signedHeaders().contains("host")) {
            return refuse(Refusal.INCOMPLETE_SIGNATURE, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        if (!a.service().equals(service)) {
            return refuse(Refusal.INVALID_SIGNATURE, "Credential should be scoped to correct service: '" + service + "'. ");
        }
        if (!a.terminator().equals(SigV4.TERMINATOR)) {
            return refuse(Refusal.INVALID_SIGNATURE, "Credential should be scoped with a valid terminator: '"
                    + SigV4.TERMINATOR + "', not '" + a.terminator() + "'. ");
        }
        String day = amzDate.strip().substring(0, 8);
        if (!a.date().equals(day)) {
            return refuse(Refusal.INVALID_SIGNATURE, "Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                    + "version of date from HTTP: '" + a.date() + "' != '" + day + "', from '" + amzDate.strip() + "'.");
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(WINDOW))) {
            return refuse(Refusal.INVALID_SIGNATURE, "Signature expired: " + AMZ_DATE.format(signedAt)
                    + " is now earlier than " + AMZ_DATE.format(now.minus(WINDOW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(WINDOW))) {
            return refuse(Refusal.INVALID_SIGNATURE, "Signature not yet current: " + AMZ_DATE.format(signedAt)
                    + " is still later than " + AMZ_DATE.format(now.plus(WINDOW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
        }
        String expected = expectedSignature(r, a, secret, amzDate.strip());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                a.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return refuse(Refusal.INVALID_SIGNATURE, "The request signature we calculated does not match the signature "
                    + "you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                    + "documentation for details.");
        }
        return Optional.empty();
    }

    static String expectedSignature(SignedRequest r, AuthorizationHeader a, String secret, String amzDate) {
        String canonical = SigV4.canonicalRequest(r, a.signedHeaders());
        String toSign = SigV4.stringToSign(amzDate, a.scope(), canonical);
        return SigV4.signature(SigV4.signingKey(secret, a.date(), a.region(), a.service()), toSign);
    }

    private static Optional<Refusal> refuse(String name, String message) {
        return Optional.of(Refusal.of(name, message));
    }
}
