package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.store.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RegisterTaskDefinition's volume rules, each message as ECS words it where ECS's words are known. */
class VolumeRulesTest {

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Messages for volumes (JSON) and containers (JSON array of {name, mountPoints, volumesFrom}). */
    private static List<String> check(String volumes, String containers, boolean fargate) {
        List<VolumeRules.Container> cs = new ArrayList<>();
        for (JsonNode c : json(containers)) {
            cs.add(new VolumeRules.Container(c.path("name").asText(null),
                    ContainerMounts.of(c.get("mountPoints"), c.get("volumesFrom"))));
        }
        return VolumeRules.check(TaskVolume.list(json(volumes)), cs, fargate).stream()
                .map(VolumeRules.Problem::message).toList();
    }

    @Test
    void wellFormedVolumesMountsAndVolumesFromPass() {
        assertEquals(List.of(), check("""
                [{'name':'conf','host':{'sourcePath':'/etc/app'}}, {'name':'scratch'},
                 {'name':'data','dockerVolumeConfiguration':{'scope':'shared','autoprovision':true,'driver':'local'}}]""",
                """
                [{'name':'app','mountPoints':[{'sourceVolume':'conf','containerPath':'/etc/app','readOnly':true},
                                              {'sourceVolume':'data','containerPath':'/data'}]},
                 {'name':'side','volumesFrom':[{'sourceContainer':'app','readOnly':true}],
                  'mountPoints':[{'sourceVolume':'scratch','containerPath':'/tmp/s'}]}]""", false));
    }

    @Test
    void aMountPointNamingNoVolumeIsEcsUnknownVolume() {
        assertEquals(List.of("Unknown volume 'logs'."), check("[{'name':'data'}]",
                "[{'name':'app','mountPoints':[{'sourceVolume':'logs','containerPath':'/logs'}]}]", false));
        // ECS answers a missing sourceVolume the same way, with 'null' in the quotes.
        assertEquals(List.of("Unknown volume 'null'."), check("[]",
                "[{'name':'app','mountPoints':[{'containerPath':'/logs'}]}]", false));
    }

    @Test
    void volumesFromNamingNoContainerOfTheTaskIsEcsInvalidVolumesFrom() {
        assertEquals(List.of("Invalid 'volumesFrom' setting. Unknown container: 'db'."), check("[]",
                "[{'name':'app','volumesFrom':[{'sourceContainer':'db'}]}]", false));
    }

    @Test
    void volumesFromInACycleCanNeverStart() {
        assertEquals(List.of("Invalid 'volumesFrom' setting. Containers take volumes from each other in a cycle: "
                + "a -> b -> a."), check("[]", """
                [{'name':'a','volumesFrom':[{'sourceContainer':'b'}]},
                 {'name':'b','volumesFrom':[{'sourceContainer':'a'}]}]""", false));
        assertEquals(List.of("Container 'a' cannot take volumes from itself."), check("[]",
                "[{'name':'a','volumesFrom':[{'sourceContainer':'a'}]}]", false));
    }

    @Test
    void duplicateAndMissingVolumeNamesAreRefused() {
        assertEquals(List.of("Duplicate volume name 'data': volume names must be unique within a task definition."),
                check("[{'name':'data'},{'name':'data','host':{'sourcePath':'/srv'}}]", "[]", false));
        assertEquals(List.of("Volume name should not be null or empty."), check("[{'host':{'sourcePath':'/srv'}}]",
                "[]", false));
    }

    @Test
    void fargateRefusesHostPathsAndDockerVolumesButAllowsEmptyTaskVolumes() {
        assertEquals(List.of("Fargate compatible task definitions do not support sourcePath"),
                check("[{'name':'conf','host':{'sourcePath':'/etc/app'}}]", "[]", true));
        assertEquals(List.of("Fargate compatible task definitions do not support dockerVolumeConfiguration"),
                check("[{'name':'d','dockerVolumeConfiguration':{'scope':'task'}}]", "[]", true));
        assertEquals(List.of(), check("[{'name':'scratch'},{'name':'s2','host':{}}]",
                "[{'name':'app','mountPoints':[{'sourceVolume':'scratch','containerPath':'/s'}]}]", true));
    }

    @Test
    void ebsAtLaunchIsRefusedNamingTheFieldAndEfsIsLeftToTheFieldTable() {
        assertEquals(List.of("Volume 'ebs': berth does not honour configuredAtLaunch: there is no Amazon EBS here; use "
                + "host { sourcePath } or dockerVolumeConfiguration instead."),
                check("[{'name':'ebs','configuredAtLaunch':true}]", "[]", false));
        // The table refuses EFS and FSx with its own sentence; the rules add no second one.
        assertEquals(List.of(), check("[{'name':'files','efsVolumeConfiguration':{'fileSystemId':'fs-1'}}]", "[]",
                false));
        assertEquals("efsVolumeConfiguration", TaskVolume.list(json(
                "[{'name':'files','efsVolumeConfiguration':{'fileSystemId':'fs-1'}}]")).get(0).unsupported());
    }

    @Test
    void dockerVolumeConfigurationRulesUseEcsWords() {
        assertEquals(List.of("When 'scope' parameter is 'task', 'autoprovision' must either not be specified or set to "
                + "'True'."), check("[{'name':'d','dockerVolumeConfiguration':{'scope':'task','autoprovision':false}}]",
                "[]", false));
        assertEquals(List.of("volume.dockerVolumeConfiguration.driver should not be null or empty."),
                check("[{'name':'d','dockerVolumeConfiguration':{'scope':'shared','driver':''}}]", "[]", false));
        assertEquals(List.of("Volume 'd': scope 'global' is not one of 'task', 'shared'."),
                check("[{'name':'d','dockerVolumeConfiguration':{'scope':'global'}}]", "[]", false));
        assertEquals(List.of("Volume 'd': host.sourcePath 'data' must be an absolute path."),
                check("[{'name':'d','host':{'sourcePath':'data'}}]", "[]", false));
        assertEquals(List.of("host.sourcePath should not be blank."),
                check("[{'name':'d','host':{'sourcePath':''}}]", "[]", false));
    }

    @Test
    void mountPointPathsMustBeAbsoluteAndDistinct() {
        assertEquals(List.of("Container 'app': containerPath 'data' must be an absolute path.",
                "Container 'app' mounts two volumes at /x/.", "Container 'app': the mount point of volume 'v' needs a "
                        + "containerPath."), check("[{'name':'v'},{'name':'w'}]", """
                [{'name':'app','mountPoints':[{'sourceVolume':'v','containerPath':'data'},
                  {'sourceVolume':'v','containerPath':'/x'},{'sourceVolume':'w','containerPath':'/x/'},
                  {'sourceVolume':'v'}]}]""", false));
    }

    @Test
    void theViewReadsEcsDefaultsAndNullsAsAbsent() {
        TaskVolume v = TaskVolume.list(json("[{'name':'d','host':null,'dockerVolumeConfiguration':{'scope':null,"
                + "'autoprovision':null,'driver':null,'driverOpts':null,'labels':{'a':'1'}}}]")).get(0);
        assertEquals("task", v.docker().effectiveScope());
        assertEquals("local", v.docker().effectiveDriver());
        assertFalse(v.docker().effectiveAutoprovision());
        assertFalse(v.bindMount());
        assertFalse(v.emptyTaskVolume());
        assertNull(v.sourcePath());
        assertEquals(java.util.Map.of("a", "1"), v.docker().labels());
        assertTrue(TaskVolume.list(json("[{'name':'e','host':{'sourcePath':null}}]")).get(0).emptyTaskVolume());
    }
}
