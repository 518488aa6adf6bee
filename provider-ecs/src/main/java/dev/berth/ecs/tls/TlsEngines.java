package dev.berth.ecs.tls;

import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.util.Optional;
import java.util.function.Function;

/**
 * Engines reached over mutual TLS. The runtimes of a run are looked up by docker_host alone;
 * registering an instance hands its TLS material over here first, so every later lookup of that
 * host speaks TLS with it.
 */
public interface TlsEngines {
    /** The engine at {@code host} reached with {@code tls}; the runtime that lookups by host then return. */
    ContainerRuntime reach(String host, TlsMaterial tls);

    /** Empty when the engine answers a ping with {@code tls} within a few seconds, else the one-sentence reason. */
    Optional<String> probe(String host, TlsMaterial tls);

    /** For runtimes that know no TLS (test fakes): every TLS engine is refused in one sentence. */
    TlsEngines NONE = new TlsEngines() {
        @Override
        public ContainerRuntime reach(String host, TlsMaterial tls) {
            throw new RuntimeFailure(refusal(host), null);
        }

        @Override
        public Optional<String> probe(String host, TlsMaterial tls) {
            return Optional.of(refusal(host));
        }

        private String refusal(String host) {
            return "This control plane cannot reach Docker engines over TLS, so not " + host + ".";
        }
    };

    /** The TLS side of {@code runtimes} when it has one (the CLI's pool does), else {@link #NONE}. */
    static TlsEngines of(Function<String, ContainerRuntime> runtimes) {
        return runtimes instanceof TlsEngines t ? t : NONE;
    }
}
