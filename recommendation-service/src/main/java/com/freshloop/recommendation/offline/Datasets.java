package com.freshloop.recommendation.offline;

import com.freshloop.recommendation.model.Basket;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Loads the next-basket data sets following the protocols of shared/datasets/README.md. */
public final class Datasets {

    private static final DateTimeFormatter GROCERIES_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private Datasets() {}

    /** The data set directory: system property {@code freshloop.datasets}, else ../shared/datasets. */
    public static Path root() {
        return Path.of(System.getProperty(
                "freshloop.datasets", System.getenv().getOrDefault("FRESHLOOP_DATASETS", "../shared/datasets")));
    }

    /**
     * Ta-Feng as preprocessed by Li et al. (TOIS 2023). {@code path} is the directory holding
     * tafeng_history.json and tafeng_future.json, or the history file itself (the future file next to it).
     * Test users: integer id % 5 == 0, predicting their future basket. Baskets have no dates here, so a
     * basket's day is its position in the history.
     */
    public static NextBasketData tafeng(Path path) throws IOException {
        Path history = Files.isDirectory(path) ? path.resolve("tafeng_history.json") : path;
        Path future = history.resolveSibling(history.getFileName().toString().replace("history", "future"));
        Map<String, List<int[]>> past = BasketsJson.read(history);
        Map<String, List<int[]>> next = BasketsJson.read(future);
        int maxItem = -1;
        for (List<int[]> baskets : past.values()) {
            for (int[] basket : baskets) {
                for (int item : basket) {
                    maxItem = Math.max(maxItem, item);
                }
            }
        }
        for (List<int[]> baskets : next.values()) {
            for (int[] basket : baskets) {
                for (int item : basket) {
                    maxItem = Math.max(maxItem, item);
                }
            }
        }
        List<NextBasketData.User> users = new ArrayList<>(past.size());
        for (Map.Entry<String, List<int[]>> entry : past.entrySet()) {
            List<Basket> baskets = new ArrayList<>();
            for (int[] items : entry.getValue()) {
                baskets.add(new Basket(baskets.size(), items));
            }
            int[] target = null;
            if (Long.parseLong(entry.getKey()) % 5 == 0) {
                List<int[]> future1 = next.get(entry.getKey());
                if (future1 != null && !future1.isEmpty()) {
                    target = new Basket(0, future1.get(0)).items();
                }
            }
            users.add(new NextBasketData.User(entry.getKey(), List.copyOf(baskets), target));
        }
        List<String> labels = new ArrayList<>(maxItem + 1);
        for (int i = 0; i <= maxItem; i++) {
            labels.add(Integer.toString(i));
        }
        return new NextBasketData("Ta-Feng", maxItem + 1, labels, users);
    }

    /**
     * The Kaggle Groceries data set: a basket is one member on one date; members with at least 3
     * baskets; the target is the last basket, the history the earlier ones; test members are those with
     * Member_number % 5 == 0. The other members' last baskets are left out like Ta-Feng's futures.
     */
    public static NextBasketData groceries(Path csv) throws IOException {
        Map<Long, TreeMap<Integer, TreeSet<String>>> byMember = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("Member_number")) {
                throw new IOException(csv + " is not the Groceries data set (header " + header + ")");
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", 3);
                long member = Long.parseLong(cells[0].trim());
                int day = (int) LocalDate.parse(cells[1].trim(), GROCERIES_DATE).toEpochDay();
                String item = cells[2].trim();
                names.add(item);
                byMember.computeIfAbsent(member, m -> new TreeMap<>())
                        .computeIfAbsent(day, d -> new TreeSet<>())
                        .add(item);
            }
        }
        Map<String, Integer> ids = new HashMap<>();
        List<String> labels = new ArrayList<>(names);
        for (int i = 0; i < labels.size(); i++) {
            ids.put(labels.get(i), i);
        }
        List<NextBasketData.User> users = new ArrayList<>();
        for (Map.Entry<Long, TreeMap<Integer, TreeSet<String>>> member : byMember.entrySet()) {
            if (member.getValue().size() < 3) {
                continue;
            }
            List<Basket> baskets = new ArrayList<>();
            member.getValue()
                    .forEach((day, items) -> baskets.add(
                            new Basket(day, items.stream().mapToInt(ids::get).toArray())));
            Basket last = baskets.remove(baskets.size() - 1);
            int[] target = member.getKey() % 5 == 0 ? last.items() : null;
            users.add(new NextBasketData.User(member.getKey().toString(), List.copyOf(baskets), target));
        }
        return new NextBasketData("Groceries", labels.size(), labels, users);
    }

    /** Reads {"user": [[-1], [item, ...], ..., [-1]]}, dropping the [-1] sentinels; keeps file order. */
    static final class BasketsJson {

        private final String text;
        private int at;

        private BasketsJson(String text) {
            this.text = text;
        }

        static Map<String, List<int[]>> read(Path file) throws IOException {
            return new BasketsJson(Files.readString(file, StandardCharsets.UTF_8)).object();
        }

        static Map<String, List<int[]>> parse(String json) {
            return new BasketsJson(json).object();
        }

        private Map<String, List<int[]>> object() {
            Map<String, List<int[]>> users = new LinkedHashMap<>();
            expect('{');
            if (peek() == '}') {
                at++;
                return users;
            }
            do {
                String key = string();
                expect(':');
                users.put(key, baskets());
            } while (comma());
            expect('}');
            return users;
        }

        private List<int[]> baskets() {
            List<int[]> baskets = new ArrayList<>();
            expect('[');
            if (peek() == ']') {
                at++;
                return baskets;
            }
            do {
                int[] basket = ints();
                if (!(basket.length == 1 && basket[0] == -1)) {
                    baskets.add(basket);
                }
            } while (comma());
            expect(']');
            return baskets;
        }

        private int[] ints() {
            expect('[');
            List<Integer> values = new ArrayList<>();
            if (peek() == ']') {
                at++;
                return new int[0];
            }
            do {
                skipSpace();
                int start = at;
                while (at < text.length() && (text.charAt(at) == '-' || Character.isDigit(text.charAt(at)))) {
                    at++;
                }
                if (start == at) {
                    throw error("a number");
                }
                values.add(Integer.parseInt(text, start, at, 10));
            } while (comma());
            expect(']');
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        private String string() {
            expect('"');
            int start = at;
            while (at < text.length() && text.charAt(at) != '"') {
                at++;
            }
            if (at >= text.length()) {
                throw error("a closing quote");
            }
            return text.substring(start, at++);
        }

        private boolean comma() {
            if (peek() == ',') {
                at++;
                return true;
            }
            return false;
        }

        private char peek() {
            skipSpace();
            if (at >= text.length()) {
                throw error("more input");
            }
            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("expected " + expected + " at offset " + at);
        }
    }
}
