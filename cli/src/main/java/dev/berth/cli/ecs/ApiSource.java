package dev.berth.cli.ecs;

import dev.berth.ecs.api.EcsApi;

/** Where a command's {@link EcsApi} comes from: a berth server at {@code endpoint}, else the in-process control plane. */
@FunctionalInterface
public interface ApiSource {
    Handle open(String endpoint);

    /** An API to call and what to close after the call. */
    record Handle(EcsApi api, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (closer != null) closer.close();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
