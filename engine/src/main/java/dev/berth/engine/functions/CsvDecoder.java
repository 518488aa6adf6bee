package dev.berth.engine.functions;

import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * csvdecode: RFC 4180 as Go's encoding/csv reads it. The first record names the columns and
 * every later record must have the same number of fields; blank lines are skipped.
 */
final class CsvDecoder {
    private CsvDecoder() {
    }

    static Value decode(String text) {
        List<List<String>> records = parse(text);
        if (records.isEmpty()) throw new IllegalArgumentException("missing header line");
        List<String> header = records.get(0);
        List<Value> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException("record on line " + (r + 1) + ": wrong number of fields");
            }
            TreeMap<String, Value> row = new TreeMap<>();
            for (int c = 0; c < header.size(); c++) row.put(header.get(c), new StringValue(fields.get(c)));
            rows.add(new MapValue(row));
        }
        return new ListValue(rows);
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        int i = 0, line = 1, n = text.length();
        while (i < n) {
            if (text.charAt(i) == '\n' || text.startsWith("\r\n", i)) {
                i += text.charAt(i) == '\n' ? 1 : 2;
                line++;
                continue;
            }
            List<String> fields = new ArrayList<>();
            while (true) {
                StringBuilder field = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    int startLine = line;
                    i++;
                    while (true) {
                        if (i >= n) throw new IllegalArgumentException("record on line " + startLine
                                + ": extraneous or missing \" in quoted-field");
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n') line++;
                        field.append(c);
                        i++;
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && !text.startsWith("\r\n", i)) {
                        throw new IllegalArgumentException("parse error on line " + line
                                + ": extraneous or missing \" in quoted-field");
                    }
                } else {
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && !text.startsWith("\r\n", i)) {
                        if (text.charAt(i) == '"') {
                            throw new IllegalArgumentException("parse error on line " + line + ": bare \" in non-quoted-field");
                        }
                        field.append(text.charAt(i++));
                    }
                }
                fields.add(field.toString());
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                break;
            }
            records.add(fields);
        }
        return records;
    }
}
