package dev.berth.ecs;

import dev.berth.ecs.fake.Harness;
import dev.berth.engine.decode.BodyDecoder;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every optional argument of every resource type may be left out, alone or all at once, at the
 * top level and inside nested blocks: validate, plan, apply and the plan after it then answer
 * with diagnostics, never an exception. The configurations are real HCL decoded by the engine's
 * own decoder, so an argument left out arrives exactly as it does from a user's file.
 */
class OptionalArgumentsTest {
    /** Configurations that set every argument; several per type where one block cannot hold all. */
    private static final Map<String, List<String>> SEEDS = new LinkedHashMap<>();

    static {
        SEEDS.put("ecs_cluster", List.of("""
                name = "other"
                tags = { team = "web" }
                """));
        SEEDS.put("ecs_container_instance", List.of("""
                cluster     = "prod"
                docker_host = "unix:///var/run/docker.sock"
                cpu         = 1024
                memory      = 2048
                attributes  = { "ecs.availability-zone" = "zone-c" }
                status      = "ACTIVE"
                allow_privileged   = true
                allow_host_network = true
                allow_host_pid     = true
                allow_host_ipc     = true
                allow_host_paths   = ["/var/run/docker.sock"]
                """, """
                cluster     = "prod"
                tls_ca_cert = "/ca.pem"
                tls_cert    = "/cert.pem"
                tls_key     = "/key.pem"
                """));
        SEEDS.put("ecs_task_definition", List.of("""
                family                   = "api"
                cpu                      = "256"
                memory                   = "512"
                network_mode             = "bridge"
                requires_compatibilities = ["EC2"]
                execution_role_arn       = "arn:aws:iam::000000000000:role/exec"
                task_role_arn            = "arn:aws:iam::000000000000:role/task"
                container_definitions = jsonencode([{ name = "api", image = "busybox", cpu = 64, memory = 128 }])
                """, """
                family = "api"
                container {
                  name               = "api"
                  image              = "busybox"
                  cpu                = 64
                  memory             = 128
                  memory_reservation = 64
                  essential          = true
                  entry_point        = ["/bin/sh", "-c"]
                  command            = ["sleep 1000"]
                  environment        = { A = "b" }
                  port_mappings {
                    container_port = 80
                    host_port      = 8080
                    protocol       = "tcp"
                  }
                  health_check {
                    command      = ["CMD-SHELL", "true"]
                    interval     = 30
                    timeout      = 5
                    retries      = 3
                    start_period = 0
                  }
                }
                """, """
                family = "all"
                container {
                  name                     = "all"
                  image                    = "busybox"
                  memory                   = 128
                  links                    = ["db"]
                  hostname                 = "all"
                  user                     = "1000"
                  working_directory        = "/srv"
                  disable_networking       = false
                  privileged               = false
                  readonly_root_filesystem = true
                  dns_servers              = ["10.0.0.2"]
                  dns_search_domains       = ["example.internal"]
                  docker_security_options  = ["no-new-privileges"]
                  interactive              = false
                  pseudo_terminal          = false
                  docker_labels            = { team = "web" }
                  start_timeout            = 30
                  stop_timeout             = 30
                  version_consistency      = "enabled"
                  credential_specs         = ["credentialspec:file://x.json"]
                  repository_credentials { credentials_parameter = "arn:aws:secretsmanager:us-east-1:0:secret:r" }
                  port_mappings {
                    container_port       = 80
                    name                 = "http"
                    app_protocol         = "http"
                    container_port_range = "8000-8010"
                  }
                  restart_policy {
                    enabled                = true
                    ignored_exit_codes     = [0]
                    restart_attempt_period = 60
                  }
                  environment_files {
                    value = "arn:aws:s3:::bucket/app.env"
                    type  = "s3"
                  }
                  mount_points {
                    source_volume  = "data"
                    container_path = "/data"
                    read_only      = false
                  }
                  volumes_from {
                    source_container = "db"
                    read_only        = true
                  }
                  linux_parameters {
                    init_process_enabled = true
                    shared_memory_size   = 64
                    max_swap             = 0
                    swappiness           = 0
                    capabilities {
                      add  = ["NET_ADMIN"]
                      drop = ["MKNOD"]
                    }
                    devices {
                      host_path      = "/dev/null"
                      container_path = "/dev/null2"
                      permissions    = ["read"]
                    }
                    tmpfs {
                      container_path = "/tmp"
                      size           = 64
                      mount_options  = ["rw"]
                    }
                  }
                  secrets {
                    name       = "DB_PASSWORD"
                    value_from = "db-password"
                  }
                  depends_on {
                    container_name = "db"
                    condition      = "START"
                  }
                  extra_hosts {
                    hostname   = "db.internal"
                    ip_address = "127.0.0.1"
                  }
                  ulimits {
                    name       = "nofile"
                    soft_limit = 1024
                    hard_limit = 2048
                  }
                  log_configuration {
                    log_driver = "awslogs"
                    options    = { "awslogs-group" = "/ecs/all" }
                    secret_options {
                      name       = "token"
                      value_from = "log-token"
                    }
                  }
                  system_controls {
                    namespace = "net.core.somaxconn"
                    value     = "1024"
                  }
                  resource_requirements {
                    type  = "GPU"
                    value = "1"
                  }
                  firelens_configuration {
                    type    = "fluentbit"
                    options = { "enable-ecs-log-metadata" = "true" }
                  }
                }
                """, """
                family                 = "tasklevel"
                tags                   = { team = "web" }
                container_definitions  = jsonencode([{ name = "api", image = "busybox", memory = 128 }])
                pid_mode               = "task"
                ipc_mode               = "none"
                skip_destroy           = true
                track_latest           = false
                enable_fault_injection = false
                volume {
                  name                = "data"
                  host_path           = "/srv/data"
                  configure_at_launch = false
                  docker_volume_configuration {
                    scope         = "shared"
                    autoprovision = true
                    driver        = "local"
                    driver_opts   = { type = "tmpfs" }
                    labels        = { team = "web" }
                  }
                  efs_volume_configuration {
                    file_system_id          = "fs-1"
                    root_directory          = "/"
                    transit_encryption      = "ENABLED"
                    transit_encryption_port = 2049
                    authorization_config {
                      access_point_id = "fsap-1"
                      iam             = "ENABLED"
                    }
                  }
                  fsx_windows_file_server_volume_configuration {
                    file_system_id = "fs-2"
                    root_directory = "\\\\data"
                    authorization_config {
                      credentials_parameter = "arn:aws:ssm:us-east-1:0:parameter/fsx"
                      domain                = "corp"
                    }
                  }
                }
                placement_constraints {
                  type       = "memberOf"
                  expression = "attribute:ecs.availability-zone in [zone-a]"
                }
                proxy_configuration {
                  type           = "APPMESH"
                  container_name = "envoy"
                  properties     = { AppPorts = "8080" }
                }
                inference_accelerator {
                  device_name = "a"
                  device_type = "eia2.medium"
                }
                ephemeral_storage { size_in_gib = 30 }
                runtime_platform {
                  operating_system_family = "LINUX"
                  cpu_architecture        = "X86_64"
                }
                """));
        SEEDS.put("ecs_service", List.of("""
                name                               = "api"
                cluster                            = "prod"
                task_definition                    = "web"
                desired_count                      = 2
                launch_type                        = "EC2"
                deployment_minimum_healthy_percent = 50
                deployment_maximum_percent         = 200
                force_new_deployment               = true
                wait_for_steady_state              = false
                ordered_placement_strategy {
                  type  = "binpack"
                  field = "memory"
                }
                placement_constraints {
                  type       = "memberOf"
                  expression = "attribute:ecs.availability-zone in [zone-a, zone-b]"
                }
                deployment_circuit_breaker {
                  enable   = true
                  rollback = false
                }
                """, """
                name            = "api"
                cluster         = "prod"
                task_definition = "web"
                desired_count   = 2
                launch_type     = "EC2"
                ordered_placement_strategy {
                  type  = "random"
                  field = ""
                }
                placement_constraints {
                  type       = "memberOf"
                  expression = "attribute:ecs.availability-zone == zone-a"
                }
                """, """
                name            = "api"
                cluster         = "prod"
                task_definition = "web"
                launch_type     = "EC2"
                ordered_placement_strategy {
                  type  = "spread"
                  field = "instanceId"
                }
                placement_constraints {
                  type       = "distinctInstance"
                  expression = ""
                }
                """));
    }

