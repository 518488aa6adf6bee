package dev.berth.cli.it;

import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real AWS CLI ({@code aws}, v1 or v2) pointed at an endpoint, with dummy credentials and a
 * region in its own environment only, and no configuration file of the user's. In CI (CI=true)
 * a missing {@code aws} fails the test; elsewhere it skips it.
 */
final class AwsCli {
    record Result(int exitCode, String stdout, String stderr) {
    }

    private final String endpoint;
    private final String keyId;
    private final String secret;

    AwsCli(String endpoint) {
        this(endpoint, "berth", "berth-secret");
    }

    /** Signing with this access key (a berth server with --credentials checks it). */
    AwsCli(String endpoint, String keyId, String secret) {
        this.endpoint = endpoint;
        this.keyId = keyId;
        this.secret = secret;
        if (!onPath()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("CI=true but the aws command is not installed");
            Assumptions.abort("The AWS CLI (aws) is not installed");
        }
    }

    /** {@code aws ecs ARGS... --endpoint-url ENDPOINT --output json}. */
    Result ecs(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("aws", "ecs"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", endpoint, "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        Path none = Path.of(System.getProperty("java.io.tmpdir"), "berth-no-aws-config");
        env.put("AWS_CONFIG_FILE", none.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", none.resolve("credentials").toString());
        env.put("AWS_ACCESS_KEY_ID", keyId);
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_PAGER", "");
        Path err = Files.createTempFile("aws-stderr", ".txt");
        try {
            pb.redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("aws " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), out.strip(), Files.readString(err).strip());
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static boolean onPath() {
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
