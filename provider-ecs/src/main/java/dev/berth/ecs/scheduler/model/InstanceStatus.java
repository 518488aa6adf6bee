package dev.berth.ecs.scheduler.model;

/** Container instance status as far as placement cares: DRAINING instances get no new tasks. */
public enum InstanceStatus { ACTIVE, DRAINING }
