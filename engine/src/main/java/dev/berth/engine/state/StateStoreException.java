package dev.berth.engine.state;

/** The state could not be read or written; the message is one sentence a user can act on. */
public final class StateStoreException extends RuntimeException {
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
