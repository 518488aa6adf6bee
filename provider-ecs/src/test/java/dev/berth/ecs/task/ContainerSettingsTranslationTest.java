package dev.berth.ecs.task;

import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerSettings;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.taskdef.ContainerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerSettingsTranslationTest {
    private static final ContainerDefinition WEB = new ContainerDefinition("web", "img", null, 256, null, null,
            Map.of("MODE", "from-definition"), null, null, true, null);

    private static ContainerOptions options(String json) throws Exception {
        return ContainerOptions.ofJson(Json.MAPPER.readTree(json));
    }

    @Test
    void ecsOptionsBecomeRuntimeSettings() throws Exception {
        ContainerSettings s = SettingsTranslator.settings(options("""
                {"links": ["db:database", "cache"], "hostname": "w1", "user": "nobody", "workingDirectory": "/srv",
                 "readonlyRootFilesystem": true, "privileged": false,
                 "ulimits": [{"name": "nofile", "softLimit": 1024, "hardLimit": 4096}],
                 "dockerLabels": {"team": "a"}, "extraHosts": [{"hostname": "db.local", "ipAddress": "10.1.1.1"}],
                 "dnsServers": ["1.1.1.1"], "dnsSearchDomains": ["corp"],
                 "linuxParameters": {"initProcessEnabled": true, "capabilities": {"add": ["NET_ADMIN"], "drop": ["MKNOD"]},
                   "sharedMemorySize": 64, "tmpfs": [{"containerPath": "/t", "size": 8, "mountOptions": ["noexec"]}],
                   "devices": [{"hostPath": "/dev/fuse", "permissions": ["read", "mknod"]}], "maxSwap": 0, "swappiness": 5},
                 "systemControls": [{"namespace": "net.core.somaxconn", "value": "512"}],
                 "pseudoTerminal": true, "interactive": true, "disableNetworking": false,
                 "dockerSecurityOptions": ["no-new-privileges"],
                 "resourceRequirements": [{"type": "GPU", "value": "2"}]}"""));
        assertEquals(new ContainerSettings("w1", "nobody", "/srv", true, false,
                List.of(new ContainerSettings.Ulimit("nofile", 1024, 4096)), Map.of("team", "a"),
                List.of(new ContainerSettings.HostEntry("db.local", "10.1.1.1")), List.of("1.1.1.1"), List.of("corp"),
                true, List.of("NET_ADMIN"), List.of("MKNOD"), 64,
                List.of(new ContainerSettings.Tmpfs("/t", 8, List.of("noexec"))),
                List.of(new ContainerSettings.Device("/dev/fuse", null, "rm")), 0, 5,
                Map.of("net.core.somaxconn", "512"), true, true, false, List.of("no-new-privileges"),
                Map.of("db", "database", "cache", "cache"), 2), s);
    }

    @Test
    void noOptionsIsNone() {
        assertEquals(ContainerSettings.NONE, SettingsTranslator.settings(ContainerOptions.NONE));
        assertEquals(ContainerSettings.NONE, LaunchTranslator.container(WEB).settings());
    }

    @Test
    void environmentFilesAreReadTopDownAndTheDefinitionsEnvironmentWins(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("s3/bucket/app"));
        Files.writeString(dir.resolve("s3/bucket/app/web.env"), "# comment\nMODE=from-file\nA=1\n\nB=x=y\n");
        Files.writeString(dir.resolve("local.env"), "A=2\nC=3\n");
        ContainerOptions o = options("{\"environmentFiles\": [{\"value\": \"arn:aws:s3:::bucket/app/web.env\", "
                + "\"type\": \"s3\"}, {\"value\": \"" + dir.resolve("local.env") + "\", \"type\": \"s3\"}]}");
        ContainerLaunch c = LaunchTranslator.container(WEB, o, Map.of("BERTH_S3_DIR", dir.resolve("s3").toString()));
        assertEquals(Map.of("MODE", "from-definition", "A", "2", "B", "x=y", "C", "3"), c.environment());
    }

    @Test
    void aMissingOrMalformedEnvironmentFileFailsTheStartWithoutQuotingValues(@TempDir Path dir) throws Exception {
        ContainerOptions missing = options("{\"environmentFiles\": [{\"value\": \"arn:aws:s3:::b/none.env\", \"type\": \"s3\"}]}");
        RuntimeFailure e = assertThrows(RuntimeFailure.class,
                () -> LaunchTranslator.container(WEB, missing, Map.of("BERTH_S3_DIR", dir.toString())));
        assertEquals("ResourceInitializationError: failed to read env files for container web: " + dir.resolve("b/none.env")
                + " (arn:aws:s3:::b/none.env) does not exist.", e.getMessage());
        Files.writeString(dir.resolve("bad.env"), "GOOD=1\nSECRET_VALUE_WITHOUT_NAME\n");
        ContainerOptions bad = options("{\"environmentFiles\": [{\"value\": \"" + dir.resolve("bad.env") + "\", \"type\": \"s3\"}]}");
        RuntimeFailure e2 = assertThrows(RuntimeFailure.class, () -> LaunchTranslator.container(WEB, bad, Map.of()));
        assertEquals("ResourceInitializationError: failed to read env files for container web: line 2 of "
                + dir.resolve("bad.env") + " is not VARIABLE=VALUE.", e2.getMessage());
        assertFalse(e2.getMessage().contains("SECRET_VALUE"));
    }
}
