package dev.berth.cli.command;

import dev.berth.cli.ecs.ApiSource;
import dev.berth.cli.ecs.EcsSession;
import dev.berth.cli.view.ClusterPictureView;
import dev.berth.cli.wiring.EcsApis;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.console.WorldPicture;
import dev.berth.ecs.console.WorldReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/**
 * {@code berth cluster show [NAME]}: the picture the web console draws, in the terminal, from the
 * control plane store (or a {@code berth server}, with {@code --endpoint-url} or
 * BERTH_ECS_ENDPOINT), read through the same Describe and List actions.
 */
@Command(name = "cluster", description = "Show clusters as the web console draws them.",
        subcommands = {ClusterCommand.Show.class})
final class ClusterCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", description = "Print a cluster's zones, instances (with CPU and memory bars and their tasks), services and stopped tasks; every cluster without NAME.")
    static final class Show implements Callable<Integer> {
        /** A pipe or a log has no width of its own: two ordinary boxes fit side by side in this. */
        private static final int PLAIN_WIDTH = 120;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "A cluster name or ARN (default: every cluster).")
        String name;

        @Option(names = {"--endpoint-url", "-endpoint-url"}, paramLabel = "URL",
                description = "Read from the berth server at URL (default: BERTH_ECS_ENDPOINT, else the control plane store).")
        String endpoint;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            BerthCommand root = (BerthCommand) spec.root().userObject();
            boolean terminal = dev.berth.cli.wiring.Caller.hasConsole();
            int width = width(root, terminal);
            EcsSession session = new EcsSession(root.workingDir().toAbsolutePath(), ZoneId.systemDefault(), root.env(),
                    terminal, width);
            String url = endpoint != null ? endpoint : root.env().get("BERTH_ECS_ENDPOINT");
            WorldPicture picture;
            try (ApiSource.Handle api = new EcsApis(session).open(url)) {
                WorldReader reader = new WorldReader(api.api());
                picture = name == null ? reader.read() : reader.read(name);
            } catch (EcsException e) {
                if (EcsException.CLUSTER_NOT_FOUND.equals(e.errorName())) {
                    throw new Errors.UserError("No cluster named \"" + name + "\".");
                }
                throw new Errors.UserError(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            ClusterPictureView view = new ClusterPictureView(terminal ? ClusterPictureView.Glyphs.UNICODE
                    : ClusterPictureView.Glyphs.ASCII, width, Instant.now());
            out.print(view.render(picture));
            out.flush();
            return 0;
        }

        private static int width(BerthCommand root, boolean terminal) {
            String columns = root.env().get("COLUMNS");
            if (columns != null && columns.matches("\\d{2,4}")) return Integer.parseInt(columns);
            return terminal ? EcsApis.session().terminalWidth() : PLAIN_WIDTH;
        }
    }
}
