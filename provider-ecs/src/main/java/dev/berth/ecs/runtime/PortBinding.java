package dev.berth.ecs.runtime;

/** A container port published on 127.0.0.1; host port 0 asks the engine for a free one. */
public record PortBinding(int containerPort, int hostPort, String protocol) {
}
