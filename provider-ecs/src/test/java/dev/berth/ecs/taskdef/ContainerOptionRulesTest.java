package dev.berth.ecs.taskdef;

import dev.berth.ecs.store.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContainerOptionRulesTest {

    private static ContainerOptionRules.Subject container(String name, Integer memory, String json) {
        try {
            return new ContainerOptionRules.Subject(name, memory, ContainerOptions.ofJson(Json.MAPPER.readTree(json)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> messages(String mode, boolean fargate, ContainerOptionRules.Subject... cs) {
        return ContainerOptionRules.check(List.of(cs), mode, fargate).stream()
                .map(p -> p.container() + " " + p.field() + ": " + p.message()).toList();
    }

    private static final ContainerOptionRules.Subject PLAIN = container("db", 64, "{}");

    @Test
    void linksOnlyInBridgeModeInEcsWords() {
        ContainerOptionRules.Subject web = container("web", 64, "{\"links\":[\"db:database\"]}");
        assertEquals(List.of(), messages("bridge", false, web, PLAIN));
        assertEquals(List.of(), messages(null, false, web, PLAIN), "a network mode not yet known decides nothing");
        assertEquals(List.of("0 links: Links are not supported when networkMode=awsvpc."),
                messages("awsvpc", false, web, PLAIN));
        assertEquals(List.of("0 links: Links are not supported when networkMode=host."),
                messages("host", false, web, PLAIN));
    }

    @Test
    void aLinkMustNameAnotherContainerOfTheTask() {
        assertEquals(List.of("0 links: Container \"web\": link \"cache\" names no other container of this task definition."),
                messages("bridge", false, container("web", 64, "{\"links\":[\"cache\"]}"), PLAIN));
        assertEquals(List.of("0 links: Container \"web\": link \"db:a:b\" must be name or name:internalName, each up to "
                        + "255 letters, numbers, underscores and hyphens."),
                messages("bridge", false, container("web", 64, "{\"links\":[\"db:a:b\"]}"), PLAIN));
    }

    @Test
    void hostnameAndExtraHostsAreRefusedInAwsvpcAsEcsRefusesThem() {
        ContainerOptionRules.Subject web = container("web", 64,
                "{\"hostname\":\"w\",\"extraHosts\":[{\"hostname\":\"a\",\"ipAddress\":\"10.0.0.1\"}]}");
        assertEquals(List.of("0 hostname: hostname is not supported on container when networkMode=awsvpc.",
                "0 extraHosts: extraHosts is not supported on container when networkMode=awsvpc."),
                messages("awsvpc", false, web));
        assertEquals(List.of(), messages("bridge", false, web));
    }

    @Test
    void fargateRefusesPrivilegedAndTheLinuxParametersEcsListsAsUnsupported() {
        ContainerOptionRules.Subject web = container("web", 64, """
                {"privileged": true, "dockerSecurityOptions": ["no-new-privileges"],
                 "linuxParameters": {"initProcessEnabled": true, "sharedMemorySize": 64, "maxSwap": 0,
                   "swappiness": 10, "devices": [{"hostPath": "/dev/fuse"}],
                   "tmpfs": [{"containerPath": "/t", "size": 8}],
                   "capabilities": {"add": ["SYS_PTRACE", "NET_ADMIN"], "drop": ["ALL"]}}}""");
        assertEquals(List.of(
                "0 privileged: Tasks using the Fargate launch type do not support privileged containers.",
                "0 linuxParameters: Tasks using the Fargate launch type do not support the devices parameter (container \"web\").",
                "0 linuxParameters: Tasks using the Fargate launch type do not support the sharedMemorySize parameter (container \"web\").",
                "0 linuxParameters: Tasks using the Fargate launch type do not support the tmpfs parameter (container \"web\").",
                "0 linuxParameters: Tasks using the Fargate launch type do not support the maxSwap parameter (container \"web\").",
                "0 linuxParameters: Tasks using the Fargate launch type do not support the swappiness parameter (container \"web\").",
                "0 linuxParameters: Tasks using the Fargate launch type only support adding the SYS_PTRACE kernel capability; container \"web\" adds NET_ADMIN.",
                "0 dockerSecurityOptions: Tasks using the Fargate launch type do not support dockerSecurityOptions."),
                messages("awsvpc", true, web));
        assertEquals(List.of(), messages("awsvpc", false, web), "EC2 allows all of it");
    }

    @Test
    void berthsOwnLabelsCannotBeSetByADefinition() {
        assertEquals(List.of("0 dockerLabels: Container \"web\": dockerLabels may not set \"dev.berth.task-arn\"; labels "
                        + "beginning with dev.berth. are berth's own."),
                messages("bridge", false, container("web", 64,
                        "{\"dockerLabels\":{\"team\":\"a\",\"dev.berth.task-arn\":\"forged\"}}")));
    }

    @Test
    void ulimitsNeedAKnownNameAndSoftAtMostHard() {
        assertEquals(List.of(
                "0 ulimits: Container \"web\": ulimit name \"files\" is not one of core, cpu, data, fsize, locks, memlock, "
                        + "msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack.",
                "0 ulimits: Container \"web\": ulimit \"nofile\" has a softLimit (10) above its hardLimit (5)."),
                messages("bridge", false, container("web", 64, """
                        {"ulimits": [{"name": "files", "softLimit": 1, "hardLimit": 2},
                                     {"name": "nofile", "softLimit": 10, "hardLimit": 5},
                                     {"name": "nproc", "softLimit": 10, "hardLimit": 10}]}""")));
    }

    @Test
    void linuxParameterValuesAreChecked() {
        assertEquals(List.of(
                "0 linuxParameters: Container \"web\": \"SYS_EVERYTHING\" is not a Linux capability ECS knows.",
                "0 linuxParameters: Container \"web\": swappiness must be a whole number from 0 to 100.",
                "0 linuxParameters: Container \"web\": maxSwap is counted on top of the container's memory limit; set "
                        + "memory on the container to use it.",
                "0 linuxParameters: Container \"web\": a tmpfs containerPath must be an absolute path.",
                "0 linuxParameters: Container \"web\": tmpfs tmp needs a size in MiB.",
                "0 linuxParameters: Container \"web\": \"fast\" is not a tmpfs mount option."),
                messages("bridge", false, container("web", null, """
                        {"linuxParameters": {"capabilities": {"add": ["SYS_EVERYTHING"]}, "maxSwap": 10,
                          "swappiness": 101, "tmpfs": [{"containerPath": "tmp", "mountOptions": ["noexec", "mode=1777", "fast"]}]}}""")));
    }

    @Test
    void environmentFilesAreS3ArnsOrAbsolutePathsEndingInDotEnv() {
        assertEquals(List.of(
                "0 environmentFiles: Container \"web\": environment file type \"file\" is not supported; the only supported value is s3.",
                "0 environmentFiles: Container \"web\": environment file \"web.env\" must be an S3 object ARN "
                        + "(arn:aws:s3:::bucket/key.env, read from berth's S3 directory) or an absolute path to a local file.",
                "0 environmentFiles: Container \"web\": environment file \"/etc/web.txt\" must have a .env file extension."),
                messages("bridge", false, container("web", 64, """
                        {"environmentFiles": [{"value": "arn:aws:s3:::bucket/app/web.env", "type": "file"},
                          {"value": "web.env", "type": "s3"}, {"value": "/etc/web.txt", "type": "s3"},
                          {"value": "/etc/app/web.env", "type": "s3"}]}""")));
    }

    @Test
    void systemControlsAreNamespacedAndNotNetworkOnesInHostMode() {
        ContainerOptionRules.Subject web = container("web", 64, """
                {"systemControls": [{"namespace": "net.ipv4.tcp_keepalive_time", "value": "200"},
                                    {"namespace": "vm.swappiness", "value": "1"}]}""");
        assertEquals(List.of("0 systemControls: Network namespace systemControls (net.ipv4.tcp_keepalive_time) are not "
                        + "supported when networkMode=host.",
                "0 systemControls: Container \"web\": systemControls namespace \"vm.swappiness\" is not a namespaced "
                        + "kernel parameter (net.*, kernel.* IPC parameters or fs.mqueue.*)."),
                messages("host", false, web));
    }

    @Test
    void gpuRequirementsAreCountsAndNotOnFargateAndInferenceAcceleratorsAreRefused() {
        assertEquals(List.of("0 resourceRequirements: Tasks using the Fargate launch type do not support GPU resource requirements."),
                messages("awsvpc", true, container("web", 64, "{\"resourceRequirements\":[{\"type\":\"GPU\",\"value\":\"1\"}]}")));
        assertEquals(List.of(
                "0 resourceRequirements: Container \"web\": a GPU requirement's value is a positive number of GPUs, not \"one\".",
                "0 resourceRequirements: Container \"web\": berth does not honour InferenceAccelerator requirements: "
                        + "Elastic Inference accelerators exist only in AWS."),
                messages("bridge", false, container("web", 64, """
                        {"resourceRequirements": [{"type": "GPU", "value": "one"},
                                                  {"type": "InferenceAccelerator", "value": "device_1"}]}""")));
    }

    @Test
    void aRestartPolicyIsAcceptedWithinEcsBounds() {
        assertEquals(List.of(), messages("bridge", false, container("web", 64,
                "{\"restartPolicy\":{\"enabled\":true,\"ignoredExitCodes\":[0],\"restartAttemptPeriod\":60}}")));
        assertEquals(List.of(), messages("awsvpc", true, container("web", 64, "{\"restartPolicy\":{\"enabled\":true}}")));
        assertEquals(List.of(), messages("bridge", false, container("web", 64, "{\"restartPolicy\":{\"enabled\":false}}")));
    }

    @Test
    void aRestartPolicyOutsideEcsBoundsIsRefused() {
        assertEquals(List.of("0 restartPolicy: Container \"web\": restartPolicy.restartAttemptPeriod must be between 60 "
                        + "and 1800 seconds, not 59."),
                messages("bridge", false, container("web", 64,
                        "{\"restartPolicy\":{\"enabled\":true,\"restartAttemptPeriod\":59}}")));
        assertEquals(List.of("0 restartPolicy: Container \"web\": restartPolicy.restartAttemptPeriod must be between 60 "
                        + "and 1800 seconds, not 1801."),
                messages("bridge", false, container("web", 64,
                        "{\"restartPolicy\":{\"enabled\":true,\"restartAttemptPeriod\":1801}}")));
        String codes = java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
        assertEquals(List.of("0 restartPolicy: Container \"web\": restartPolicy.ignoredExitCodes may list at most 50 exit "
                        + "codes."),
                messages("bridge", false, container("web", 64,
                        "{\"restartPolicy\":{\"enabled\":true,\"ignoredExitCodes\":[" + codes + "]}}")));
        assertEquals(List.of("0 restartPolicy: Container \"web\": restartPolicy.enabled is required."),
                messages("bridge", false, container("web", 64, "{\"restartPolicy\":{\"restartAttemptPeriod\":60}}")));
    }

    @Test
    void credentialSpecsAreRefused() {
        assertEquals(List.of("0 dockerSecurityOptions: Container \"web\": berth does not honour credentialspec security "
                        + "options: they name Active Directory credentials, which a local engine has no domain for."),
                messages("bridge", false, container("web", 64,
                        "{\"dockerSecurityOptions\":[\"credentialspec:file://gmsa.json\",\"no-new-privileges\"]}")));
    }
}
