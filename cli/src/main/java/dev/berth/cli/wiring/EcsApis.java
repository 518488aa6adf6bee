package dev.berth.cli.wiring;

import dev.berth.cli.ecs.ApiSource;
import dev.berth.cli.ecs.EcsSession;
import dev.berth.ecs.http.EcsHttpClient;
import dev.berth.ecs.sigv4.ClientKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Where {@code berth ecs} gets its EcsApi: with {@code --endpoint-url} (or BERTH_ECS_ENDPOINT) a
 * client of that {@code berth server}; otherwise the control plane in this process, on the
 * user's control plane store and the local Docker engines, as the HCL provider gets it.
 */
public final class EcsApis implements ApiSource {
    private final EcsSession session;

    /** {@code session} says where the command runs: its environment chooses the store (BERTH_ECS_STORE). */
    public EcsApis(EcsSession session) {
        this.session = session;
    }

    @Override
    public Handle open(String endpoint) {
        if (endpoint != null && !endpoint.isBlank()) {
            // Signed with the AWS CLI's key, when the environment names one, for a server with --credentials.
            return new Handle(EcsHttpClient.connect(endpoint, ClientKeys.signer(session.env()).orElse(null)), null);
        }
        // The same host berth server runs: each changing action atomic, on the store the environment chooses.
        ControlPlaneHost host = ControlPlaneHost.open(ControlPlaneHost.storeFile(session.cwd(), session.env()),
                ControlPlaneHost.secretsFile(session.cwd(), session.env()), session.env());
        return new Handle(host.api(), host);
    }

    /** The working directory, local time zone, environment and terminal of this process. */
    public static EcsSession session() {
        boolean terminal = Caller.hasConsole();
        return new EcsSession(Path.of("").toAbsolutePath(), ZoneId.systemDefault(), System.getenv(), terminal,
                terminal ? terminalWidth() : 80);
    }

    private static int terminalWidth() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d+")) return Integer.parseInt(columns);
        // A client of the background JVM asked its own terminal (which this JVM does not have).
        if (Caller.isClient()) return Caller.current().terminalWidth().orElse(80);
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
                    .redirectErrorStream(true).start();
            String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
            if (p.waitFor() == 0 && parts.length == 2) return Integer.parseInt(parts[1]);
        } catch (IOException | NumberFormatException e) {
            return 80;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
    }
}
