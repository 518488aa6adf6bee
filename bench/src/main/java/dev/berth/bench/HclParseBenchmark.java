package dev.berth.bench;

import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Parse time of one large configuration file: 10,000 resource blocks, about 3 MB. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HclParseBenchmark {

    @Param("10000")
    public int blocks;

    private String text;

    @Setup(Level.Trial)
    public void generate() {
        text = generate(blocks);
        ParseResult r = HclParser.parse("bench.tf", text);
        if (!r.diagnostics().isEmpty()) {
            throw new IllegalStateException("generated file does not parse: " + r.diagnostics().get(0));
        }
    }

    /** A realistic service block: attributes, a nested block, a template, a list, a map, comments. */
    static String generate(int blocks) {
        StringBuilder sb = new StringBuilder(blocks * 320);
        for (int i = 0; i < blocks; i++) {
            sb.append("# service ").append(i).append('\n')
              .append("resource \"ecs_service\" \"svc_").append(i).append("\" {\n")
              .append("  name   = \"svc-${var.env}-").append(i).append("\"\n")
              .append("  image  = \"app:").append(i % 17).append(".0\"\n")
              .append("  cpu    = ").append(256 * (1 + i % 4)).append('\n')
              .append("  memory = var.memory * 2 // headroom\n")
              .append("  ports  = [80, 443, ").append(8000 + i % 1000).append("]\n")
              .append("  labels = {\n")
              .append("    team = \"platform\"\n")
              .append("    tier = local.tiers[").append(i % 3).append("]\n")
              .append("  }\n")
              .append("  health_check {\n")
              .append("    path     = \"/healthz\"\n")
              .append("    interval = 30\n")
              .append("  }\n")
              .append("}\n");
        }
        return sb.toString();
    }

    @Benchmark
    public ParseResult parse() {
        return HclParser.parse("bench.tf", text);
    }
}
