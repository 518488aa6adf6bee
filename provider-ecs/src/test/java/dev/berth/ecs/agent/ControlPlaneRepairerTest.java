package dev.berth.ecs.agent;

import dev.berth.ecs.api.ClusterCalls.ListClustersResponse;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesResponse;
import dev.berth.ecs.api.ServiceCalls.ListServicesRequest;
import dev.berth.ecs.api.ServiceCalls.ListServicesResponse;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceResponse;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ControlPlaneRepairerTest {
    private static final String ARN = "arn:aws:ecs:local:000000000000:service/";

    /** A world of services (cluster/name to desired and running), in ECS's answers. */
    private final Map<String, int[]> services = new HashMap<>();
    private final List<UpdateServiceRequest> updates = new ArrayList<>();
    private String refuse;

    private final EcsApi api = (EcsApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EcsApi.class},
            (p, m, args) -> switch (m.getName()) {
                case "listClusters" -> new ListClustersResponse(List.of("arn:aws:ecs:local:000000000000:cluster/a",
                        "arn:aws:ecs:local:000000000000:cluster/b"), null);
                case "listServices" -> {
                    String cluster = ((ListServicesRequest) args[0]).cluster().replaceAll(".*/", "");
                    yield new ListServicesResponse(services.keySet().stream().filter(k -> k.startsWith(cluster + "/"))
                            .sorted().map(k -> ARN + k).toList(), null);
                }
                case "describeServices" -> new DescribeServicesResponse(((DescribeServicesRequest) args[0]).services()
                        .stream().map(arn -> {
                            int[] counts = services.get(arn.substring(ARN.length()));
                            return new Service(arn, null, null, "ACTIVE", counts[0], counts[1], 0, null, null, null,
                                    null, null, null, null, null, null, null, null);
                        }).toList(), List.of());
                case "updateService" -> {
                    UpdateServiceRequest r = (UpdateServiceRequest) args[0];
                    updates.add(r);
                    if (r.service().equals(refuse)) throw EcsException.serviceNotActive();
                    int[] counts = services.get(r.service().substring(ARN.length()));
                    counts[1] = counts[0];
                    yield new UpdateServiceResponse(null);
                }
                case "listTasks" -> {
                    ListTasksRequest r = (ListTasksRequest) args[0];
                    int running = services.get(r.cluster().replaceAll(".*/", "") + "/" + r.serviceName())[1];
                    List<String> arns = new ArrayList<>();
                    for (int i = 0; i < running; i++) arns.add("task-" + i);
                    yield new ListTasksResponse(arns, null);
                }
                default -> throw new UnsupportedOperationException(m.getName());
            });

    @Test
    void aResyncRepairsOnlyTheServicesThatDoNotRunTheirDesiredCount() {
        services.put("a/web", new int[]{2, 2});
        services.put("a/api", new int[]{3, 1});
        services.put("b/worker", new int[]{1, 0});
        Repairs.Result r = new ControlPlaneRepairer(api).pass(null);
        assertEquals(List.of(ARN + "a/api", ARN + "b/worker"), updates.stream().map(UpdateServiceRequest::service).toList());
        // The repair is an UpdateService that changes nothing: its deployment starts what is missing.
        assertEquals(new UpdateServiceRequest("arn:aws:ecs:local:000000000000:cluster/a", ARN + "a/api", null, null, null, null, null, null), updates.get(0));
        assertEquals(List.of("task-0"), r.services().get(0).runningBefore());
        assertEquals(List.of("task-0", "task-1", "task-2"), r.services().get(0).runningAfter());
        assertNull(r.services().get(0).failure());
    }

    @Test
    void aNamedServiceIsRepairedAndARefusalIsItsFailure() {
        services.put("a/web", new int[]{2, 1});
        refuse = ARN + "a/web";
        Repairs.Result r = new ControlPlaneRepairer(api).pass(Set.of(ARN + "a/web"));
        assertEquals(1, updates.size());
        assertEquals("ServiceNotActiveException: Service was not ACTIVE.", r.services().get(0).failure());
    }
}
