package dev.berth.cli.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code berth server --credentials FILE} as users meet it: the real AWS CLI signing with the
 * right key is served; a wrong secret, an unknown key id, no signature at all, and a signature
 * made 16 minutes ago (botocore, the AWS CLI's own signer, with its clock set back) are each
 * refused with AWS's error; berth's own {@code berth ecs --endpoint-url} signs with the key in
 * its environment. One server for the class.
 */
class ServerCredentialsIT {
    private static final String ID = "AKIDBERTHTEST";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYBERTHKEY";

    @TempDir
    static Path dir;
    private static ServerProcess server;
    /** Unique on the shared engine, whose network "berth-NAME" another run of this test may be using. */
    private static final String CLUSTER = "signed-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "# who may call this server\n[ci]\naws_access_key_id = " + ID + "\naws_secret_access_key = " + SECRET + "\n");
        java.nio.file.Files.setPosixFilePermissions(credentials,
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        server = ServerProcess.start(dir.resolve("ecs.db"), "--credentials", credentials.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) server.close();
        } finally {
            // The cluster a test creates has a network on the engine; it goes with the test.
            var docker = DockerEngine.require();
            try {
                DockerEngine.cleanUp(docker, CLUSTER);
            } finally {
                docker.close();
            }
        }
    }

    @Test
    void theRightKeyIsServed() throws Exception {
        AwsCli aws = new AwsCli(server.endpoint(), ID, SECRET);
        AwsCli.Result created = aws.ecs("create-cluster", "--cluster-name", CLUSTER);
        assertEquals(0, created.exitCode(), created.stderr());
        AwsCli.Result listed = aws.ecs("list-clusters");
        assertEquals(0, listed.exitCode(), listed.stderr());
        assertTrue(listed.stdout().contains("cluster/" + CLUSTER), listed.stdout());
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() throws Exception {
        AwsCli.Result r = new AwsCli(server.endpoint(), ID, SECRET + "x").ecs("list-clusters");
        assertTrue(r.exitCode() != 0, "exit " + r.exitCode());
        assertTrue(r.stderr().contains("An error occurred (InvalidSignatureException) when calling the ListClusters operation: "
                + "The request signature we calculated does not match the signature you provided."), r.stderr());
    }

    @Test
    void anUnknownKeyIdIsAnUnrecognizedClient() throws Exception {
        AwsCli.Result r = new AwsCli(server.endpoint(), "AKIDSOMEONEELSE", SECRET).ecs("list-clusters");
        assertTrue(r.stderr().contains("An error occurred (UnrecognizedClientException) when calling the ListClusters "
                + "operation: The security token included in the request is invalid."), r.stderr());
    }

    @Test
    void anUnsignedRequestIsMissingItsToken() throws Exception {
        AwsCli.Result r = new AwsCli(server.endpoint(), ID, SECRET).ecs("list-clusters", "--no-sign-request");
        assertTrue(r.stderr().contains("An error occurred (MissingAuthenticationTokenException) when calling the "
                + "ListClusters operation: Missing Authentication Token"), r.stderr());
    }

    @Test
    void aSignatureSixteenMinutesOldHasExpired() throws Exception {
        // botocore signs exactly as the AWS CLI does; only the time it reads is 16 minutes back.
        String script = String.join("\n",
                "import sys, datetime, botocore.auth, botocore.session",
                "from botocore.exceptions import ClientError",
                "past = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(minutes=16)",
                "if hasattr(botocore.auth, 'get_current_datetime'):",
                "    botocore.auth.get_current_datetime = lambda *a, **k: past",
                "else:",
                "    class Shim:",
                "        @staticmethod",
                "        def utcnow(): return past",
                "    botocore.auth.datetime = type('M', (), {'datetime': Shim})",
                "c = botocore.session.get_session().create_client('ecs', region_name='us-east-1', endpoint_url=sys.argv[1],",
                "    aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])",
                "try:",
                "    c.list_clusters(); print('served')",
                "except ClientError as e:",
                "    print(e.response['Error']['Code'] + ': ' + e.response['Error']['Message'])");
        Process p = new ProcessBuilder("python3", "-c", script, server.endpoint(), ID, SECRET).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.matches("InvalidSignatureException: Signature expired: \\d{8}T\\d{6}Z is now earlier than "
                + "\\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 15 min\\.\\)"), out);
    }

    @Test
    void berthsOwnClientSignsWithTheKeyInItsEnvironment() throws Exception {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", ID, "AWS_SECRET_ACCESS_KEY", SECRET,
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
        try (BerthProcess ok = BerthProcess.startWith(env, "ecs", "list-clusters", "--endpoint-url", server.endpoint())) {
            assertEquals(0, ok.exitCode(Duration.ofSeconds(60)), ok.output());
        }
        Map<String, String> unsigned = Map.of("AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", "",
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
        try (BerthProcess refused = BerthProcess.startWith(unsigned, "ecs", "list-clusters", "--endpoint-url", server.endpoint())) {
            assertEquals(254, refused.exitCode(Duration.ofSeconds(60)), refused.output());
            assertTrue(refused.output().contains("An error occurred (MissingAuthenticationTokenException) when calling the "
                    + "ListClusters operation: Missing Authentication Token"), refused.output());
        }
    }
}
