package dev.berth.engine.functions;

import dev.berth.engine.value.Value;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The functions visible to configuration, with the shared rules for unknown and sensitive. */
public final class FunctionRegistry {
    private final Map<String, Function> byName = new TreeMap<>();
    /** Whether calls happen during apply, where timestamp() and uuid() have their values. */
    private final boolean applying;

    public FunctionRegistry(Collection<? extends Function> functions) {
        this(functions, false);
    }

    private FunctionRegistry(Collection<? extends Function> functions, boolean applying) {
        for (Function f : functions) byName.put(f.name(), f);
        this.applying = applying;
    }

    /**
     * This registry as apply uses it: functions that are unknown during plan (timestamp, uuid)
     * are called, so an output such as timestamp() is known, saved and printed after apply.
     */
    public FunctionRegistry atApply() {
        return new FunctionRegistry(byName.values(), true);
    }

    /** Every built-in function of the engine. */
    public static FunctionRegistry standard() {
        return new FunctionRegistry(StandardFunctions.all());
    }

    /** A registry with these functions added to (or replacing) this one's. */
    public FunctionRegistry with(Collection<? extends Function> more) {
        var all = new java.util.ArrayList<Function>(byName.values());
        all.addAll(more);
        return new FunctionRegistry(all, applying);
    }

    /**
     * This registry with its filesystem functions (fileexists, fileset, filemd5, ...) resolving
     * relative paths from {@code base}; a registry without them is returned as it is.
     */
    public FunctionRegistry withFilesIn(java.nio.file.Path base) {
        if (FilesystemFunctions.NAMES.stream().noneMatch(byName::containsKey)) return this;
        return with(FilesystemFunctions.in(base));
    }

    /** A function by name; Terraform's "core::" namespace names the same built-ins. */
    public Optional<Function> lookup(String name) {
        String plain = name.startsWith(CORE) ? name.substring(CORE.length()) : name;
        return Optional.ofNullable(byName.get(plain));
    }

    private static final String CORE = "core::";

    public SortedSet<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    /**
     * Calls a function by name with evaluated arguments. Unknown arguments give an unknown
     * result unless the function accepts them; a sensitive argument makes the result sensitive.
     */
    public Value call(Function f, List<Value> args) {
        if (f.seesMarks()) return f.call(args);
        boolean sensitive = false;
        boolean unknown = false;
        for (Value a : args) {
            sensitive |= a.containsSensitive();
            unknown |= !a.isWhollyKnown();
        }
        if ((f.unknownAtPlan() && !applying) || (unknown && !f.acceptsUnknown())) {
            // Not known yet, but whatever it turns out to be comes from the secret.
            return sensitive ? Value.sensitive(Value.unknown()) : Value.unknown();
        }
        if (!sensitive) return f.call(args);
        try {
            return Value.sensitive(f.call(args.stream().map(Value::unmarked).toList()));
        } catch (FunctionException e) {
            // The function's own message may quote the argument; a secret must not reach the terminal.
            throw new FunctionException(e.argIndex(), hidden(f));
        } catch (RuntimeException e) {
            // An unexpected failure's text is no safer than a deliberate one.
            throw new FunctionException(hidden(f));
        }
    }

    private static String hidden(Function f) {
        return "Invalid arguments for " + f.name() + ": the details are hidden because an argument is sensitive.";
    }
}
