package dev.berth.engine.functions;

import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.MatchResult;

/**
 * regex and regexall. The result's shape follows the pattern: the whole match without capture
 * groups, a list of captures for unnamed groups, an object for named ones.
 */
final class RegexFunctions {
    private RegexFunctions() {
    }

    static List<Function> all() {
        return List.of(
                Fn.of("regex", List.of("pattern", "string"), a -> {
                    GoRegex re = compile(a);
                    MatchResult m = re.findFirst(a.string(1));
                    if (m == null) throw new FunctionException("pattern did not match any part of the given string");
                    return result(re, m);
                }),
                Fn.of("regexall", List.of("pattern", "string"), a -> {
                    GoRegex re = compile(a);
                    List<Value> out = new ArrayList<>();
                    for (MatchResult m : re.findAll(a.string(1))) out.add(result(re, m));
                    return new ListValue(out);
                }));
    }

    private static GoRegex compile(Args a) {
        GoRegex re;
        try {
            re = GoRegex.compile(a.string(0));
        } catch (IllegalArgumentException e) {
            throw a.invalid(0, "invalid regexp pattern: " + e.getMessage());
        }
        List<String> names = re.groupNames();
        boolean named = names.stream().anyMatch(n -> !n.isEmpty());
        boolean unnamed = names.stream().anyMatch(String::isEmpty);
        if (named && unnamed) {
            throw a.invalid(0, "invalid regexp pattern: cannot mix both named and unnamed capture groups");
        }
        return re;
    }

    private static Value result(GoRegex re, MatchResult m) {
        List<String> names = re.groupNames();
        if (names.isEmpty()) return new StringValue(m.group());
        if (names.get(0).isEmpty()) {
            List<Value> captures = new ArrayList<>();
            for (int g = 1; g <= names.size(); g++) captures.add(Value.of(m.group(g)));
            return new ListValue(captures);
        }
        TreeMap<String, Value> captures = new TreeMap<>();
        for (int g = 1; g <= names.size(); g++) captures.put(names.get(g - 1), Value.of(m.group(g)));
        return new MapValue(captures);
    }
}
