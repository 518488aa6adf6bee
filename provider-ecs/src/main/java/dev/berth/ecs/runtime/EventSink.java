package dev.berth.ecs.runtime;

/** Receives a followed event stream: each event as it happens, then once how the stream ended. */
public interface EventSink {
    void event(ContainerEvent event);

    /** The stream ended: {@code cause} is null when it was closed or the engine ended it cleanly. */
    void ended(Throwable cause);
}
