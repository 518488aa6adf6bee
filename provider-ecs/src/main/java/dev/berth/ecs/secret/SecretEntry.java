package dev.berth.ecs.secret;

import java.time.Instant;

/** What {@code berth secret list} shows of a secret: its name and when it was first and last set. */
public record SecretEntry(String name, Instant created, Instant updated) {
}
