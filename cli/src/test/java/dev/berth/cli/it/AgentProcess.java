package dev.berth.cli.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** `berth agent` as a user runs it, started and waited for until it says it runs. */
final class AgentProcess implements AutoCloseable {
    private final BerthProcess process;

    private AgentProcess(BerthProcess process) {
        this.process = process;
    }

    static AgentProcess start(Path dir, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("agent", "-no-color"));
        args.addAll(List.of(extra));
        AgentProcess p = new AgentProcess(BerthProcess.start(dir, args.toArray(String[]::new)));
        p.await(l -> l.contains("agent started"), Duration.ofSeconds(20));
        return p;
    }

    String await(Predicate<String> test, Duration timeout) throws InterruptedException {
        return process.await(test, timeout);
    }

    String output() {
        return process.output();
    }

    Integer terminate(Duration within) throws InterruptedException {
        return process.terminate(within);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
