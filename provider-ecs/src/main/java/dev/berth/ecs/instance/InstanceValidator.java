package dev.berth.ecs.instance;

import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import dev.berth.ecs.tls.TlsChecks;
import dev.berth.ecs.tls.TlsMaterial;

import static dev.berth.ecs.schema.ContainerInstanceSchema.CLUSTER;
import static dev.berth.ecs.schema.ContainerInstanceSchema.CPU;
import static dev.berth.ecs.schema.ContainerInstanceSchema.DOCKER_HOST;
import static dev.berth.ecs.schema.ContainerInstanceSchema.MEMORY;
import static dev.berth.ecs.schema.ContainerInstanceSchema.STATUS;
import static dev.berth.ecs.schema.ContainerInstanceSchema.TLS;
import static dev.berth.ecs.schema.ContainerInstanceSchema.TLS_CA_CERT;
import static dev.berth.ecs.schema.ContainerInstanceSchema.TLS_CERT;
import static dev.berth.ecs.schema.ContainerInstanceSchema.TLS_KEY;

/** Checks a container instance configuration; unknown values are skipped. */
public final class InstanceValidator {
    private InstanceValidator() {
    }

    static List<ProviderDiagnostic> validate(MapValue config) {
        List<ProviderDiagnostic> out = new ArrayList<>();
        String cluster = Attrs.string(config, CLUSTER);
        if (cluster != null && EcsArn.clusterName(cluster).isEmpty()) {
            out.add(Diags.error("cluster \"" + cluster + "\" is neither a cluster ARN nor a cluster name.", List.of(CLUSTER)));
        }
        String host = Attrs.string(config, DOCKER_HOST);
        if (host != null && !wellFormedHost(host)) {
            out.add(Diags.error("docker_host \"" + host + "\" is not unix:///path/to/docker.sock or tcp://host:port.",
                    List.of(DOCKER_HOST)));
        }
        checkTls(config, host, out);
        InstanceAllowances.validate(config, out);
        positive(config, CPU, "CPU units", out);
        positive(config, MEMORY, "MiB", out);
        String status = Attrs.string(config, STATUS);
        if (status != null && !status.equals(InstanceRow.ACTIVE) && !status.equals(InstanceRow.DRAINING)) {
            out.add(Diags.error("status \"" + status + "\" is not ACTIVE or DRAINING.", List.of(STATUS)));
        }
        return out;
    }

    /**
     * The three TLS attributes come together, only with a tcp:// host, and must be usable PEM
     * (see {@link TlsChecks}); unknown values are checked at apply.
     */
    private static void checkTls(MapValue config, String host, List<ProviderDiagnostic> out) {
        List<String> given = TLS.stream().filter(a -> !Attrs.raw(config, a).isNull()).toList();
        if (given.isEmpty()) return;
        if (given.size() < TLS.size()) {
            List<String> missing = TLS.stream().filter(a -> !given.contains(a)).toList();
            out.add(Diags.error("tls_ca_cert, tls_cert and tls_key go together for mutual TLS; "
                    + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are") + " missing.",
                    List.of(given.get(0))));
            return;
        }
        if (!Attrs.unknown(config, DOCKER_HOST) && (host == null || !host.trim().startsWith("tcp://"))) {
            out.add(Diags.error("TLS certificates are for an engine at docker_host = \"tcp://host:port\"; "
                    + (host == null ? "docker_host is not set." : "\"" + host + "\" is not tcp://."), List.of(given.get(0))));
            return;
        }
        TlsMaterial tls = tlsOf(config);
        if (tls == null) return;
        for (TlsChecks.Problem p : TlsChecks.check(tls, TLS_CA_CERT, TLS_CERT, TLS_KEY, Instant.now())) {
            out.add(Diags.error(p.sentence(), List.of(p.attribute())));
        }
    }

    /** The configured TLS material; null when not all three are given and known. */
    public static TlsMaterial tlsOf(MapValue config) {
        for (String a : TLS) {
            if (Attrs.unknown(config, a) || Attrs.raw(config, a).isNull()) return null;
        }
        return new TlsMaterial(Attrs.string(config, TLS_CA_CERT), Attrs.string(config, TLS_CERT),
                Attrs.string(config, TLS_KEY));
    }

    public static boolean wellFormedHost(String host) {
        try {
            URI uri = URI.create(host.trim());
            if ("unix".equals(uri.getScheme())) return uri.getPath() != null && uri.getPath().startsWith("/");
            return "tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void positive(MapValue config, String attr, String unit, List<ProviderDiagnostic> out) {
        BigDecimal v = Attrs.number(config, attr);
        if (v != null && (v.signum() <= 0 || v.stripTrailingZeros().scale() > 0)) {
            out.add(Diags.error(attr + " must be a whole number of " + unit + " above 0, not " + v.toPlainString() + ".",
                    List.of(attr)));
        }
    }
}
