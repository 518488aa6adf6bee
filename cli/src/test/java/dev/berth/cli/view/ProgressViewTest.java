package dev.berth.cli.view;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.run.RunHooks;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The refresh's lines, printed one by one or a batch at once, in color and without. */
class ProgressViewTest {
    private static final ResourceInstanceAddr WEB = new ResourceInstanceAddr(new ResourceAddr("ecs_service", "web"),
            InstanceKey.NONE);
    private static final ResourceInstanceAddr APP = new ResourceInstanceAddr(
            new ResourceAddr("ecs_task_definition", "app"), new InstanceKey.Index(2));

    @Test
    void aBatchOfRefreshesPrintsTheLinesOfEachInOrder() {
        for (boolean color : List.of(false, true)) {
            StringWriter one = new StringWriter();
            ProgressView byOne = view(one, color);
            byOne.refreshing(WEB, "arn:aws:ecs:us-east-1:000000000000:service/demo/web");
            byOne.refreshing(APP, "");

            StringWriter batch = new StringWriter();
            view(batch, color).refreshing(List.of(
                    new RunHooks.Refreshing(WEB, "arn:aws:ecs:us-east-1:000000000000:service/demo/web"),
                    new RunHooks.Refreshing(APP, "")));

            assertEquals(one.toString(), batch.toString());
            if (!color) {
                assertEquals(List.of(
                        "ecs_service.web: Refreshing state... [id=arn:aws:ecs:us-east-1:000000000000:service/demo/web]",
                        "ecs_task_definition.app[2]: Refreshing state..."), batch.toString().lines().toList());
            }
        }
    }

    private static ProgressView view(StringWriter out, boolean color) {
        return new ProgressView(new Terminal(new PrintWriter(out, true), new PrintWriter(new StringWriter()), color));
    }
}
