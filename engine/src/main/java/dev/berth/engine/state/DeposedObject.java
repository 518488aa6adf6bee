package dev.berth.engine.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An object that create_before_destroy moved aside for its replacement and that still has to be
 * destroyed. It is recorded before the replacement is created, so a crash before the old object
 * is gone leaves it in the state, where the next plan destroys it. {@code key} tells apart the
 * deposed objects of one address (eight hex digits, as Terraform's).
 */
public record DeposedObject(String key, ResourceState object) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public DeposedObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(object, "object");
    }

    public ResourceInstanceAddr addr() {
        return object.addr();
    }

    public static String newKey() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
