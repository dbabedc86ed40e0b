package com.freshloop.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the Kaggle "Groceries dataset" ({@code Member_number,Date,itemDescription}, date {@code dd-mm-yyyy},
 * one row per item) into baskets, a basket being one member on one date. Never copied into the repository:
 * the path comes from the {@code freshloop.datasets} property.
 */
public final class GroceriesDataset {

    public static final String RELATIVE_PATH = "groceries/Groceries_dataset.csv";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private GroceriesDataset() {}

    /** One parsed row, or empty for the header and malformed rows. */
    record Row(int member, LocalDate date, String item) {}

    static Optional<Row> parseLine(String line) {
        String[] parts = line.split(",", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            int member = Integer.parseInt(parts[0].trim());
            LocalDate date = LocalDate.parse(parts[1].trim(), DATE);
            String item = parts[2].trim();
            if (item.startsWith("\"") && item.endsWith("\"") && item.length() >= 2) {
                item = item.substring(1, item.length() - 1);
            }
            return item.isEmpty() ? Optional.empty() : Optional.of(new Row(member, date, item));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The data-set file under a data-set root, if it exists. */
    public static Optional<Path> locate(Path datasets) {
        Path file = datasets.resolve(RELATIVE_PATH);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Every basket, grouped by member (ascending member number) and in date order within a member. */
    public static Map<Integer, List<Basket>> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return group(reader.lines().toList());
        }
    }

    static Map<Integer, List<Basket>> group(List<String> lines) {
        Map<Integer, TreeMap<LocalDate, List<String>>> byMember = new TreeMap<>();
        for (String line : lines) {
            parseLine(line)
                    .ifPresent(row -> byMember.computeIfAbsent(row.member(), m -> new TreeMap<>())
                            .computeIfAbsent(row.date(), d -> new ArrayList<>())
                            .add(row.item()));
        }
        Map<Integer, List<Basket>> baskets = new TreeMap<>();
        byMember.forEach((member, days) -> {
            List<Basket> list = new ArrayList<>();
            days.forEach((date, items) -> list.add(new Basket(member, date, List.copyOf(items))));
            baskets.put(member, List.copyOf(list));
        });
        return baskets;
    }
}
