package dev.berth.ecs.sigv4;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The access key a berth client signs with, found as the AWS CLI finds it (the first two of its
 * sources, which are all a berth server can check): AWS_ACCESS_KEY_ID with AWS_SECRET_ACCESS_KEY,
 * else the profile AWS_PROFILE (or {@code default}) of the shared credentials file
 * (AWS_SHARED_CREDENTIALS_FILE, or {@code ~/.aws/credentials}). No key found: requests go
 * unsigned, which a server without {@code --credentials} accepts. The region signed for is
 * AWS_REGION or AWS_DEFAULT_REGION, else us-east-1; the server accepts any.
 */
public final class ClientKeys {
    public static final String SERVICE = "ecs";

    private ClientKeys() {
    }

    /** A signer for the key the environment names, or empty when it names none. */
    public static Optional<Signer> signer(Map<String, String> env) {
        return key(env).map(k -> new Signer(k, region(env), SERVICE));
    }

    static Optional<AccessKey> key(Map<String, String> env) {
        String id = blankToNull(env.get("AWS_ACCESS_KEY_ID"));
        String secret = blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
        if (id != null && secret != null) return Optional.of(new AccessKey(id, secret));
        if (id != null || secret != null) {
            throw new CredentialsFile.BadFile((id == null ? "AWS_SECRET_ACCESS_KEY is set without AWS_ACCESS_KEY_ID"
                    : "AWS_ACCESS_KEY_ID is set without AWS_SECRET_ACCESS_KEY") + "; set both to sign requests.");
        }
        String named = blankToNull(env.get("AWS_PROFILE"));
        String profile = named == null ? "default" : named;
        Path file = sharedFile(env);
        if (file == null || !Files.isRegularFile(file)) {
            if (named != null) {
                throw new CredentialsFile.BadFile("AWS_PROFILE names profile " + named + ", but there is no credentials file "
                        + (file == null ? "(HOME is not set)" : file.toString()) + ".");
            }
            return Optional.empty();
        }
        CredentialsFile f = CredentialsFile.read(file);
        CredentialsFile.Profile p = f.profiles().get(profile);
        if (p == null) {
            if (named != null) {
                throw new CredentialsFile.BadFile("The config profile (" + named + ") could not be found in " + file + ".");
            }
            return Optional.empty();
        }
        return Optional.of(f.key(p));
    }

    static String region(Map<String, String> env) {
        String r = blankToNull(env.get("AWS_REGION"));
        if (r == null) r = blankToNull(env.get("AWS_DEFAULT_REGION"));
        return r == null ? "us-east-1" : r;
    }

    private static Path sharedFile(Map<String, String> env) {
        String given = blankToNull(env.get("AWS_SHARED_CREDENTIALS_FILE"));
        if (given != null) return Path.of(given);
        String home = blankToNull(env.get("HOME"));
        return home == null ? null : Path.of(home, ".aws", "credentials");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
