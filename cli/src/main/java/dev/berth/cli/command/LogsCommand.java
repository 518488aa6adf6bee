package dev.berth.cli.command;

import dev.berth.cli.view.LogLinesView;
import dev.berth.cli.wiring.Workspace;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.logs.LogSources;
import dev.berth.ecs.logs.LogSources.Source;
import dev.berth.ecs.logs.LogTail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code berth logs SERVICE|TASK}: what the containers of a service's tasks (running, and those
 * stopped within the hour) or of one task wrote, from berth's log store (awslogs, splunk), in
 * the control plane this directory's configuration uses. {@code -f} follows until Ctrl-C, taking
 * in the tasks that replace others as they start.
 */
@Command(name = "logs", description = "Print what a service's or task's containers wrote (awslogs and splunk output, kept by berth).")
final class LogsCommand extends WorkspaceCommand {
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How often a followed service is looked up again, for tasks that replaced others. */
    private static final int REFIND_EVERY = 3;

    @Parameters(arity = "0..1", paramLabel = "SERVICE|TASK", description = "A service name, or a task ARN or id.")
    String target;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only lines of the last DURATION (e.g. 10m, 1h30m).")
    String since;

    @Option(names = "--container", paramLabel = "NAME", description = "Only this container's lines.")
    String container;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Look only in this cluster (default: every cluster).")
    String cluster;

    @Option(names = "--create-group", paramLabel = "GROUP",
            description = "Create an awslogs log group, as CloudWatch's CreateLogGroup does, and exit.")
    String createGroup;

    @Override
    int run(Workspace ws) {
        ws.loadConfig();
        if (createGroup != null) {
            ws.logs().store().createGroup(createGroup);
            term.out().println("Created log group " + createGroup + " in " + ws.logs().store().root() + ".");
            return 0;
        }
        if (target == null) throw new Errors.UserError("Name a service or a task: berth logs SERVICE|TASK.");
        Instant cutoff = since == null ? null : Instant.now().minus(Durations.parse(since, "--since"));
        EcsApi api = new ControlPlane(ws.ecsStore(), ws.runtimes());
        LogSources sources = new LogSources(api);
        LogTail tail = new LogTail(ws.logs(), ws.runtimes());
        PrintWriter out = term.out();
        Set<String> announced = new HashSet<>();
        try {
            List<Source> found = sources.find(target, cluster, container);
            print(tail, found, cutoff, announced);
            if (!follow) return 0;
            CountDownLatch stop = new CountDownLatch(1);
            try (Interrupts signals = Interrupts.onSignal(stop::countDown)) {
                for (int round = 1; !await(stop); round++) {
                    if (round % REFIND_EVERY == 0) found = sources.find(target, cluster, container);
                    print(tail, found, cutoff, announced);
                }
            }
            return 0;
        } catch (EcsException e) {
            throw new Errors.UserError(e.getMessage());
        } finally {
            out.flush();
        }
    }

    private void print(LogTail tail, List<Source> sources, Instant cutoff, Set<String> announced) {
        for (Source s : sources) {
            if (!s.kept() && announced.add(s.taskArn() + "/" + s.container())) {
                term.err().println(LogLinesView.notKept(s.container(), s.taskId(), s.driver(), s.runtimeId()));
            }
        }
        term.err().flush();
        for (LogTail.Entry e : tail.next(sources, cutoff)) {
            term.out().println(LogLinesView.line(e.line().time(), e.source().container(), e.source().taskId(),
                    e.line().text()));
        }
        term.out().flush();
    }

    private static boolean await(CountDownLatch stop) {
        try {
            return stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
