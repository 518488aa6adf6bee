package dev.berth.cli.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import dev.berth.cli.ecs.model.EcsModel;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What berth ecs does beyond the AWS CLI (the guides' spellings, berth's parameters) and where it says no. */
class EcsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "{\"service\":{\"serviceName\":\"web\",\"status\":\"ACTIVE\",\"desiredCount\":2}}";

    private static FakeEcsApi fake(String... responses) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (String r : responses) list.add(JSON.readTree(r));
        return new FakeEcsApi(list, null);
    }

    private static JsonNode body(FakeEcsApi fake, int i) {
        return fake.requests.get(i).get("body");
    }

    @Test
    void updateServiceTakesTheGuidesServiceNameAsService() throws Exception {
        FakeEcsApi guide = fake(SERVICE);
        FakeEcsApi aws = fake(SERVICE);
        EcsCliParityTest.Run g = EcsCliParityTest.run(guide, List.of("update-service", "--cluster", "web", "--service-name", "web", "--desired-count", "2"));
        EcsCliParityTest.Run a = EcsCliParityTest.run(aws, List.of("update-service", "--cluster", "web", "--service", "web", "--desired-count", "2"));
        assertEquals(0, g.exit(), g.err());
        assertEquals(JSON.readTree("{\"cluster\":\"web\",\"service\":\"web\",\"desiredCount\":2}"), body(guide, 0));
        assertEquals(body(aws, 0), body(guide, 0));
        assertEquals(a.out(), g.out());
    }

    @Test
    void deleteServiceTakesTheGuidesServiceName() throws Exception {
        FakeEcsApi f = fake(SERVICE);
        EcsCliParityTest.Run r = EcsCliParityTest.run(f, List.of("delete-service", "--service-name", "web", "--force"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(JSON.readTree("{\"service\":\"web\",\"force\":true}"), body(f, 0));
    }

    @Test
    void updateServiceStillNeedsAServiceInOneSpellingOrTheOther() throws Exception {
        EcsCliParityTest.Run r = EcsCliParityTest.run(fake(), List.of("update-service", "--desired-count", "2"));
        assertEquals(252, r.exit());
        assertTrue(r.err().contains("berth ecs: error: the following arguments are required: --service\n"), r.err());
    }

    @Test
    void runTaskTakesAClientTokenWhichTheAwsCli29DoesNotKnow() throws Exception {
        FakeEcsApi f = fake("{\"tasks\":[],\"failures\":[]}");
        EcsCliParityTest.Run r = EcsCliParityTest.run(f, List.of("run-task", "--task-definition", "web", "--count", "3", "--client-token", "run-1"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(JSON.readTree("{\"taskDefinition\":\"web\",\"count\":3,\"clientToken\":\"run-1\"}"), body(f, 0));
    }

    @Test
    void registerContainerInstanceTakesBerthsDockerHost() throws Exception {
        FakeEcsApi f = fake("{\"containerInstance\":{\"status\":\"ACTIVE\"}}");
        EcsCliParityTest.Run r = EcsCliParityTest.run(f, List.of("register-container-instance", "--cluster", "web",
                "--docker-host", "unix:///tmp/d.sock"));
        assertEquals(0, r.exit(), r.err());
        assertEquals("unix:///tmp/d.sock", body(f, 0).get("dockerHost").asText());
    }

    @Test
    void aParameterBerthDoesNotServeIsRefusedBeforeAnyCall() throws Exception {
        FakeEcsApi f = fake("{\"tasks\":[]}");
        EcsCliParityTest.Run r = EcsCliParityTest.run(f, List.of("run-task", "--task-definition", "web",
                "--platform-version", "1.4.0"));
        assertEquals(252, r.exit());
        assertEquals("\nError parsing parameter '--platform-version': berth does not support this parameter of RunTask yet.\n", r.err());
        assertTrue(f.requests.isEmpty());
    }

    @Test
    void queryIsRefusedWithAWayOut() throws Exception {
        EcsCliParityTest.Run r = EcsCliParityTest.run(fake("{}"), List.of("list-clusters", "--query", "clusterArns[0]"));
        assertEquals(252, r.exit());
        assertTrue(r.err().contains("does not evaluate JMESPath"), r.err());
    }

    @Test
    void theEndpointComesFromTheOptionElseTheEnvironment() {
        List<String> asked = new ArrayList<>();
        ApiSource source = endpoint -> {
            asked.add(String.valueOf(endpoint));
            throw new IllegalStateException("no server here");
        };
        EcsSession session = new EcsSession(Path.of("."), ZoneId.of("UTC"), Map.of("BERTH_ECS_ENDPOINT", "http://127.0.0.1:4566"), false, 80);
        StringWriter err = new StringWriter();
        EcsCli cli = new EcsCli(EcsModel.get(), session, source);
        assertEquals(255, cli.run(List.of("list-clusters"), new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertEquals(0, cli.run(List.of("list-clusters", "--generate-cli-skeleton"), new PrintWriter(new StringWriter()), new PrintWriter(err)));
        cli.run(List.of("list-clusters", "--endpoint-url", "http://h:1"), new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(List.of("http://127.0.0.1:4566", "http://h:1"), asked);
        assertTrue(err.toString().startsWith("\nno server here\n"), err.toString());
    }

    @Test
    void anEndpointThatDoesNotAnswerIsNoApiErrorAsInTheAwsCli() {
        ApiSource source = endpoint -> new ApiSource.Handle((dev.berth.ecs.api.EcsApi) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{dev.berth.ecs.api.EcsApi.class}, (p, m, a) -> {
                    throw new dev.berth.ecs.api.EcsException("EndpointConnectionError",
                            "Could not connect to the endpoint URL: \"http://127.0.0.1:9/\"");
                }), null);
        EcsSession session = new EcsSession(Path.of("."), ZoneId.of("UTC"), Map.of(), false, 80);
        StringWriter err = new StringWriter();
        int exit = new EcsCli(EcsModel.get(), session, source).run(List.of("list-clusters", "--endpoint-url", "http://127.0.0.1:9"),
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(255, exit);
        assertEquals("\nCould not connect to the endpoint URL: \"http://127.0.0.1:9/\"\n", err.toString());
    }

    @Test
    void globalOptionsMayComeBeforeTheCommand() throws Exception {
        FakeEcsApi f = fake("{\"clusterArns\":[\"arn:a\"]}");
        EcsCliParityTest.Run r = EcsCliParityTest.run(f, List.of("--output", "text", "list-clusters"));
        assertEquals(0, r.exit(), r.err());
        assertEquals("CLUSTERARNS\tarn:a\n", r.out());
    }

    @Test
    void anUnknownCommandListsTheCommands() throws Exception {
        EcsCliParityTest.Run r = EcsCliParityTest.run(fake(), List.of("describe-cluster"));
        assertEquals(252, r.exit());
        assertTrue(r.err().contains("berth ecs: error: argument operation: Invalid choice, valid choices are:"), r.err());
        assertTrue(r.err().contains("describe-clusters"), r.err());
    }

    @Test
    void throughTheBerthCommandLineEveryArgumentReachesEcs() {
        CliRun run = CliRun.of("ecs", "describe-clusters", "--generate-cli-skeleton", "--output", "json");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("{\n    \"clusters\": [\n        \"\"\n    ],\n    \"include\": [\n        \"ATTACHMENTS\"\n    ]\n}\n", run.out());
        CliRun help = CliRun.of("ecs", "run-task", "help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.out().contains("--placement-strategy"), help.out());
        CliRun bad = CliRun.of("ecs", "create-cluster", "--help");
        assertEquals(252, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("Unknown options: --help"), bad.toString());
    }
}
