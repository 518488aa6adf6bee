package dev.berth.engine.functions;

import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Terraform's filesystem functions other than file and templatefile (which the evaluator owns).
 * Relative paths are resolved from {@code base}, the directory Terraform would run in: the root
 * module's directory, whatever -chdir pointed at.
 */
final class FilesystemFunctions {
    static final Set<String> NAMES = Set.of("abspath", "fileexists", "fileset", "filebase64", "filemd5", "filesha1",
            "filesha256", "filesha512", "filebase64sha256", "filebase64sha512");

    private FilesystemFunctions() {
    }

    /** Functions that need no directory: pure path arithmetic as Go's path/filepath does it. */
    static List<Function> pure() {
        return List.of(
                Fn.of("basename", List.of("path"), a -> str(GoPath.base(a.string(0)))),
                Fn.of("dirname", List.of("path"), a -> str(GoPath.dir(a.string(0)))),
                Fn.of("pathexpand", List.of("path"), a -> str(expandHome(a.string(0)))));
    }

    /** The functions that read files or resolve paths, bound to a base directory. */
    static List<Function> in(Path base) {
        return List.of(
                Fn.of("abspath", List.of("path"), a -> str(GoPath.clean(
                        base.toAbsolutePath().normalize().resolve(path(a.string(0))).toString().replace('\\', '/')))),
                Fn.of("fileexists", List.of("path"), a -> fileexists(base, a)).varying(),
                Fn.of("fileset", List.of("path", "pattern"), a -> fileset(base, a)).varying(),
                Fn.of("filebase64", List.of("path"), a -> str(Base64.getEncoder().encodeToString(read(base, a)))).varying(),
                hex("filemd5", "MD5", base), hex("filesha1", "SHA-1", base), hex("filesha256", "SHA-256", base),
                hex("filesha512", "SHA-512", base),
                Fn.of("filebase64sha256", List.of("path"), a -> str(Base64.getEncoder().encodeToString(
                        HashFunctions.digest("SHA-256", read(base, a))))).varying(),
                Fn.of("filebase64sha512", List.of("path"), a -> str(Base64.getEncoder().encodeToString(
                        HashFunctions.digest("SHA-512", read(base, a))))).varying());
    }

    private static Function hex(String name, String algorithm, Path base) {
        return Fn.of(name, List.of("path"), a -> str(HexFormat.of().formatHex(HashFunctions.digest(algorithm, read(base, a)))))
                .varying();
    }

    private static Value str(String s) {
        return new StringValue(s);
    }

    static String expandHome(String p) {
        if (p.startsWith("~") && !p.equals("~") && !p.startsWith("~/")) {
            throw new FunctionException("cannot expand user-specific home dir");
        }
        if (!p.equals("~") && !p.startsWith("~/")) return p;
        return System.getProperty("user.home") + p.substring(1);
    }

    private static Path resolve(Path base, String p) {
        return base.resolve(path(expandHome(p)));
    }

    /** The path named by {@code p}; a name no file can have (a NUL character) is the function's error. */
    static Path path(String p) {
        try {
            return Path.of(p);
        } catch (java.nio.file.InvalidPathException e) {
            throw new FunctionException(Text.quote(p) + " is not a path a file can have: " + e.getReason());
        }
    }

    private static byte[] read(Path base, Args a) {
        String name = a.string(0);
        try {
            return Files.readAllBytes(resolve(base, name));
        } catch (NoSuchFileException e) {
            throw a.invalid(0, "no file exists at " + Text.quote(name) + "; this function works only with files that "
                    + "are distributed as part of the configuration source code");
        } catch (IOException e) {
            throw a.invalid(0, "failed to read file " + Text.quote(name) + ": " + e.getMessage());
        }
    }

    private static Value fileexists(Path base, Args a) {
        String name = a.string(0);
        Path p = resolve(base, name);
        if (!Files.exists(p)) return Value.of(false);
        if (Files.isDirectory(p)) throw new FunctionException(Text.quote(name) + " is a directory, not a file");
        return Value.of(true);
    }

    /** The files under path matching pattern, relative to path, sorted, with / separators. */
    private static Value fileset(Path base, Args a) {
        String dir = a.string(0);
        Glob glob;
        try {
            glob = Glob.compile(a.string(1));
        } catch (IllegalArgumentException e) {
            throw a.invalid(1, "failed to glob pattern " + Text.quote(a.string(1)) + ": " + e.getMessage());
        }
        Path root = resolve(base, dir);
        TreeSet<String> found = new TreeSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(p -> {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if (glob.matches(rel)) found.add(rel);
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new FunctionException("failed to glob pattern " + Text.quote(a.string(1)) + ": " + e.getMessage());
            }
        }
        List<Value> out = new ArrayList<>();
        for (String f : found) out.add(str(f));
        return new ListValue(out);
    }
}
