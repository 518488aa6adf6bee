package dev.berth.ecs.sigv4;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every step of berth's SigV4 against AWS's published test suite (fixtures with provenance). */
class SigV4TestSuiteTest {
    static List<SuiteCase> cases() throws IOException, URISyntaxException {
        Path root = Path.of(SigV4TestSuiteTest.class.getResource("/sigv4-test-suite").toURI());
        List<SuiteCase> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) out.add(SuiteCase.read(d));
        }
        assertTrue(out.size() >= 30, "the suite's cases are all there: " + out.size());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachStepGivesTheSuitesText(SuiteCase c) {
        AuthorizationHeader a = AuthorizationHeader.parse(c.signed().header("authorization")).header();
        String canonical = SigV4.canonicalRequest(c.signed(), a.signedHeaders());
        assertEquals(c.canonical(), canonical, "canonical request");
        String toSign = SigV4.stringToSign(c.signed().header("x-amz-date"), a.scope(), canonical);
        assertEquals(c.stringToSign(), toSign, "string to sign");
        assertEquals(c.signature(), SigV4.signature(SigV4.signingKey(c.secret(), a.date(), c.region(), c.service()), toSign));
        assertEquals(c.signature(), a.signature(), "the signed request carries the suite's signature");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theVerifierLetsTheSignedRequestInAndRefusesItWithAnotherSecret(SuiteCase c) {
        Clock at = Clock.fixed(c.time(), ZoneOffset.UTC);
        assertEquals(Optional.empty(), new Verifier(Map.of(c.keyId(), c.secret()), c.service(), at).check(c.signed()));
        Optional<Refusal> wrong = new Verifier(Map.of(c.keyId(), c.secret() + "x"), c.service(), at).check(c.signed());
        assertEquals(Refusal.INVALID_SIGNATURE, wrong.orElseThrow().errorName());
    }
}
