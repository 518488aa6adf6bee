package dev.berth.cli.ecs.model;

/** A structure member: its name, its shape's name, and the AWS CLI's option name (cluster-name). */
public record Member(String name, String shape, String cliName) {
}
