package dev.berth.ecs.secret;

import java.util.Optional;

/**
 * Reads the value a {@code valueFrom} names (a container's {@code secrets}, a log
 * configuration's {@code secretOptions}). The value goes straight to where it is used (a
 * container's environment, a log driver's options) and nowhere else: not into a record that is
 * stored, logged or labelled.
 */
public interface SecretResolver {
    /**
     * The value; a {@link SecretException} when it cannot be had (malformed reference, no such
     * secret, a JSON key the secret lacks), whose message and stopped reason never hold a value.
     */
    String resolve(String valueFrom);

    /** Empty when {@link #resolve} would succeed; else why not, in one sentence (for plans). */
    default Optional<String> problem(String valueFrom) {
        try {
            resolve(valueFrom);
            return Optional.empty();
        } catch (SecretException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** For runs that have no secret store (tests of other things): every reference fails. */
    SecretResolver NONE = valueFrom -> {
        ValueFrom.parse(valueFrom);
        throw new SecretException("No secret store is open in this process, so " + SecretName.quote(valueFrom)
                + " cannot be read.", "unable to retrieve secrets: no secret store");
    };
}
