package dev.berth.cli.ecs.model;

/** How the AWS CLI pages an operation: the token in and out, the page size key, the list it joins. */
public record Paginator(String inputToken, String outputToken, String limitKey, String resultKey) {
}
