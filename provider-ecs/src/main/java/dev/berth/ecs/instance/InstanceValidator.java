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

import static dev.berth.ecs.schema.ContainerInstanceSchema.CLUSTER;
import static dev.berth.ecs.schema.ContainerInstanceSchema.CPU;
import static dev.berth.ecs.schema.ContainerInstanceSchema.DOCKER_HOST;
import static dev.berth.ecs.schema.ContainerInstanceSchema.MEMORY;
import static dev.berth.ecs.schema.ContainerInstanceSchema.STATUS;
import static dev.berth.ecs.schema.ContainerInstanceSchema.TLS;

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
        for (String tls : TLS) {
            if (!Attrs.raw(config, tls).isNull()) {
                // docker-java needs BouncyCastle to read PEM keys, which berth leaves out of its build.
                out.add(Diags.error("TLS to Docker engines is not supported yet; reach the engine by a unix socket "
                        + "or plain tcp on a trusted host, and remove " + tls + ".", List.of(tls)));
            }
        }
        InstanceAllowances.validate(config, out);
        positive(config, CPU, "CPU units", out);
        positive(config, MEMORY, "MiB", out);
        String status = Attrs.string(config, STATUS);
        if (status != null && !status.equals(InstanceRow.ACTIVE) && !status.equals(InstanceRow.DRAINING)) {
            out.add(Diags.error("status \"" + status + "\" is not ACTIVE or DRAINING.", List.of(STATUS)));
        }
        return out;
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
