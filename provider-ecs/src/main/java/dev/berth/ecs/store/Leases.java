package dev.berth.ecs.store;

import java.time.Duration;
import java.util.Set;

/**
 * Named leases with an owner and an expiry, judged by the database's clock so the servers'
 * clocks never matter: how several {@code berth server}s on one control plane split the
 * services they keep. A lease held is renewed well before it expires; one whose holder died or
 * stopped renewing expires and is taken over.
 */
public interface Leases {
    /** Takes lease {@code name} for {@code owner} when it is free, expired or already {@code owner}'s; true when owner holds it now. */
    boolean claim(String name, String owner, Duration ttl);

    /** Extends every lease {@code owner} holds; returns their names. */
    Set<String> renew(String owner, Duration ttl);

    /** Takes every expired lease for {@code owner}; returns their names. */
    Set<String> takeExpired(String owner, Duration ttl);

    /** Lets go of every lease {@code owner} holds at once (it stops), so others take them over without waiting. */
    void release(String owner);

    /** Forgets a lease (its service is gone). */
    void forget(String name);

    /** Forgets every lease whose name starts with {@code prefix} (a cluster's services: the cluster is gone). */
    void forgetUnder(String prefix);
}
