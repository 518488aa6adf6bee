package dev.berth.engine.config;

import dev.berth.engine.diag.Suggestions;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.memo.LastRead;
import dev.berth.engine.memo.TextDigest;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.ConfigFile;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads every configuration file of a directory ({@code *.hcl}, and {@code *.tf} so Terraform
 * files port as they are) and decodes the top-level blocks. Every problem of every file is
 * collected; none stops the others from being found.
 */
public final class ConfigLoader {
    static final List<String> BLOCK_TYPES = List.of("data", "locals", "moved", "output", "provider", "resource",
            "terraform", "variable");

    private final SourceFiles sources;
    private final StaticEvaluator statics;

    public ConfigLoader(SourceFiles sources, StaticEvaluator statics) {
        this.sources = sources;
        this.statics = statics;
    }

    public record Result(Config config, List<Diagnostic> diagnostics) {
    }

    public Result load(Path dir) {
        Diagnostics diags = new Diagnostics();
        Map<String, Source> files = new LinkedHashMap<>();
        for (Path p : configFiles(dir, diags)) {
            try {
                files.put(dir.relativize(p).toString(), LastRead.keepsAcrossReads()
                        ? new Source(p, null, TextDigest.ofFile(p)) : new Source(p, read(p), null));
            } catch (IOException e) {
                diags.error("Cannot read configuration file " + p + ": " + e.getMessage(), "", null);
            }
        }
        return parse(dir, files, diags);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /**
     * A configuration file: its text, or where to read it and the digest of its bytes (which, for
     * a file that reads as UTF-8, is the digest of its text). A background berth reads a file's
     * text only when its digest is not the last parse's: the 42 MB text of 100,000 resources, read
     * on every plan and alive to its end, was promoted to the old generation by every plan.
     */
    private record Source(Path path, String text, TextDigest digest) {
    }

    /**
     * Loads configuration from file texts held in memory (a saved plan's snapshot) as if they
     * were the files of {@code dir}; names are as {@link #load(Path)} gives them, so diagnostics
     * point at the same file names. {@code dir} still anchors path.module and file functions.
     */
    public Result load(Path dir, Map<String, String> files) {
        Diagnostics diags = new Diagnostics();
        if (files.isEmpty()) {
            diags.add(Diagnostic.error("No configuration files", "The saved configuration holds no files.", null));
        }
        Map<String, Source> sourced = new TreeMap<>();
        files.forEach((name, text) -> sourced.put(name, new Source(null, text,
                LastRead.keepsAcrossReads() ? TextDigest.of(text) : null)));
        return parse(dir, sourced, diags);
    }

    /** The digest of a configuration file's text and what parsing it gave. */
    private record Parsed(TextDigest text, ParseResult result) {
    }

    /**
     * The files the last load of this process parsed, by name with their text: a background
     * berth loads one directory plan after plan, and a file's syntax tree depends on its name and
     * text alone.
     */
    private static final LastRead<String, Parsed> PARSED = new LastRead<>();

    private Result parse(Path dir, Map<String, Source> sourced, Diagnostics diags) {
        List<ConfigFile> files = new ArrayList<>();
        LastRead.Pass<String, Parsed> parsing = PARSED.begin();
        sourced.forEach((name, source) -> {
            Parsed parsed = parsing.last(name);
            if (parsed != null && parsed.text().equals(source.digest())) {
                if (source.text() != null) sources.put(name, source.text());
                else sources.putUnread(name, source.path(), source.digest());
            } else {
                String text = source.text();
                TextDigest digest = source.digest();
                try {
                    if (text == null) {
                        text = read(source.path());
                        // Digested again: the file may have changed since its bytes were digested.
                        digest = TextDigest.of(text);
                    }
                } catch (IOException e) {
                    diags.error("Cannot read configuration file " + source.path() + ": " + e.getMessage(), "", null);
                    return;
                }
                sources.put(name, text);
                parsed = new Parsed(digest, HclParser.parse(name, text));
            }
            parsing.keep(name, parsed);
            diags.addAll(parsed.result().diagnostics());
            files.add(parsed.result().file());
        });
        parsing.end();
        return new Result(decode(dir, files, diags), diags.list());
    }

    private static List<Path> configFiles(Path dir, Diagnostics diags) {
        if (!Files.isDirectory(dir)) {
            diags.error("Configuration directory " + dir + " does not exist.", "", null);
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> {
                String n = p.getFileName().toString();
                return Files.isRegularFile(p) && (n.endsWith(".hcl") || n.endsWith(".tf"));
            }).sorted().toList();
            if (found.isEmpty()) {
                diags.add(Diagnostic.error("No configuration files",
                        "berth found no *.hcl or *.tf files in " + dir.toAbsolutePath().normalize() + ".", null));
            }
            return found;
        } catch (IOException e) {
            diags.error("Cannot list configuration directory " + dir + ": " + e.getMessage(), "", null);
            return List.of();
        }
    }

