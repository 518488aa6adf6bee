package dev.berth.cli.view.aws;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The AWS CLI's table output (TableFormatter in awscli/formatter.py): the operation name as the
 * title, a section per nested structure or list, scalar keys sorted as column headers, and, when
 * the widest section does not fit the terminal (80 columns when output is not a terminal), every
 * one-row section turned into key/value rows.
 */
public final class AwsTable {
    private final TableLayout table;

    private AwsTable(TableLayout table) {
        this.table = table;
    }

    /** {@code wide} tells which code points take two columns; {@code colour} uses the AWS CLI's colours. */
    public static String render(String operation, JsonNode response, int terminalWidth, IntPredicate wide,
                                boolean colour) {
        AwsTable t = new AwsTable(new TableLayout(terminalWidth, wide, colour));
        if (!t.build(operation, response, 0)) return "";
        return t.table.render();
    }

    private static boolean falsy(JsonNode v) {
        if (v == null || v.isNull()) return true;
        if (v.isContainerNode()) return v.isEmpty();
        if (v.isTextual()) return v.textValue().isEmpty();
        if (v.isBoolean()) return !v.booleanValue();
        if (v.isNumber()) return v.doubleValue() == 0;
        return false;
    }

    private boolean build(String title, JsonNode current, int indent) {
        if (falsy(current)) return false;
        if (title != null) table.newSection(title, indent);
        if (current.isArray()) {
            if (current.get(0).isObject()) {
                subTableFromList(current, indent, title);
            } else {
                for (JsonNode item : current) {
                    if (!item.isContainerNode()) {
                        table.addRow(List.of(PyStr.str(item)));
                    } else if (allScalar(item)) {
                        List<String> row = new ArrayList<>();
                        item.forEach(x -> row.add(PyStr.str(x)));
                        table.addRow(row);
                    } else {
                        build(null, item, 0);
                    }
                }
            }
        }
        if (current.isObject()) subTableFromDict(current, indent);
        return true;
    }

    private static boolean allScalar(JsonNode item) {
        if (item.isObject()) {
            // Python iterates a dict's keys here; keys are always scalars.
            return true;
        }
        for (JsonNode x : item) if (x.isContainerNode()) return false;
        return true;
    }

    private void subTableFromDict(JsonNode current, int indent) {
        List<String> headers = new ArrayList<>();
        List<String> more = new ArrayList<>();
        groupScalarKeys(current, headers, more);
        if (headers.size() == 1) {
            table.addRow(List.of(headers.get(0), PyStr.str(current.get(headers.get(0)))));
        } else if (!headers.isEmpty()) {
            table.addRowHeader(headers);
            List<String> row = new ArrayList<>();
            headers.forEach(h -> row.add(PyStr.str(current.get(h))));
            table.addRow(row);
        }
        for (String remaining : more) build(remaining, current.get(remaining), indent + 1);
    }

    private void subTableFromList(JsonNode current, int indent, String title) {
        TreeSet<String> headerSet = new TreeSet<>();
        TreeSet<String> moreSet = new TreeSet<>();
        for (JsonNode item : current) {
            List<String> h = new ArrayList<>();
            List<String> m = new ArrayList<>();
            groupScalarKeys(item, h, m);
            headerSet.addAll(h);
            moreSet.addAll(m);
        }
        List<String> headers = new ArrayList<>(headerSet);
        List<String> more = new ArrayList<>(moreSet);
        table.addRowHeader(headers);
        boolean first = true;
        for (JsonNode element : current) {
            if (!first && !more.isEmpty()) {
                table.newSection(title, indent);
                table.addRowHeader(headers);
            }
            first = false;
            List<String> row = new ArrayList<>();
            headers.forEach(h -> row.add(element.has(h) ? PyStr.str(element.get(h)) : ""));
            table.addRow(row);
            for (String remaining : more) {
                if (element.has(remaining)) build(remaining, element.get(remaining), indent + 1);
            }
        }
    }

    private static void groupScalarKeys(JsonNode current, List<String> headers, List<String> more) {
        Iterator<String> names = current.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            (current.get(name).isContainerNode() ? more : headers).add(name);
        }
        headers.sort(null);
        more.sort(null);
    }
}
