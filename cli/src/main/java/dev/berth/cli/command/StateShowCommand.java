package dev.berth.cli.command;

import dev.berth.cli.view.StateView;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "show", description = "Show a resource instance in the state.")
final class StateShowCommand extends WorkspaceCommand {
    @Parameters(paramLabel = "ADDRESS", arity = "1")
    String address;

    @Override
    int run(Workspace ws) {
        ResourceInstanceAddr addr = Addresses.parse(address);
        Addresses.requireState(ws);
        StateSnapshot state = ws.store().read();
        List<ResourceInstanceAddr> found = Addresses.matchingWithDeposed(state, addr);
        if (found.isEmpty()) {
            throw new Errors.UserError("No instance found for the given address: " + addr + " is not in the state"
                    + Addresses.whatExists(state));
        }
        if (found.size() > 1) {
            // Terraform's rule: state show prints one instance, so a counted resource needs its index.
            throw new Errors.UserError("Multiple instances found for the given address: " + addr + " has "
                    + found.size() + " instances (" + String.join(", ", found.stream().map(Object::toString).toList())
                    + "); give one of them.");
        }
        StateView view = new StateView(term.color());
        ResourceState rs = state.resources().get(found.get(0));
        if (rs != null) term.out().print(view.renderResource(rs));
        for (DeposedObject d : state.deposed()) {
            // Left behind by an interrupted create_before_destroy; the next apply destroys it.
            if (d.addr().equals(found.get(0))) term.out().print((rs != null ? "\n" : "") + view.renderDeposed(d));
        }
        return 0;
    }
}
