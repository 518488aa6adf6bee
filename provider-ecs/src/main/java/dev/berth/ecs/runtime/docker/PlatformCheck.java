package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;

/**
 * A task whose runtimePlatform names a CPU architecture runs only on an engine of that
 * architecture, as ECS places such a task only on matching instances: a mismatch is refused
 * before anything is created, in one sentence, instead of an image that fails to execute.
 */
final class PlatformCheck {
    private final DockerClient client;
    private volatile String architecture;

    PlatformCheck(DockerClient client) {
        this.client = client;
    }

    void require(TaskLaunch task) {
        String wanted = task.platform().cpuArchitecture();
        if (wanted == null) return;
        String engine = engineArchitecture();
        if (!ecsName(engine).equals(wanted)) {
            throw new RuntimeFailure("Task " + task.taskArn() + " needs runtimePlatform cpuArchitecture " + wanted
                    + ", but its Docker engine runs " + engine + ".", null);
        }
    }

    private String engineArchitecture() {
        if (architecture == null) architecture = client.infoCmd().exec().getArchitecture();
        return architecture;
    }

    /** Docker says x86_64 or aarch64; ECS says X86_64 or ARM64. */
    static String ecsName(String dockerArchitecture) {
        if (dockerArchitecture == null) return "";
        return switch (dockerArchitecture) {
            case "x86_64", "amd64" -> "X86_64";
            case "aarch64", "arm64" -> "ARM64";
            default -> dockerArchitecture.toUpperCase(java.util.Locale.ROOT);
        };
    }
}
