package dev.berth.ecs.store;

/**
 * What servers keep about a service in the control plane besides the service itself: its
 * signal row ({@code agent.ServiceSignals}) and its lease ({@link Leases}, in stores that keep
 * them). Both go with the service, and with its cluster for services deleted by a berth that
 * left them, so a long-lived control plane does not fill with rows of services long gone.
 */
public final class ServiceKeeping {
    /** The table of service signals, keyed by service ARN. */
    public static final String SIGNALS = "service-signals";

    private ServiceKeeping() {
    }

    /** Forgets the signal and the lease of {@code serviceArn}. */
    public static void forget(EcsStore store, String serviceArn) {
        store.delete(SIGNALS, serviceArn);
        store.leases().ifPresent(l -> l.forget(serviceArn));
    }

    /** Forgets the signals and leases of every service of the cluster {@code clusterArn}. */
    public static void forgetCluster(EcsStore store, String clusterArn) {
        String prefix = servicePrefix(clusterArn);
        for (String key : store.list(SIGNALS).keySet()) if (key.startsWith(prefix)) store.delete(SIGNALS, key);
        store.leases().ifPresent(l -> l.forgetUnder(prefix));
    }

    /** arn:...:cluster/NAME to arn:...:service/NAME/, what every service ARN of the cluster starts with. */
    static String servicePrefix(String clusterArn) {
        int at = clusterArn.lastIndexOf(":cluster/");
        return clusterArn.substring(0, at) + ":service/" + clusterArn.substring(at + ":cluster/".length()) + "/";
    }
}
