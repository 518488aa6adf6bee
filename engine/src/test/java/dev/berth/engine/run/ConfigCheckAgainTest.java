package dev.berth.engine.run;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.memo.LastRead;
import dev.berth.engine.testkit.ResidentJvm;
import dev.berth.engine.testkit.TestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A background berth checks an unchanged configuration once: the next check of the very same
 * blocks and resources answers with the graph it built. An edit is checked afresh, a problem is
 * reported on every check, and a JVM of its own keeps nothing.
 */
@ExtendWith(ResidentJvm.class)
class ConfigCheckAgainTest {
    private static final String TWO = """
            variable "size" {
              default = 1
            }

            resource "fake_thing" "a" {
              name = "a"
              size = var.size
            }

            resource "fake_thing" "b" {
              name = "b"
            }
            """;

    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void newEngine() {
        engine = new TestEngine(dir);
    }


    private ConfigGraph check(Config config, Diagnostics diags) {
        return ConfigCheck.check(config, engine.providers, diags);
    }

    private static Set<GraphNode> dependenciesOf(ConfigGraph g, String name) {
        return g.dag().dependenciesOf(new GraphNode.Resource(new ResourceAddr("fake_thing", name)));
    }

    @Test
    void anUnchangedConfigurationIsCheckedOnceAndAnEditedOneAgain() {
        Diagnostics diags = new Diagnostics();
        ConfigGraph first = check(engine.configure(TWO), diags);
        ConfigGraph second = check(engine.configure(TWO), diags);
        assertSame(first, second);
        assertEquals(0, diags.size(), diags.list().toString());

        ConfigGraph edited = check(engine.configure(TWO.replace("name = \"b\"", "name = fake_thing.a.name")), diags);
        assertNotSame(first, edited);
        assertEquals(Set.of(new GraphNode.Resource(new ResourceAddr("fake_thing", "a"))), dependenciesOf(edited, "b"));
        assertEquals(Set.of(), dependenciesOf(first, "b"));
        assertEquals(0, diags.size(), diags.list().toString());
    }

    @Test
    void aProblemIsReportedOnEveryCheck() {
        String broken = TWO.replace("name = \"b\"", "name = \"b\"\n  sise = 2");
        Diagnostics first = new Diagnostics();
        check(engine.configure(broken), first);
        Diagnostics second = new Diagnostics();
        check(engine.configure(broken), second);
        assertEquals(1, first.size(), first.list().toString());
        assertEquals(first.list(), second.list());
        assertTrue(second.list().get(0).summary().contains("sise"), second.list().toString());
    }

    @Test
    void aJvmOfItsOwnChecksEveryTime() {
        LastRead.keepAcrossReads(false);
        Diagnostics diags = new Diagnostics();
        assertNotSame(check(engine.configure(TWO), diags), check(engine.configure(TWO), diags));
    }
}
