package dev.berth.ecs.sigv4;

/** An access key id and its secret; the secret never appears in {@link #toString()}. */
public record AccessKey(String id, String secret) {
    public AccessKey {
        if (id == null || id.isEmpty() || secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("an access key needs an id and a secret");
        }
    }

    @Override
    public String toString() {
        return "AccessKey[" + id + "]";
    }
}
