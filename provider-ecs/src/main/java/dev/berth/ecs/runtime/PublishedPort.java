package dev.berth.ecs.runtime;

public record PublishedPort(int containerPort, String protocol, String hostIp, int hostPort) {
}
