package com.freshloop.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Products derived from the data set's readable item names: a SKU (the name's slug), a category from
 * keyword rules and a deterministic unit price.
 *
 * <p>Category rules, applied to the name's words in this order, first match wins (so "fruit/vegetable
 * juice" is a drink and "frozen fish" seafood): eggs (egg, eggs); drinks (juice, water, soda, beer, wine,
 * coffee, tea, cocoa, liquor, liqueur, spirits, rum, whisky, brandy, prosecco, champagne, beverages,
 * drinks); dairy (milk, cheese, yogurt, curd, butter, cream, dessert, whipped); seafood (fish, seafood,
 * shrimps); meat (meat, beef, pork, chicken, turkey, ham, sausage, frankfurter, hamburger, liver, poultry);
 * bakery (bread, rolls, buns, pastry, cake, waffles, zwieback, bakery, rusk); vegetables (vegetables,
 * onions, potato, herbs, carrots, mushrooms); fruit (fruit, fruits, berries, grapes, citrus, bananas,
 * apples); everything else grocery (so "salad dressing" and "frozen meals" are grocery).
 */
public final class Catalog {

    private record Rule(String category, Set<String> words) {}

    private static final List<Rule> RULES = List.of(
            new Rule("eggs", Set.of("egg", "eggs")),
            new Rule(
                    "drinks",
                    Set.of(
                            "juice",
                            "water",
                            "soda",
                            "beer",
                            "wine",
                            "coffee",
                            "tea",
                            "cocoa",
                            "liquor",
                            "liqueur",
                            "spirits",
                            "rum",
                            "whisky",
                            "brandy",
                            "prosecco",
                            "champagne",
                            "beverages",
                            "drinks")),
            new Rule("dairy", Set.of("milk", "cheese", "yogurt", "curd", "butter", "cream", "dessert", "whipped")),
            new Rule("seafood", Set.of("fish", "seafood", "shrimps")),
            new Rule(
                    "meat",
                    Set.of(
                            "meat",
                            "beef",
                            "pork",
                            "chicken",
                            "turkey",
                            "ham",
                            "sausage",
                            "frankfurter",
                            "hamburger",
                            "liver",
                            "poultry")),
            new Rule(
                    "bakery",
                    Set.of("bread", "rolls", "buns", "pastry", "cake", "waffles", "zwieback", "bakery", "rusk")),
            new Rule("vegetables", Set.of("vegetables", "onions", "potato", "herbs", "carrots", "mushrooms")),
            new Rule("fruit", Set.of("fruit", "fruits", "berries", "grapes", "citrus", "bananas", "apples")));

    /** Every category the catalogue knows, in rule order, grocery last. */
    public static final List<String> CATEGORIES =
            List.of("dairy", "eggs", "vegetables", "fruit", "meat", "seafood", "bakery", "drinks", "grocery");

    private Catalog() {}

    /** The category of an item name by the keyword rules above. */
    public static String category(String itemName) {
        List<String> words = List.of(itemName.toLowerCase(Locale.ROOT).split("[^a-z]+"));
        for (Rule rule : RULES) {
            for (String word : words) {
                if (rule.words().contains(word)) {
                    return rule.category();
                }
            }
        }
        return "grocery";
    }

    /** The SKU: the name's slug, e.g. {@code rolls/buns} becomes {@code rolls-buns}. */
    public static String sku(String itemName) {
        String slug =
                itemName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "item";
        }
        return slug.length() > 64 ? slug.substring(0, 64) : slug;
    }

    /**
     * The unit price in CNY: a base per category times a factor 0.7 to 1.3 from a hash of the name, rounded
     * to 0.1, so the same item always costs the same.
     */
    public static BigDecimal unitPrice(String itemName) {
        double base = switch (category(itemName)) {
            case "dairy" -> 9;
            case "eggs" -> 16;
            case "vegetables" -> 7;
            case "fruit" -> 12;
            case "meat" -> 32;
            case "seafood" -> 42;
            case "bakery" -> 8;
            case "drinks" -> 7;
            default -> 14;
        };
        double factor = 0.7 + Hashing.unit("price", itemName) * 0.6;
        return BigDecimal.valueOf(base * factor).setScale(1, RoundingMode.HALF_UP);
    }
}