    @Test
    void theSeedsSetEveryArgumentOfEverySchema() {
        Map<String, ResourceSchema> schemas = SCHEMAS;
        assertEquals(new TreeSet<>(schemas.keySet()), new TreeSet<>(SEEDS.keySet()), "a seed per resource type");
        for (var e : schemas.entrySet()) {
            Set<String> missing = new TreeSet<>();
            for (String seed : SEEDS.get(e.getKey())) {
                Set<String> set = new TreeSet<>();
                arguments("", parse(e.getKey(), seed), e.getValue().body(), set);
                missing.addAll(set);
            }
            Set<String> all = new TreeSet<>();
            settable("", e.getValue().body(), all);
            all.removeAll(missing);
            assertEquals(Set.of(), all, e.getKey() + ": arguments no seed sets");
        }
    }

    @Test
    void leavingOutAnyOptionalArgumentIsNeverAnException() {
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (var e : SEEDS.entrySet()) {
            String type = e.getKey();
            for (int s = 0; s < e.getValue().size(); s++) {
                Body full = parse(type, e.getValue().get(s));
                BlockSchema schema = schemaOf(type);
                for (Map.Entry<String, Body> v : variants(full, schema).entrySet()) {
                    runs++;
                    String name = type + " seed " + (s + 1) + " " + v.getKey();
                    exercise(name, type, decode(full, schema), decode(v.getValue(), schema), failures);
                }
            }
        }
        assertFalse(runs < 40, "too few variants: " + runs);
        assertEquals(List.of(), failures, () -> failures.size() + " steps failed:\n" + String.join("\n", failures));
    }