    /** A resource block and what decoding it gave. */
    private record Decoded(Block block, ResourceConfig config) {
    }

    /**
     * The resource blocks the last load of this process decoded, by type and name. A block the
     * parse memo gave back is the very syntax tree decoded before; a resource without a lifecycle
     * block decodes from that tree alone (labels, meta-arguments and the references it makes),
     * so the same tree gives the same resource. One with a lifecycle block evaluates its settings
     * and is decoded every time, and so is one whose decode found a problem, which must be
     * reported again.
     */
    private static final LastRead<String, Decoded> RESOURCES = new LastRead<>();

    private Config decode(Path dir, List<ConfigFile> files, Diagnostics diags) {
        Map<String, VariableConfig> variables = new LinkedHashMap<>();
        Map<String, LocalConfig> locals = new LinkedHashMap<>();
        Map<String, OutputConfig> outputs = new LinkedHashMap<>();
        Map<ResourceAddr, ResourceConfig> resources = new LinkedHashMap<>();
        List<MovedConfig> moved = new ArrayList<>();
        BlockDecoder blocks = new BlockDecoder(statics, diags);
        SettingsDecoder settings = new SettingsDecoder(diags, statics);
        LastRead.Pass<String, Decoded> decoding = RESOURCES.begin();
        for (ConfigFile f : files) {
            for (Attribute a : f.body().attributes()) {
                diags.error("Unsupported argument: an argument named \"" + a.name() + "\" is not expected at the top level.",
                        "Top-level arguments are not allowed; put them inside a block such as locals.", a.nameRange());
            }
            for (Block b : f.body().blocks()) {
                switch (b.type()) {
                    case "variable" -> blocks.variable(b).ifPresent(v ->
                            putUnique(variables, v.name(), v, v.range(), "variable", diags));
                    case "locals" -> blocks.locals(b).forEach(l ->
                            putUnique(locals, l.name(), l, l.range(), "local value", diags));
                    case "output" -> blocks.output(b).ifPresent(o ->
                            putUnique(outputs, o.name(), o, o.range(), "output", diags));
                    case "resource" -> resource(b, blocks, decoding, diags).ifPresent(r ->
                            putUnique(resources, r.addr(), r, r.range(), "resource", diags));
                    case "data" -> blocks.data(b).ifPresent(r ->
                            putUnique(resources, r.addr(), r, r.range(), "data resource", diags));
                    case "moved" -> blocks.moved(b).ifPresent(moved::add);
                    case "terraform" -> settings.terraform(b);
                    case "provider" -> settings.provider(b);
                    default -> diags.error("Unsupported block type: blocks of type \"" + b.type()
                                    + "\" are not expected here." + Suggestions.didYouMean(b.type(), BLOCK_TYPES),
                            "Valid block types are: " + String.join(", ", BLOCK_TYPES) + ".", b.typeRange());
                }
            }
        }
        decoding.end();
        return new Config(dir, files, variables, locals, outputs, resources, moved, settings.providers(),
                settings.backend());
    }

    private static Optional<ResourceConfig> resource(Block b, BlockDecoder blocks, LastRead.Pass<String, Decoded> decoding,
                                                     Diagnostics diags) {
        if (b.labels().size() != 2 || !b.body().blocks("lifecycle").isEmpty()) return blocks.resource(b);
        int before = diags.size();
        List<ResourceConfig> made = new ArrayList<>(1);
        Decoded d = decoding.get(b.labels().get(0) + "." + b.labels().get(1), was -> was.block() == b, key -> {
            blocks.resource(b).ifPresent(made::add);
            return made.size() == 1 && diags.size() == before ? new Decoded(b, made.get(0)) : null;
        });
        // Not kept: decoded just now, with its problems reported.
        return d != null ? Optional.of(d.config()) : made.stream().findFirst();
    }

    private static <K, V> void putUnique(Map<K, V> map, K key, V value, SourceRange range, String what,
                                         Diagnostics diags) {
        V previous = map.putIfAbsent(key, value);
        if (previous != null) {
            SourceRange first = rangeOf(previous);
            diags.error("Duplicate " + what + " \"" + key + "\": it was already declared at "
                    + first.file() + ":" + first.line() + "," + first.column() + ".", "", range);
        }
    }

    private static SourceRange rangeOf(Object o) {
        if (o instanceof VariableConfig v) return v.range();
        if (o instanceof LocalConfig l) return l.range();
        if (o instanceof OutputConfig out) return out.range();
        if (o instanceof ResourceConfig r) return r.range();
        return SourceRange.NONE;
    }
}
