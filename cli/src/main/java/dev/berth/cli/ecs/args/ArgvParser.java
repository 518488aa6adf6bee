package dev.berth.cli.ecs.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * argparse as the AWS CLI uses it for one operation: long options matched exactly, by
 * {@code --name=value} or by an unambiguous prefix ({@code --cluster} for {@code --clusters}, the
 * spelling ECS guides use), list options taking every value up to the next option, the last of a
 * repeated option winning, required options checked, and whatever is left reported as
 * "Unknown options: ...".
 */
public final class ArgvParser {
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("^-\\d+$|^-\\d*\\.\\d+$");

    private final List<Option> options;
    private final Map<String, Option> byFlag = new LinkedHashMap<>();

    public ArgvParser(List<Option> options) {
        this.options = options;
        for (Option o : options) byFlag.put(o.flag(), o);
    }

    public ParsedArgs parse(List<String> args) {
        if (args.size() == 1 && args.get(0).equals("help")) {
            return new ParsedArgs(Map.of(), Map.of(), Map.of(), true);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        Map<String, Boolean> flags = new LinkedHashMap<>();
        Map<String, List<String>> settings = new LinkedHashMap<>();
        List<String> extras = new ArrayList<>();
        String stray = null;
        List<Option> seen = new ArrayList<>();
        boolean onlyPositionals = false;
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (!onlyPositionals && arg.equals("--")) {
                onlyPositionals = true;
                i++;
                continue;
            }
            Match m = onlyPositionals ? null : match(arg);
            if (m == null) {
                if (stray == null) stray = arg;
                else extras.add(arg);
                i++;
                continue;
            }
            if (m.option == null) {
                extras.add(arg);
                i++;
                continue;
            }
            Option o = m.option;
            seen.add(o);
            i++;
            List<String> values = new ArrayList<>();
            switch (o.arity()) {
                case NONE -> {
                    if (m.explicit != null) {
                        throw CliError.usage("argument " + o.flag() + ": ignored explicit argument " + PyInt.pyRepr(m.explicit));
                    }
                }
                case ONE -> {
                    if (m.explicit != null) values.add(m.explicit);
                    else if (i < args.size() && isValue(args.get(i), onlyPositionals)) values.add(args.get(i++));
                    else throw CliError.usage("argument " + o.flag() + ": expected one argument");
                }
                case OPTIONAL -> {
                    if (m.explicit != null) values.add(m.explicit);
                    else if (i < args.size() && isValue(args.get(i), onlyPositionals)) values.add(args.get(i++));
                }
                case MANY -> {
                    if (m.explicit != null) values.add(m.explicit);
                    else while (i < args.size() && isValue(args.get(i), onlyPositionals)) values.add(args.get(i++));
                }
            }
            if (o.arity() == Option.Arity.NONE) {
                flags.put(o.dest(), o.bool());
            } else if (o.apiParam()) {
                params.put(o.dest(), values);
            } else {
                settings.put(o.dest(), values);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Option o : options) {
            if (o.required() && seen.stream().noneMatch(s -> s.dest().equals(o.dest()))) missing.add(o.flag());
        }
        if (!missing.isEmpty()) {
            throw CliError.usage("the following arguments are required: " + String.join(", ", missing));
        }
        if (stray != null && stray.equals("help")) return new ParsedArgs(params, flags, settings, true);
        if (stray != null) extras.add(stray);
        if (!extras.isEmpty()) throw CliError.usage("Unknown options: " + String.join(", ", extras));
        return new ParsedArgs(params, flags, settings, false);
    }

    private record Match(Option option, String explicit) {
    }

    /** argparse's view of one argument: null for a positional, an unknown option, or a known one. */
    private Match match(String arg) {
        if (!arg.startsWith("-") || arg.equals("-")) return null;
        Option exact = byFlag.get(arg);
        if (exact != null) return new Match(exact, null);
        int eq = arg.indexOf('=');
        if (eq > 0 && byFlag.containsKey(arg.substring(0, eq))) {
            return new Match(byFlag.get(arg.substring(0, eq)), arg.substring(eq + 1));
        }
        if (arg.startsWith("--")) {
            String prefix = eq > 0 ? arg.substring(0, eq) : arg;
            List<Option> candidates = options.stream().filter(o -> o.flag().startsWith(prefix)).toList();
            if (candidates.size() > 1) {
                throw CliError.usage("ambiguous option: " + prefix + " could match "
                        + String.join(", ", candidates.stream().map(Option::flag).toList()));
            }
            if (candidates.size() == 1) return new Match(candidates.get(0), eq > 0 ? arg.substring(eq + 1) : null);
        }
        if (NEGATIVE_NUMBER.matcher(arg).matches()) return null;
        if (arg.contains(" ")) return null;
        return new Match(null, null);
    }

    private boolean isValue(String arg, boolean onlyPositionals) {
        if (onlyPositionals) return true;
        if (arg.equals("--")) return false;
        return match(arg) == null;
    }
}
