/**
 * ECS's API model as the AWS CLI v2 reads it (operations, shapes, member order, the CLI's option
 * names), loaded from {@code model.json}, which scripts/ecs-cli-model.py extracts from the
 * botocore data that Debian's awscli package ships. {@code berth ecs} derives its options, its
 * skeletons and the key order of its output from it, as the AWS CLI does from the same file.
 */
package dev.berth.cli.ecs.model;
