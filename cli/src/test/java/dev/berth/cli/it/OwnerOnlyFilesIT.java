package dev.berth.cli.it;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under the most permissive umask (000), everything berth itself writes is its owner's only:
 * the state file, the plan file of {@code plan -out}, the control plane, the secret store, and
 * the directories it makes for them under XDG_DATA_HOME. Each file is checked where the
 * commands leave it; the stores' -wal and -shm files are checked while open by the stores' own
 * tests (SQLite gives them the database's mode). No Docker: a cluster alone starts no container.
 * About SQLite's files only, so tagged {@code sqlite-only}: the PostgreSQL pass leaves it out
 * (cli/pom.xml), as a database on a server has no file mode to check.
 */
@Tag("sqlite-only")
class OwnerOnlyFilesIT {
    @TempDir
    Path dir;

    private String berth(String stdin, String... args) throws Exception {
        ProcessBuilder pb = BerthProcess.command(List.of(args)).redirectErrorStream(true);
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask 000 && exec \"$0\" \"$@\""));
        cmd.addAll(pb.command());
        pb.command(cmd);
        pb.environment().remove("BERTH_ECS_STORE");
        pb.environment().remove("BERTH_SECRET_STORE");
        pb.environment().remove("BERTH_LOG_STORE");
        pb.environment().put("XDG_DATA_HOME", dir.resolve("xdg").toString());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", args) + ":\n" + out);
        return out;
    }

    @Test
    void everythingBerthWritesIsOwnerOnlyWhateverTheUmask() throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("cfg"));
        Files.writeString(cfg.resolve("main.hcl"), "resource \"ecs_cluster\" \"main\" {\n  name = \"owner-only-it\"\n}\n");
        try {
            berth("", "-chdir=" + cfg, "plan", "-out=saved.plan");
            berth("", "-chdir=" + cfg, "apply", "saved.plan");
            berth("hunter2\n", "secret", "put", "owner-only-it");
            List<String> seen = new ArrayList<>();
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted().toList()) {
                    if (p.equals(dir) || p.equals(cfg) || p.equals(cfg.resolve("main.hcl"))) continue; // the test's own
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    seen.add(dir.relativize(p) + " " + mode);
                }
            }
            assertEquals(List.of("cfg/berth.db rw-------", "cfg/saved.plan rw-------", "xdg rwx------",
                    "xdg/berth rwx------", "xdg/berth/ecs.db rw-------", "xdg/berth/secrets.db rw-------"), seen);
        } finally {
            berth("", "-chdir=" + cfg, "destroy", "-auto-approve");
        }
    }
}
