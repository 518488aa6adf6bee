package dev.berth.cli.it;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * bin/berth starts from the AOT cache the build made. A JDK refuses a cache made with other
 * options (object headers, compressed pointers) without a word, since bin/berth silences its
 * notices, and every command would quietly start slower: this asks the JDK what it did. The build
 * makes the cache wherever a JDK 25 is; without one there is nothing to use, and the test skips,
 * except in CI (CI=true), whose machine has one, where it fails.
 */
@Tag("sqlite-only")
class AotCacheIT {
    @Test
    void bin_berthStartsFromTheCacheTheBuildMade() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path cache = target.resolve("aot/berth.aot");
        // bin/berth's own rule: a cache older than the jar (a build that left it out) is not used.
        boolean made = Files.isRegularFile(cache) && Files.getLastModifiedTime(cache.getParent())
                .compareTo(Files.getLastModifiedTime(target.resolve("berth.jar"))) > 0;
        String none = "the build made no AOT cache for this jar (no JDK 25 here, or -Dberth.aot.skip)";
        if ("true".equals(System.getenv("CI"))) assertTrue(made, "CI=true but " + none);
        assumeTrue(made, none);
        ProcessBuilder pb = new ProcessBuilder(Path.of("../bin/berth").toAbsolutePath().toString(), "version")
                .redirectErrorStream(true);
        pb.environment().put("BERTH_DAEMON", "off");
        // After bin/berth's own options, so the JDK's account of the cache is printed again.
        pb.environment().put("BERTH_JAVA_OPTS", "-Xlog:aot=info");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("Opened AOT cache " + cache), out);
        assertTrue(out.contains("Using AOT-linked classes: true"), out);
    }
}
