package dev.berth.engine.run;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gathers input variable values from everywhere Terraform looks, later sources overriding
 * earlier ones: {@code BERTH_VAR_name} environment variables, {@code berth.tfvars},
 * {@code *.auto.tfvars} in lexical order, then the {@code -var} and {@code -var-file} options in
 * the order they were given.
 */
public final class VariableSources {
    public static final String ENV_PREFIX = "BERTH_VAR_";

    private VariableSources() {
    }

    /** One -var or -var-file option, kept in command-line order: a later one wins, as in Terraform. */
    public sealed interface Given {
        record Var(String text) implements Given {
        }

        record File(Path path) implements Given {
        }
    }

    public static Map<String, VariableValues.Raw> collect(Path dir, Map<String, String> env, List<Given> commandLine,
                                                          SourceFiles sources, Diagnostics diags) {
        Map<String, VariableValues.Raw> out = new LinkedHashMap<>();
        env.entrySet().stream().filter(e -> e.getKey().startsWith(ENV_PREFIX)).sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey().substring(ENV_PREFIX.length()),
                        new VariableValues.Raw(e.getValue(), "the environment variable " + e.getKey(), false)));
        Path defaults = dir.resolve("berth.tfvars");
        if (Files.isRegularFile(defaults)) readFile(dir, defaults, sources, out, diags);
        autoFiles(dir, diags).forEach(f -> readFile(dir, f, sources, out, diags));
        for (Given g : commandLine) {
            if (g instanceof Given.File f) readVarFile(dir, f.path(), sources, out, diags);
            else setVar(((Given.Var) g).text(), out, diags);
        }
        return out;
    }

    private static void readVarFile(Path dir, Path f, SourceFiles sources, Map<String, VariableValues.Raw> out,
                                    Diagnostics diags) {
        Path p = dir.resolve(f);
        if (!Files.isRegularFile(p)) {
            diags.add(Diagnostic.error("Failed to read variables file: " + f + " does not exist.",
                    "The -var-file path is relative to the working directory " + dir + ".", null));
            return;
        }
        readFile(dir, p, sources, out, diags);
    }

    private static void setVar(String g, Map<String, VariableValues.Raw> out, Diagnostics diags) {
        int eq = g.indexOf('=');
        if (eq <= 0) {
            diags.add(Diagnostic.error("Invalid -var option: \"" + g + "\" is not a variable name and value "
                    + "separated by an equals sign, like -var=\"key=value\"."));
            return;
        }
        out.put(g.substring(0, eq).trim(), new VariableValues.Raw(g.substring(eq + 1), "-var", false));
    }

    private static List<Path> autoFiles(Path dir, Diagnostics diags) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".auto.tfvars")).sorted().toList();
        } catch (IOException e) {
            diags.add(Diagnostic.error("Cannot list " + dir + " for *.auto.tfvars files: " + e.getMessage()));
            return List.of();
        }
    }

    /** A variables file holds only attributes; each is an expression evaluated without references. */
    private static void readFile(Path dir, Path file, SourceFiles sources, Map<String, VariableValues.Raw> out,
                                 Diagnostics diags) {
        String name = dir.relativize(file).toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diags.add(Diagnostic.error("Failed to read variables file " + name + ": " + e.getMessage()));
            return;
        }
        sources.put(name, text);
        ParseResult parsed = HclParser.parse(name, text);
        diags.addAll(parsed.diagnostics());
        if (parsed.hasErrors()) return;
        parsed.file().body().blocks().forEach(b -> diags.error("Unexpected \"" + b.type() + "\" block: a variables "
                + "file may only assign values, like name = \"value\".", "", b.typeRange()));
        for (Attribute a : parsed.file().body().attributes()) {
            out.put(a.name(), VariableValues.Raw.parsed(a.expr(), name));
        }
    }
}
