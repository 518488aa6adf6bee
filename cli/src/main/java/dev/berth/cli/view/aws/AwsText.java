package dev.berth.cli.view.aws;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The AWS CLI's text output (awscli/text.py): a structure's scalars on one tab-separated line
 * (sorted by key, under the upper-cased key that led to it), then its nested values; a list of
 * structures shares the union of their scalar keys as columns.
 */
public final class AwsText {
    private AwsText() {
    }

    public static String render(JsonNode response) {
        StringBuilder out = new StringBuilder();
        format(response, null, null, out);
        return out.toString();
    }

    private static void format(JsonNode item, String identifier, List<String> scalarKeys, StringBuilder out) {
        if (item.isObject()) {
            formatDict(scalarKeys, item, identifier, out);
        } else if (item.isArray()) {
            formatList(item, identifier, out);
        } else {
            out.append(PyStr.str(item)).append('\n');
        }
    }

    private static void formatList(JsonNode item, String identifier, StringBuilder out) {
        if (item.isEmpty()) return;
        boolean anyDict = false;
        boolean anyList = false;
        for (JsonNode el : item) {
            anyDict |= el.isObject();
            anyList |= el.isArray();
        }
        if (anyDict) {
            List<String> keys = allScalarKeys(item);
            for (JsonNode el : item) format(el, identifier, keys, out);
        } else if (anyList) {
            List<JsonNode> scalars = new ArrayList<>();
            List<JsonNode> nonScalars = new ArrayList<>();
            for (JsonNode el : item) (el.isContainerNode() ? nonScalars : scalars).add(el);
            if (!scalars.isEmpty()) formatScalarList(scalars, identifier, out);
            for (JsonNode n : nonScalars) format(n, identifier, null, out);
        } else {
            List<JsonNode> all = new ArrayList<>();
            item.forEach(all::add);
            formatScalarList(all, identifier, out);
        }
    }

    private static void formatScalarList(List<JsonNode> elements, String identifier, StringBuilder out) {
        if (identifier != null) {
            for (JsonNode el : elements) out.append(identifier.toUpperCase(java.util.Locale.ROOT)).append('\t').append(PyStr.str(el)).append('\n');
        } else {
            List<String> parts = new ArrayList<>();
            elements.forEach(e -> parts.add(PyStr.str(e)));
            out.append(String.join("\t", parts)).append('\n');
        }
    }

    private static void formatDict(List<String> scalarKeys, JsonNode item, String identifier, StringBuilder out) {
        List<String> scalars = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> nonScalars = new ArrayList<>();
        if (scalarKeys == null) {
            for (String key : new TreeSet<>(fieldNames(item))) {
                JsonNode value = item.get(key);
                if (value.isContainerNode()) nonScalars.add(Map.entry(key, value));
                else scalars.add(PyStr.str(value));
            }
        } else {
            for (String key : scalarKeys) scalars.add(item.has(key) ? PyStr.str(item.get(key)) : "");
            TreeSet<String> remaining = new TreeSet<>(fieldNames(item));
            remaining.removeAll(scalarKeys);
            for (String key : remaining) nonScalars.add(Map.entry(key, item.get(key)));
        }
        if (!scalars.isEmpty()) {
            if (identifier != null) scalars.add(0, identifier.toUpperCase(java.util.Locale.ROOT));
            out.append(String.join("\t", scalars)).append('\n');
        }
        for (Map.Entry<String, JsonNode> e : nonScalars) format(e.getValue(), e.getKey(), null, out);
    }

    private static List<String> allScalarKeys(JsonNode list) {
        TreeSet<String> keys = new TreeSet<>();
        for (JsonNode el : list) {
            if (!el.isObject()) continue;
            Iterator<Map.Entry<String, JsonNode>> it = el.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isContainerNode()) keys.add(e.getKey());
            }
        }
        return new ArrayList<>(keys);
    }

    private static List<String> fieldNames(JsonNode item) {
        List<String> names = new ArrayList<>();
        item.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
