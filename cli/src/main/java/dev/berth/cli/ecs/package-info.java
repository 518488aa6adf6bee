/**
 * {@code berth ecs COMMAND [options]}: the AWS CLI's {@code ecs} commands as a caller of
 * {@link dev.berth.ecs.api.EcsApi}. The command line is read as the AWS CLI v2 reads it (args:
 * argparse, shorthand syntax, file://, --cli-input-json; validated by the model), the request
 * and response travel as EcsApi's records (call), and the response prints as the AWS CLI prints
 * it (dev.berth.cli.view.aws). Options, skeletons and key order come from ECS's model (model).
 */
package dev.berth.cli.ecs;