    /** The case from the issue: ECS's own spelling of these blocks has no expression and no field. */
    @Test
    void distinctInstanceAndRandomWithoutTheirOptionalArgumentsPlanAndPlace() {
        try (Harness h = world()) {
            MapValue config = decode(parse("ecs_service", """
                    name            = "api"
                    cluster         = "prod"
                    task_definition = "web"
                    desired_count   = 2
                    launch_type     = "EC2"
                    placement_constraints { type = "distinctInstance" }
                    ordered_placement_strategy { type = "random" }
                    """), schemaOf("ecs_service"));
            assertEquals(List.of(), Harness.errors(h.validate("ecs_service", config)));
            PlanResponse plan = h.plan("ecs_service", null, config);
            assertEquals(List.of(), Harness.errors(plan.diagnostics()));
            String placement = String.join("\n", plan.notes());
            assertTrue(placement.matches("placement: 1 task -> \\S+ \\(zone-[ab]\\), 1 task -> \\S+ \\(zone-[ab]\\)"),
                    placement);
            MapValue state = h.converge("ecs_service", null, config);
            assertEquals("2", state.get("running_count").toString());
        }
    }

    /** Plans and applies the variant on a fresh world, then as an update of the full seed. */
    private static void exercise(String name, String type, MapValue full, MapValue variant, List<String> failures) {
        try (Harness h = world()) {
            List<ProviderDiagnostic> v = call(name + " validate", failures, () -> h.validate(type, variant));
            if (v == null) return;
            MapValue state = planAndApply(h, name + " create", type, null, variant, failures);
            if (state != null) call(name + " plan after apply", failures, () -> h.plan(type, state, variant));
        }
        try (Harness h = world()) {
            MapValue fullState = planAndApply(h, name + " full", type, null, full, failures);
            if (fullState != null) planAndApply(h, name + " update", type, fullState, variant, failures);
        }
    }

    private static MapValue planAndApply(Harness h, String step, String type, MapValue prior, MapValue config,
                                         List<String> failures) {
        PlanResponse plan = call(step + " plan", failures, () -> h.plan(type, prior, config));
        if (plan == null || !wellFormed(step + " plan", plan.diagnostics(), failures) || Harness.errors(plan.diagnostics())
                .size() > 0) {
            return null;
        }
        ApplyResponse applied = call(step + " apply", failures, () -> h.apply(type, prior, plan.planned(), config));
        if (applied == null || !wellFormed(step + " apply", applied.diagnostics(), failures)) return null;
        return Harness.errors(applied.diagnostics()).isEmpty() ? applied.newState() : null;
    }

    private static boolean wellFormed(String step, List<ProviderDiagnostic> diags, List<String> failures) {
        for (ProviderDiagnostic d : diags) {
            if (d.summary() == null || d.summary().isBlank()) {
                failures.add(step + ": a diagnostic without a summary");
                return false;
            }
        }
        return true;
    }

