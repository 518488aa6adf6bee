/**
 * ECS's task metadata endpoint (version 4, and version 3 with the same answers) and its task
 * role credentials endpoint, as documents: pure functions from what berth launched and what the
 * engine reports about each container to the JSON ECS's agent serves. The Docker adapter serves
 * them from a small server inside the task's own network namespace; nothing here knows Docker.
 */
package dev.berth.ecs.runtime.metadata;
