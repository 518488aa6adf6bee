package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ImportRequest;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.run.ConfigCheck;
import dev.berth.engine.run.ConfigGraph;
import dev.berth.engine.run.ProviderDiagnostics;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * Adopts an object that exists outside the state: the provider finds it by id, berth reads it
 * back and records it under the address the configuration declares. Nothing in the world changes.
 */
@Command(name = "import", description = "Associate an existing object with a resource instance in the state.")
final class ImportCommand extends WorkspaceCommand {
    @Parameters(index = "0", paramLabel = "ADDRESS")
    String address;

    @Parameters(index = "1", paramLabel = "ID")
    String id;

    @Mixin
    RunOptions opts;

    @Override
    int run(Workspace ws) {
        ResourceInstanceAddr addr = Addresses.parse(address);
        if (addr.isData()) {
            throw new Errors.UserError("Invalid address \"" + addr + "\": a managed resource address is required; "
                    + "importing into a data resource is not allowed.");
        }
        RunSession.Started started = RunSession.start(ws, opts, "import");
        if (started.session() == null) return fail(started.diagnostics(), ws);
        try (RunSession s = started.session()) {
            ResourceConfig rc = s.config.resources().get(addr.resource());
            if (rc == null) throw new Errors.UserError(notConfigured(addr.resource()));
            checkKey(addr, rc);
            Diagnostics diags = new Diagnostics();
            ConfigGraph graph = ConfigCheck.check(s.config, ws.providers(), diags);
            if (diags.hasErrors()) return fail(diags.list(), ws);
            if (ws.store().read().resources().containsKey(addr)) {
                throw new Errors.UserError("Resource already managed by berth: berth is already managing a remote "
                        + "object for " + addr + "; to import to this address, first remove the existing object "
                        + "from the state with \"berth state rm " + addr + "\".");
            }
            Provider provider = ws.providers().forType(addr.type()).orElseThrow();
            ResourceSchema schema = ws.providers().schema(addr.type()).orElseThrow();

            term.out().println(term.bold(addr + ": Importing from ID \"" + id + "\"..."));
            ImportResponse imported = provider.importState(new ImportRequest(addr, addr.type(), id));
            if (imported.state() == null || imported.diagnostics().stream().anyMatch(ProviderDiagnostic::isError)) {
                return fail(failure(imported.diagnostics(), addr, rc, "Cannot import non-existent remote object: "
                        + "the ecs provider found no object with ID \"" + id + "\"."), ws);
            }
            term.out().println(term.green(addr + ": Import prepared!"));
            term.out().println(term.green("  Prepared " + addr.type() + " for import"));
            term.out().println(addr + ": Refreshing state... [id=" + idOf(imported.state()) + "]");
            ReadResponse read = provider.read(new ReadRequest(addr, addr.type(), imported.state()));
            if (read.state() == null || read.diagnostics().stream().anyMatch(ProviderDiagnostic::isError)) {
                return fail(failure(read.diagnostics(), addr, rc, "Cannot import non-existent remote object: "
                        + "the object with ID \"" + id + "\" disappeared while it was being read."), ws);
            }
            // The dependencies are recorded now, so a destroy before the next apply still runs in order.
            List<String> deps = graph.resourceDependencies(addr.resource()).stream().map(ResourceAddr::toString)
                    .sorted().toList();
            ResourceState rs = new ResourceState(addr, provider.fullName(), schema.version(), read.state(), deps, false);
            ws.store().commit(List.of(new StateChange.PutResource(rs)), "import");
            term.out().println();
            term.out().println(term.boldGreen("Import successful!"));
            term.out().println();
            term.out().println(term.green("The resources that were imported are shown above. These resources are now in"));
            term.out().println(term.green("your berth state and will henceforth be managed by berth."));
            return 0;
        }
    }

    private static String notConfigured(ResourceAddr addr) {
        return "resource address \"" + addr + "\" does not exist in the configuration; before importing this "
                + "resource, create its configuration in the root module, for example: resource \"" + addr.type()
                + "\" \"" + addr.name() + "\" { ... }";
    }

    /** The instance key must fit the resource's repetition, as the next plan will expect it. */
    private static void checkKey(ResourceInstanceAddr addr, ResourceConfig rc) {
        InstanceKey key = addr.key();
        if (rc.count() != null && !(key instanceof InstanceKey.Index)) {
            throw new Errors.UserError("Invalid address " + addr + ": " + addr.resource()
                    + " uses count, so the address needs an index such as " + addr.resource() + "[0].");
        }
        if (rc.forEach() != null && !(key instanceof InstanceKey.Key)) {
            throw new Errors.UserError("Invalid address " + addr + ": " + addr.resource()
                    + " uses for_each, so the address needs a key such as " + addr.resource() + "[\"name\"].");
        }
        if (rc.count() == null && rc.forEach() == null && !(key instanceof InstanceKey.None)) {
            throw new Errors.UserError("Invalid address " + addr + ": " + addr.resource()
                    + " uses neither count nor for_each, so the address takes no index; use " + addr.resource() + ".");
        }
    }

    private static List<Diagnostic> failure(List<ProviderDiagnostic> found,
                                            ResourceInstanceAddr addr, ResourceConfig rc, String fallback) {
        List<Diagnostic> diags = ProviderDiagnostics.convert(found, addr, rc);
        return hasErrors(diags) ? diags : List.of(Diagnostic.error(fallback));
    }

    private static String idOf(MapValue state) {
        return state.get("id").unmarked() instanceof StringValue sv ? sv.value() : "";
    }
}
