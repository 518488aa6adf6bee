package dev.berth.cli.view;

import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.AttributeType;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportRequest;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceRequest;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ProviderRequests.ValidateRequest;
import dev.berth.engine.provider.ProviderRequests.ValidateResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValueJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of Terraform's built-in provider to replay the oracle captures in
 * {@code src/test/resources/terraform-data}: {@code terraform_data} (input, output, id) and
 * {@code data "terraform_remote_state"} with the local backend, reading the outputs of a state
 * file relative to {@code dir}. Pure logic for view tests; berth's own ecs provider is not used.
 */
final class TerraformBuiltins implements Provider {
    private final Path dir;
    private final AtomicInteger ids = new AtomicInteger();

    TerraformBuiltins(Path dir) {
        this.dir = dir;
    }

    @Override
    public String name() {
        return "terraform";
    }

    @Override
    public String fullName() {
        return "terraform.io/builtin/terraform";
    }

    @Override
    public Map<String, ResourceSchema> resourceSchemas() {
        return Map.of("terraform_data", new ResourceSchema("terraform_data", BlockSchema.of(List.of(
                AttributeSchema.named("input", AttributeType.STRING).optional().build(),
                AttributeSchema.named("output", AttributeType.STRING).computed().build(),
                AttributeSchema.named("triggers_replace", AttributeType.LIST_OF_STRING).optional().forceNew().build(),
                AttributeSchema.named("id", AttributeType.STRING).computed().build())), 0, ""));
    }

    @Override
    public Map<String, ResourceSchema> dataSourceSchemas() {
        return Map.of("terraform_remote_state", new ResourceSchema("terraform_remote_state", BlockSchema.of(List.of(
                AttributeSchema.named("backend", AttributeType.STRING).required().build(),
                AttributeSchema.named("config", AttributeType.MAP_OF_STRING).optional().build(),
                AttributeSchema.named("defaults", AttributeType.MAP_OF_STRING).optional().build(),
                AttributeSchema.named("workspace", AttributeType.STRING).optional().build(),
                AttributeSchema.named("outputs", AttributeType.ANY).computed().build())), 0, ""));
    }

    @Override
    public ReadDataSourceResponse readDataSource(ReadDataSourceRequest r) {
        Value path = r.config().get("config") instanceof MapValue c ? c.get("path") : Value.nil();
        if (!(path instanceof StringValue p)) {
            return new ReadDataSourceResponse(null, List.of(ProviderDiagnostic.error("config.path is required", "")));
        }
        try {
            MapValue state = (MapValue) ValueJson.fromJson(Files.readString(dir.resolve(p.value())));
            Map<String, Value> outputs = new java.util.TreeMap<>();
            ((MapValue) state.get("outputs")).entries().forEach((k, o) -> outputs.put(k, ((MapValue) o).get("value")));
            return new ReadDataSourceResponse(r.config().with("outputs", new MapValue(outputs)), List.of());
        } catch (IOException e) {
            return new ReadDataSourceResponse(null, List.of(ProviderDiagnostic.error("cannot read " + p.value(), "")));
        }
    }

    @Override
    public ValidateResponse validate(ValidateRequest request) {
        return new ValidateResponse(List.of());
    }

    /** As Terraform plans terraform_data: output follows input, unknown whenever input changes. */
    @Override
    public PlanResponse plan(PlanRequest r) {
        if (r.config() == null) return new PlanResponse(null, List.of());
        boolean same = r.prior() != null && r.prior().get("input").equals(r.config().get("input"));
        MapValue planned = r.config().with("id", r.prior() == null ? Value.unknown() : r.prior().get("id"))
                .with("output", same ? r.prior().get("output") : Value.unknown());
        return new PlanResponse(planned, List.of());
    }

    @Override
    public ApplyResponse apply(ApplyRequest r) {
        if (r.planned() == null) return new ApplyResponse(null, List.of());
        Value id = r.prior() == null ? Value.of("id-" + ids.incrementAndGet()) : r.prior().get("id");
        return new ApplyResponse(r.planned().with("id", id).with("output", r.planned().get("input")), List.of());
    }

    @Override
    public ReadResponse read(ReadRequest request) {
        return new ReadResponse(request.current(), List.of());
    }

    @Override
    public ImportResponse importState(ImportRequest request) {
        throw new UnsupportedOperationException("not needed by the view tests");
    }
}
