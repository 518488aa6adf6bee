package dev.berth.ecs.runtime;

/**
 * What a task asks of the engine beyond its containers, in ECS's words: {@code pidMode} host or
 * task, {@code ipcMode} host, task or none (null: Docker's defaults, each container its own), and
 * the CPU architecture its images were built for (null: any).
 */
public record TaskPlatform(String pidMode, String ipcMode, String cpuArchitecture) {
    public static final TaskPlatform DEFAULT = new TaskPlatform(null, null, null);
}
