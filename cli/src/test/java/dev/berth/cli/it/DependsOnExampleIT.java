package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * examples/depends-on applied for real: web starts only after db turned healthy and migrate
 * exited 0 (read from what Docker recorded), the task runs with migrate exited, and the next
 * plan is empty.
 */
class DependsOnExampleIT extends ClusterFixture {
    static final Path EXAMPLE = Path.of("..", "examples", "depends-on", "main.hcl");

    @Override
    String[] destroyArgs() {
        return new String[]{"destroy", "-auto-approve", "-lock-timeout=30s", "-var", "cluster_name=" + cluster};
    }

    private CliRun berth(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-var");
        all.add("cluster_name=" + cluster);
        return CliRun.in(dir, all.toArray(String[]::new));
    }

    private String container(String name) {
        return DockerEngine.containersOf(docker, cluster).stream()
                .filter(c -> name.equals(c.labels().get("dev.berth.container-name"))).map(ContainerInfo::id)
                .findFirst().orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static Instant at(String format, String id) throws Exception {
        return Instant.parse(DockerEngine.cli("inspect", "-f", format, id).strip());
    }

    @Test
    void webStartsAfterDbIsHealthyAndMigrateSucceededAndTheNextPlanIsEmpty() throws Exception {
        Files.copy(EXAMPLE, dir.resolve("main.hcl"));
        CliRun applied = berth("apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);

        String db = container("db"), migrate = container("migrate"), web = container("web");
        Instant firstHealthy = firstPassingCheck(db);
        Instant migrateStarted = at("{{.State.StartedAt}}", migrate);
        Instant migrateDone = at("{{.State.FinishedAt}}", migrate);
        Instant webStarted = at("{{.State.StartedAt}}", web);
        assertFalse(migrateStarted.isBefore(firstHealthy), "migrate waits for db to be HEALTHY");
        assertFalse(webStarted.isBefore(migrateDone), "web waits for migrate's SUCCESS");
        assertEquals("0", DockerEngine.cli("inspect", "-f", "{{.State.ExitCode}}", migrate).strip());
        assertEquals("5", DockerEngine.cli("inspect", "-f", "{{.Config.StopTimeout}}", web).strip());

        String url = CliRun.in(dir, "output", "-raw", "url").out().strip();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("started after db and migrate", r.body().strip());

        CliRun plan = berth("plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan::toString);
    }

    /** The end of db's first passing health check, as Docker logged it. */
    private static Instant firstPassingCheck(String db) throws Exception {
        String lines = DockerEngine.cli("inspect", "-f",
                "{{range .State.Health.Log}}{{if eq .ExitCode 0}}{{.End.UTC.Format \"2006-01-02T15:04:05.999999999Z\"}} {{end}}{{end}}",
                db).strip();
        return Instant.parse(lines.split(" ")[0]);
    }
}
