package dev.berth.cli.command;

import dev.berth.cli.view.DiagnosticRenderer;
import dev.berth.cli.view.Terminal;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.fmt.FormatResult;
import dev.berth.engine.fmt.HclFormatter;
import dev.berth.engine.fmt.UnifiedDiff;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * terraform fmt for berth: rewrites configuration files in the canonical layout. It reads no
 * state, so unlike the other commands it does not open a workspace.
 */
@Command(name = "fmt", description = "Rewrite configuration files to the canonical format and style.")
final class FmtCommand implements Callable<Integer> {
    /** Terraform's exit code for "-check found files that are not formatted". */
    static final int NOT_FORMATTED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "-check", description = "Check whether the files are formatted; write nothing and exit 3 if any is not.")
    boolean check;

    @Option(names = "-diff", description = "Display diffs of formatting changes.")
    boolean diff;

    @Option(names = "-recursive", description = "Also process files in subdirectories.")
    boolean recursive;

    @Option(names = "-list", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "List files whose formatting differs (default true).")
    boolean list = true;

    @Option(names = "-write", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Write the result to the source file instead of stdout (default true; false with -check).")
    boolean write = true;

    @Option(names = "-no-color", description = "Disable colour in the output.")
    boolean noColor;

    @Parameters(arity = "0..1", paramLabel = "DIR|FILE", description = "The directory or file to format (default: the working directory).")
    String target;

    private Terminal term;

    @Override
    public Integer call() {
        term = Terminal.of(spec.commandLine().getOut(), spec.commandLine().getErr(), noColor);
        Path base = ((BerthCommand) spec.root().userObject()).workingDir();
        Path display = target == null ? Path.of("") : Path.of(target);
        Path resolved = base.resolve(display);
        if (!Files.exists(resolved)) {
            return fail(List.of(Diagnostic.error("No file or directory at " + (target == null ? "." : target))), new SourceFiles());
        }
        List<Path> files = Files.isDirectory(resolved) ? ConfigFiles.in(resolved, recursive) : List.of(resolved);
        boolean unformatted = false;
        List<Diagnostic> errors = new ArrayList<>();
        SourceFiles sources = new SourceFiles();
        for (Path file : files) {
            String name = Files.isDirectory(resolved) ? display.resolve(resolved.relativize(file)).toString() : display.toString();
            String text = read(file);
            sources.put(name, text);
            FormatResult r = HclFormatter.format(name, text);
            if (!r.ok()) {
                errors.addAll(r.diagnostics());
                continue;
            }
            if (r.text().equals(text)) continue;
            unformatted = true;
            if (list) term.out().println(name);
            if (write && !check) writeFile(file, r.text());
            if (diff) term.out().print(UnifiedDiff.diff(diffName("old", name), diffName("new", name), text, r.text()));
            if (!write && !list && !diff) term.out().print(r.text());
        }
        term.out().flush();
        if (!errors.isEmpty()) return fail(errors, sources);
        return check && unformatted ? NOT_FORMATTED : 0;
    }

    private static String diffName(String side, String name) {
        return side + "/" + (name.startsWith("/") ? name.substring(1) : name);
    }

    private int fail(List<Diagnostic> diagnostics, SourceFiles sources) {
        term.err().print(new DiagnosticRenderer().render(diagnostics, sources, term.color()));
        term.err().flush();
        return 1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files fmt looks at in a directory: the same .hcl and .tf files the loader reads. */
    static final class ConfigFiles {
        private ConfigFiles() {
        }

        static List<Path> in(Path dir, boolean recursive) {
            try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
                return s.filter(Files::isRegularFile)
                        .filter(p -> isConfig(p.getFileName().toString()))
                        .filter(p -> !hidden(dir.relativize(p)))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean isConfig(String name) {
            return name.endsWith(".hcl") || name.endsWith(".tf");
        }

        /** Like terraform fmt, skip dot-directories (.terraform, .git) when walking. */
        private static boolean hidden(Path rel) {
            for (int i = 0; i < rel.getNameCount() - 1; i++) {
                if (rel.getName(i).toString().startsWith(".")) return true;
            }
            return false;
        }
    }
}
