package com.freshloop.supply.forecast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The small CSV files operators supply to the forecast (holiday calendars, weather): a header that
 * must start with the expected columns, comma-separated trimmed fields, blank lines and {@code #}
 * comments skipped; a row the consumer rejects is an error naming the file kind and its line.
 */
final class CsvRows {

    /** Takes one row's fields; throws {@link IllegalArgumentException} for a malformed row. */
    @FunctionalInterface
    interface Row {
        void accept(String[] fields);
    }

    private CsvRows() {}

    static void read(Reader csv, String kind, String header, Row row) throws IOException {
        try (BufferedReader in = new BufferedReader(csv)) {
            String first = in.readLine();
            if (first == null || !first.toLowerCase(Locale.ROOT).startsWith(header)) {
                throw new IOException(kind + " CSV: the header must start with " + header);
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields =
                        Arrays.stream(line.split(",", -1)).map(String::trim).toArray(String[]::new);
                try {
                    row.accept(fields);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new IOException(kind + " CSV line " + number + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
