package dev.berth.ecs.service;

import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.ResolvedImage;
import dev.berth.ecs.store.EcsStore;
import dev.berth.ecs.store.ServiceImages;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.task.ImageResolution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * versionConsistency for services: the digests a deployment runs, as ECS resolves them when the
 * deployment starts. A new deployment (a new revision, forceNewDeployment, a new service)
 * resolves its images on the local engine at once; tasks it places on another container
 * instance's engine use what that engine resolved the first time the deployment placed one
 * there (an image id is that engine's own). Replacements, repairs and drains of the same
 * deployment reuse the record, so a tag moved in between changes nothing they run. Only the
 * deployer's thread calls this, so a read-then-write needs no lock of its own.
 */
final class DeploymentImages {
    private final Table<ServiceImages> table;
    private final Function<String, ContainerRuntime> runtimes;

    DeploymentImages(EcsStore store, Function<String, ContainerRuntime> runtimes) {
        this.table = new Table<>(store, ServiceImages.TABLE, ServiceImages.class);
        this.runtimes = runtimes;
    }

    /** The start of a deployment of {@code td}: a new one resolves now; the same one keeps what it has. */
    void begin(String serviceArn, TaskDefinitionRow td, boolean newDeployment) {
        Optional<ServiceImages> current = table.get(serviceArn);
        if (!newDeployment && current.isPresent() && td.arn().equals(current.get().taskDefinitionArn())) return;
        ServiceImages fresh = new ServiceImages(serviceArn, td.arn(), Map.of());
        try {
            table.put(serviceArn, fresh.with(ServiceImages.LOCAL, pins(ImageResolution.resolve(td, runtimes.apply(null)))));
        } catch (dev.berth.ecs.runtime.RuntimeFailure localEngineAway) {
            // Tasks placed on other engines resolve there; the local engine's are resolved when it answers.
            table.put(serviceArn, fresh);
        }
    }

    /** What tasks of the deployment of {@code td} on the engine at {@code dockerHost} (null: local) are created by. */
    Map<String, ResolvedImage> on(String serviceArn, TaskDefinitionRow td, String dockerHost) {
        String engine = dockerHost == null ? ServiceImages.LOCAL : dockerHost;
        ServiceImages current = table.get(serviceArn).filter(i -> td.arn().equals(i.taskDefinitionArn()))
                .orElse(new ServiceImages(serviceArn, td.arn(), Map.of()));
        Map<String, ServiceImages.Pin> pins = current.byEngine().get(engine);
        if (pins == null) {
            // A rollback to another revision, or the first task of this deployment on that engine.
            pins = pins(ImageResolution.resolve(td, runtimes.apply(dockerHost)));
            table.put(serviceArn, current.with(engine, pins));
        }
        Map<String, ResolvedImage> out = new LinkedHashMap<>();
        pins.forEach((name, p) -> out.put(name, new ResolvedImage(p.reference(), p.digest())));
        return out;
    }

    void forget(String serviceArn) {
        table.delete(serviceArn);
    }

    private static Map<String, ServiceImages.Pin> pins(Map<String, ResolvedImage> resolved) {
        Map<String, ServiceImages.Pin> out = new LinkedHashMap<>();
        resolved.forEach((name, r) -> out.put(name, new ServiceImages.Pin(r.reference(), r.digest())));
        return out;
    }
}