    private static <T> T call(String step, List<String> failures, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            StackTraceElement at = java.util.Arrays.stream(e.getStackTrace())
                    .filter(f -> f.getClassName().startsWith("dev.berth")).findFirst().orElse(null);
            failures.add(step + ": " + e + (at == null ? "" : " at " + at));
            return null;
        }
    }

    /** The provider with what a service needs: cluster prod, two instances, task definition web. */
    private static Harness world() {
        Harness h = new Harness();
        h.converge("ecs_cluster", null, decode(parse("ecs_cluster", "name = \"prod\""), schemaOf("ecs_cluster")));
        for (String zone : List.of("zone-a", "zone-b")) {
            h.converge("ecs_container_instance", null, decode(parse("ecs_container_instance", """
                    cluster    = "prod"
                    cpu        = 2048
                    memory     = 4096
                    attributes = { "ecs.availability-zone" = "%s" }
                    """.formatted(zone)), schemaOf("ecs_container_instance")));
        }
        h.converge("ecs_task_definition", null, decode(parse("ecs_task_definition", """
                family       = "web"
                network_mode = "bridge"
                container {
                  name   = "web"
                  image  = "busybox"
                  cpu    = 128
                  memory = 256
                  port_mappings { container_port = 80 }
                }
                """), schemaOf("ecs_task_definition")));
        return h;
    }

    // --- variants ---------------------------------------------------------------------------

    /**
     * The full body; without each optional attribute; without each optional block type; each
     * block with each of its own variants; and everything optional left out at once (blocks
     * removed, and blocks kept with only their required arguments).
     */
    static Map<String, Body> variants(Body full, BlockSchema schema) {
        Map<String, Body> out = new LinkedHashMap<>();
        out.put("full", full);
        for (Attribute a : full.attributes()) {
            AttributeSchema s = schema.attributes().get(a.name());
            if (s != null && !s.required()) out.put("without " + a.name(), withoutAttribute(full, a.name()));
        }
        for (BlockSchema.NestedBlock nb : schema.blocks().values()) {
            List<Block> blocks = full.blocks(nb.name());
            if (blocks.isEmpty()) continue;
            if (nb.minItems() == 0) out.put("without " + nb.name() + " blocks", withoutBlocks(full, nb.name()));
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                for (Map.Entry<String, Body> inner : variants(b.body(), nb.body()).entrySet()) {
                    if (inner.getKey().equals("full")) continue;
                    out.put(nb.name() + "[" + i + "] " + inner.getKey(), replaceBlock(full, b, inner.getValue()));
                }
            }
        }
        out.put("with only required arguments", minimal(full, schema, false));
        out.put("with only required arguments in every block", minimal(full, schema, true));
        return out;
    }

    private static Body minimal(Body body, BlockSchema schema, boolean keepBlocks) {
        List<Attribute> attrs = body.attributes().stream()
                .filter(a -> schema.attributes().containsKey(a.name()) && schema.attributes().get(a.name()).required())
                .toList();
        List<Block> blocks = new ArrayList<>();
        for (Block b : body.blocks()) {
            BlockSchema.NestedBlock nb = schema.blocks().get(b.type());
            if (nb == null || !keepBlocks && nb.minItems() == 0) continue;
            blocks.add(new Block(b.type(), b.labels(), minimal(b.body(), nb.body(), keepBlocks), b.range(), b.typeRange(),
                    b.labelRanges()));
        }
        return new Body(attrs, blocks, body.range());
    }

    private static Body withoutAttribute(Body body, String name) {
        return new Body(body.attributes().stream().filter(a -> !a.name().equals(name)).toList(), body.blocks(),
                body.range());
    }

    private static Body withoutBlocks(Body body, String type) {
        return new Body(body.attributes(), body.blocks().stream().filter(b -> !b.type().equals(type)).toList(),
                body.range());
    }

    private static Body replaceBlock(Body body, Block old, Body inner) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : body.blocks()) {
            blocks.add(b != old ? b : new Block(b.type(), b.labels(), inner, b.range(), b.typeRange(), b.labelRanges()));
        }
        return new Body(body.attributes(), blocks, body.range());
    }

    /** Paths of the arguments a body sets, e.g. "container.port_mappings.host_port". */
    private static void arguments(String prefix, Body body, BlockSchema schema, Set<String> out) {
        for (Attribute a : body.attributes()) out.add(prefix + a.name());
        for (Block b : body.blocks()) {
            out.add(prefix + b.type());
            BlockSchema.NestedBlock nb = schema.blocks().get(b.type());
            if (nb != null) arguments(prefix + b.type() + ".", b.body(), nb.body(), out);
        }
    }

    private static void settable(String prefix, BlockSchema schema, Set<String> out) {
        schema.attributes().values().forEach(a -> {
            if (a.settable()) out.add(prefix + a.name());
        });
        schema.blocks().values().forEach(nb -> {
            out.add(prefix + nb.name());
            settable(prefix + nb.name() + ".", nb.body(), out);
        });
    }

    // --- HCL ------------------------------------------------------------------------------------

    private static final Map<String, ResourceSchema> SCHEMAS = schemas();

    private static Map<String, ResourceSchema> schemas() {
        try (Harness h = new Harness()) {
            return h.provider.resourceSchemas();
        }
    }

    private static BlockSchema schemaOf(String type) {
        return SCHEMAS.get(type).body();
    }

    private static Body parse(String type, String body) {
        ParseResult r = HclParser.parse("main.hcl", "resource \"" + type + "\" \"x\" {\n" + body + "\n}\n");
        assertEquals(List.of(), r.diagnostics(), "seed of " + type + " parses");
        return r.file().body().blocks("resource").get(0).body();
    }

    /** As the engine decodes a resource body; no seed refers to anything. */
    private static MapValue decode(Body body, BlockSchema schema) {
        Diagnostics diags = new Diagnostics();
        BodyDecoder decoder = new BodyDecoder(new Evaluator(FunctionRegistry.standard(), Path.of(".")));
        MapValue v = decoder.decode(body, schema, (ref, d) -> Value.unknown(), diags);
        assertFalse(diags.hasErrors(), () -> "decodes: " + diags.list());
        return v;
    }
}
