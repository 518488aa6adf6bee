package dev.berth.ecs.store;

/** The control plane's store cannot be used; the message is one sentence naming the file. */
public final class EcsStoreException extends RuntimeException {
    public EcsStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
