/**
 * The AWS CLI's three output formats, ported from awscli 2.9.19 (formatter.py, text.py,
 * table.py) so that {@code berth ecs ... --output json|text|table} prints what {@code aws ecs}
 * prints for the same response, byte for byte: JSON as Python's json.dump with indent 4,
 * text and table with Python's str() of each value. Responses arrive as Jackson trees already in
 * the model's key order, timestamps already ISO 8601 text (see dev.berth.cli.ecs.call).
 */
package dev.berth.cli.view.aws;
