package dev.berth.ecs.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static dev.berth.ecs.fuzz.UserMessages.requireReadable;

/**
 * Hostile ECS API requests through {@code berth server}'s request handling, in process (no
 * socket): the first line of an input is the action (what follows X-Amz-Target's prefix), the
 * rest is the JSON body. Each input meets a fresh control plane on an in-memory store with a
 * fake container runtime. A reply of ECS's ServerException (something failed inside berth) is
 * a finding; so is a message that shows Java's names. Seeds are botocore's ECS examples.
 */
class EcsRequestFuzzTest {
    @FuzzTest(maxDuration = "20s")
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void request(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String action = nl < 0 ? text : text.substring(0, nl);
        byte[] body = (nl < 0 ? "" : text.substring(nl + 1)).getBytes(StandardCharsets.UTF_8);
        ControlPlane plane = new ControlPlane(new MemoryStore(), host -> new FakeRuntime());
        ActionHandler handler = new ActionHandler(plane, EcsHttpServer.MAX_BODY, null, line -> { });
        ActionHandler.Reply reply = handler.reply("POST", "/", Wire.TARGET_PREFIX + action, body);
        if (EcsException.SERVER.equals(reply.errorName())) {
            throw new AssertionError(action + " failed inside berth: " + reply.body());
        }
        if (reply.errorName() != null) requireReadable(reply.body(), text);
    }
}
