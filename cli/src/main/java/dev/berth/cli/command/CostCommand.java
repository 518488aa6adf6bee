package dev.berth.cli.command;

import dev.berth.cli.view.RunningCostView;
import dev.berth.cli.view.json.JsonDocs;
import dev.berth.cli.view.json.RunningCostJson;
import dev.berth.cli.wiring.Workspace;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.cost.PriceList;
import dev.berth.ecs.cost.PriceListException;
import dev.berth.ecs.cost.RunningCost;
import dev.berth.ecs.cost.RunningCosts;
import dev.berth.engine.diag.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.List;

/**
 * {@code berth cost}: prices what the control plane runs now, whoever started it: every task
 * not stopped and every ACTIVE or DRAINING container instance, at the configuration's prices
 * ({@code provider "ecs" { prices }}, else the built-in list). The world rather than the state,
 * because the bill is for what runs, and only the world knows when each task started.
 */
@Command(name = "cost", description = "Price what runs now: the control plane's tasks and container instances, "
        + "a month at today's rate and what they have cost so far.")
final class CostCommand extends WorkspaceCommand {
    @Option(names = "-json", description = "Print the costs as one JSON document.")
    boolean json;

    @Override
    int run(Workspace ws) {
        ws.loadConfig();
        PriceList prices;
        try {
            prices = ws.prices().get();
        } catch (PriceListException e) {
            return fail(List.of(Diagnostic.error(e.summary(), e.detail(), null)), ws);
        }
        RunningCost rc;
        try {
            rc = new RunningCosts(ws.ecsApi(), prices, Clock.systemUTC()).now();
        } catch (EcsException e) {
            return fail(List.of(Diagnostic.error(e.getMessage())), ws);
        }
        term.out().print(json ? JsonDocs.print(RunningCostJson.of(rc, ws.ecsWorldName()))
                : RunningCostView.render(rc, ws.ecsWorldName(), term.color()));
        return 0;
    }
}
