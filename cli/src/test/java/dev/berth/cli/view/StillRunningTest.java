package dev.berth.cli.view;

import dev.berth.cli.view.json.stream.HookMessages;
import dev.berth.cli.view.json.stream.UiStream;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Still creating..." heartbeat, human and JSON, against Terraform 1.11.4's lines for a
 * resource 11 s slow to create and to destroy ({@code slow.tf} in terraform-json-ui). Ticks and
 * time are driven by the test: nothing sleeps.
 */
class StillRunningTest {
    static final ResourceInstanceAddr SLOW = new ResourceInstanceAddr(new ResourceAddr("terraform_data", "slow"),
            InstanceKey.NONE);
    static final String ID = "00000000-0000-0000-0000-000000000000";

    /** A clock the test moves and a ticker whose ticks the test fires. */
    static final class Manual extends Clock {
        Instant now = Instant.parse("2006-01-02T15:04:05.000000Z");
        final List<Runnable> tasks = new ArrayList<>();
        final List<Duration> intervals = new ArrayList<>();

        StillRunning.Timing timing() {
            return new StillRunning.Timing(StillRunning.INTERVAL, (interval, task) -> {
                intervals.add(interval);
                tasks.add(task);
                return () -> tasks.remove(task);
            }, this);
        }

        /** Moves time on by the interval and fires what is still scheduled. */
        void tick() {
            now = now.plus(StillRunning.INTERVAL);
            List.copyOf(tasks).forEach(Runnable::run);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static List<String> lines(String capture, String containing) {
        return JsonStreamParityTest.capture(capture).lines().filter(l -> l.contains(containing)).toList();
    }

    @Test
    void theHumanViewSaysStillCreatingAndStillDestroyingEveryTenSecondsAsTerraform() {
        Manual m = new Manual();
        StringWriter out = new StringWriter();
        ProgressView view = new ProgressView(new Terminal(new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                false), m.timing());

        view.applying(SLOW, Action.CREATE, "");
        m.tick();
        m.now = m.now.plusSeconds(1);
        view.applied(SLOW, Action.CREATE, Duration.ofSeconds(11), ID);
        m.tick();
        view.applying(SLOW, Action.DELETE, ID);
        m.tick();
        view.applied(SLOW, Action.DELETE, Duration.ofSeconds(11), "");

        assertEquals(List.of(StillRunning.INTERVAL, StillRunning.INTERVAL), m.intervals, "Terraform's 10 s");
        List<String> expected = new ArrayList<>(lines("12-apply-slow.txt", "terraform_data.slow: "));
        expected.addAll(lines("13-destroy-slow.txt", "terraform_data.slow: "));
        expected.removeIf(l -> l.contains("Provisioning") || l.contains("Refreshing"));
        assertEquals(expected, out.toString().lines().toList());
    }

    @Test
    void theJsonViewSendsApplyProgressEveryTenSecondsAsTerraform() {
        Manual m = new Manual();
        StringWriter out = new StringWriter();
        UiStream ui = new UiStream(new PrintWriter(out, true), m);
        HookMessages hooks = new HookMessages(ui, m.timing());

        hooks.applying(SLOW, Action.CREATE, "");
        m.tick();
        hooks.applied(SLOW, Action.CREATE, Duration.ofSeconds(11), ID);
        hooks.applying(SLOW, Action.DELETE, ID);
        m.tick();
        m.now = m.now.plusSeconds(1);
        hooks.applied(SLOW, Action.DELETE, Duration.ofSeconds(11), "");
        m.tick();

        List<String> expected = new ArrayList<>(lines("10-apply-slow.jsonl", "\"@message\":\"terraform_data.slow: "));
        expected.addAll(lines("11-destroy-slow.jsonl", "\"@message\":\"terraform_data.slow: "));
        expected.removeIf(l -> l.contains("\"type\":\"provision_") || l.contains("\"type\":\"refresh_")
                || l.contains("\"type\":\"planned_change\""));
        // The clock moved on, so the messages carry their own times; the oracle's were normalised.
        assertEquals(expected, out.toString().lines().map(l -> l.replaceAll("\"@timestamp\":\"[^\"]*\"",
                "\"@timestamp\":\"2006-01-02T15:04:05.000000Z\"")).toList());
        assertTrue(out.toString().contains("\"@timestamp\":\"2006-01-02T15:04:15.000000Z\",\"hook\""), out::toString);
    }

    @Test
    void aModificationAndAReadSayWhatTheyAreAndAFinishedOneSaysNothingMore() {
        Manual m = new Manual();
        StringWriter out = new StringWriter();
        ProgressView view = new ProgressView(new Terminal(new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                false), m.timing());
        ResourceInstanceAddr data = new ResourceInstanceAddr(ResourceAddr.data("ecs_task_definition", "app"),
                InstanceKey.NONE);

        view.applying(SLOW, Action.UPDATE, "arn:x");
        view.reading(data);
        m.tick();
        m.tick();
        view.applied(SLOW, Action.UPDATE, Duration.ofSeconds(25), "arn:x");
        view.read(data, Duration.ofSeconds(25), "");
        m.tick();

        assertEquals(List.of("terraform_data.slow: Modifying... [id=arn:x]", "data.ecs_task_definition.app: Reading...",
                "terraform_data.slow: Still modifying... [id=arn:x, 10s elapsed]",
                "data.ecs_task_definition.app: Still reading... [10s elapsed]",
                "terraform_data.slow: Still modifying... [id=arn:x, 20s elapsed]",
                "data.ecs_task_definition.app: Still reading... [20s elapsed]",
                "terraform_data.slow: Modifications complete after 25s [id=arn:x]",
                "data.ecs_task_definition.app: Read complete after 25s"), out.toString().lines().toList());
        assertEquals(List.of(), m.tasks, "nothing left ticking");
    }

    @Test
    void aLongIdIsShortenedInTheMiddleAsTerraformDoes() {
        String arn = "arn:aws:ecs:local:000000000000:service/a-cluster-with-a-long-name/a-service-with-an-even-longer-name";
        String shown = ProgressView.shortenId(arn);
        assertEquals(80, shown.length());
        assertTrue(shown.startsWith(arn.substring(0, 39) + "..."), shown);
        assertTrue(shown.endsWith(arn.substring(arn.length() - 38)), shown);
        assertEquals("short", ProgressView.shortenId("short"));
    }

    @Test
    void durationsAreWrittenAsGoWritesThem() {
        assertEquals("0s", StillRunning.goDuration(Duration.ZERO));
        assertEquals("59s", StillRunning.goDuration(Duration.ofSeconds(59)));
        assertEquals("1m0s", StillRunning.goDuration(Duration.ofSeconds(60)));
        assertEquals("1h0m5s", StillRunning.goDuration(Duration.ofSeconds(3605)));
    }
}
