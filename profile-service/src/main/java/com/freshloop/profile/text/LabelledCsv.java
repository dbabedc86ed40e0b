package com.freshloop.profile.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code label,review} files (label 1 = positive, 0 = negative; RFC 4180 quoting). */
public final class LabelledCsv {

    /** One row; {@code id} is the 0-based row index without the header. */
    public record Row(int id, boolean positive, String text) {}

    private LabelledCsv() {}

    public static List<Row> read(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> records = parse(content);
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.size() < 2) {
                throw new IOException(file + " row " + r + ": expected label,review");
            }
            String label = fields.get(0).trim();
            if (!label.equals("0") && !label.equals("1")) {
                throw new IOException(file + " row " + r + ": label must be 0 or 1, was '" + label + "'");
            }
            rows.add(new Row(rows.size(), label.equals("1"), String.join(",", fields.subList(1, fields.size()))));
        }
        return rows;
    }

    static List<List<String>> parse(String content) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
