package dev.berth.engine.functions;

import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * yamldecode: snakeyaml parses and composes the document (anchors, flow and block styles); plain
 * scalars are then resolved with the rules of Terraform's YAML library (go-cty-yaml): yes/no/on/off
 * and y/n are bools, decimals are exact and a leading zero is still decimal, 0x and 0o prefixes
 * are hex and octal (no sign, no underscores), and dates become RFC 3339 timestamps.
 */
final class YamlDecoder {
    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Resolver RESOLVER = new Resolver();
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})[Tt](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private YamlDecoder() {
    }

    static Value decode(String src) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(src));
        } catch (YAMLException e) {
            throw new IllegalArgumentException("on line " + firstLine(e.getMessage()));
        }
        if (root == null) throw new IllegalArgumentException("the YAML source contains no document");
        return convert(root);
    }

    private static String firstLine(String message) {
        return message == null ? "invalid YAML" : message.lines().findFirst().orElse(message);
    }

    private static Value convert(Node node) {
        if (node instanceof ScalarNode s) return scalar(s);
        if (node instanceof SequenceNode seq) {
            List<Value> items = new ArrayList<>();
            for (Node n : seq.getValue()) items.add(convert(n));
            return new ListValue(items);
        }
        MappingNode map = (MappingNode) node;
        Map<String, Value> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Value key = convert(t.getKeyNode());
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("<<") && k.isPlain()) {
                merge(entries, convert(t.getValueNode()));
                continue;
            }
            if (!(key instanceof StringValue || key instanceof NumberValue || key.getClass().isEnum()) || key.isNull()) {
                throw new IllegalArgumentException("only strings, numbers and bools can be mapping keys");
            }
            entries.put(key instanceof StringValue s ? s.value() : key.toString(), convert(t.getValueNode()));
        }
        return new MapValue(entries);
    }

    private static void merge(Map<String, Value> entries, Value from) {
        if (from instanceof MapValue m) {
            m.entries().forEach(entries::putIfAbsent);
        } else if (from instanceof ListValue l) {
            for (Value v : l.items()) merge(entries, v);
        } else {
            throw new IllegalArgumentException("map merge requires map or sequence of maps as the value");
        }
    }

    private static Value scalar(ScalarNode s) {
        String src = s.getValue();
        if (!s.isPlain()) return new StringValue(src);
        Tag tag = s.getTag();
        // A tag other than the one snakeyaml would infer was written in the document (!!str 1).
        if (!tag.equals(RESOLVER.resolve(NodeId.scalar, src, true))) return tagged(tag, src);
        if (NULL.contains(src)) return Value.nil();
        if (TRUE.contains(src)) return Value.of(true);
        if (FALSE.contains(src)) return Value.of(false);
        if (src.matches("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)")) {
            throw new IllegalArgumentException("cannot represent " + src + " as a number");
        }
        String timestamp = timestamp(src);
        if (timestamp != null) return new StringValue(timestamp);
        Value number = number(src);
        return number != null ? number : new StringValue(src);
    }

    /** Decimal numbers (exactly, as Terraform parses them), and unsigned 0x hex and 0o octal. */
    private static Value number(String src) {
        if (FLOAT.matcher(src).matches()) return new NumberValue(new BigDecimal(src.endsWith(".") ? src + "0" : src));
        int radix = src.startsWith("0x") ? 16 : src.startsWith("0o") ? 8 : 0;
        if (radix == 0) return null;
        String digits = src.substring(2);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) return null;
        return new NumberValue(new BigDecimal(new BigInteger(digits, radix)));
    }

    private static Value tagged(Tag tag, String src) {
        if (tag.equals(Tag.NULL)) return Value.nil();
        if (tag.equals(Tag.BOOL)) {
            if (TRUE.contains(src)) return Value.of(true);
            if (FALSE.contains(src)) return Value.of(false);
            throw new IllegalArgumentException("cannot decode " + Text.quote(src) + " as a bool");
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            Value n = number(src);
            if (n == null) throw new IllegalArgumentException("cannot decode " + Text.quote(src) + " as a number");
            return n;
        }
        return new StringValue(src);
    }

    private static String timestamp(String s) {
        Matcher d = DATE.matcher(s);
        if (d.matches()) {
            return String.format("%s-%02d-%02dT00:00:00Z", d.group(1), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3)));
        }
        Matcher t = TIMESTAMP.matcher(s);
        if (!t.matches()) return null;
        return String.format("%s-%02d-%02dT%02d:%02d:%02d%s", t.group(1), Integer.parseInt(t.group(2)),
                Integer.parseInt(t.group(3)), Integer.parseInt(t.group(4)), Integer.parseInt(t.group(5)),
                Integer.parseInt(t.group(6)), t.group(8).equals("+00:00") ? "Z" : t.group(8));
    }
}
