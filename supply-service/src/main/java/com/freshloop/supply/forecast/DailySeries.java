package com.freshloop.supply.forecast;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily unit series per item from a {@code Member_number,Date,itemDescription} transaction file
 * (one row per unit, dates {@code dd-mm-yyyy}); days without sales are zeros.
 *
 * @param start the first day of every series
 * @param series item name to daily units, best sellers first
 */
public record DailySeries(LocalDate start, Map<String, double[]> series) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** The {@code top} best-selling items (ties broken by name) over the file's whole date range. */
    public static DailySeries read(Path csv, int top) throws IOException {
        record Row(String item, LocalDate date) {}
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException("empty file " + csv);
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                int a = line.indexOf(',');
                int b = line.indexOf(',', a + 1);
                String item = line.substring(b + 1).trim();
                if (item.length() > 1 && item.startsWith("\"") && item.endsWith("\"")) {
                    item = item.substring(1, item.length() - 1);
                }
                rows.add(new Row(item, LocalDate.parse(line.substring(a + 1, b).trim(), DATE)));
            }
        }
        LocalDate first =
                rows.stream().map(Row::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last =
                rows.stream().map(Row::date).max(Comparator.naturalOrder()).orElseThrow();
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        Map<String, double[]> all = new HashMap<>();
        for (Row r : rows) {
            all.computeIfAbsent(r.item(), k -> new double[days])[(int) ChronoUnit.DAYS.between(first, r.date())]++;
        }
        Map<String, double[]> best = new LinkedHashMap<>();
        all.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -sum(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(top)
                .forEach(e -> best.put(e.getKey(), e.getValue()));
        return new DailySeries(first, best);
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
