package com.freshloop.profile.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a review, a service chat message or a return reason: overall sentiment, then each clause
 * that mentions an aspect gets the polarity of that clause, so "快递很快，但是鸡蛋碎了" is happy about
 * delivery speed and unhappy about packaging. Positive clauses about a product kind become
 * preferences. The result is turned into profile tags: {@code unhappy:<aspect>},
 * {@code happy:<aspect>}, {@code prefers:<kind>}.
 */
public final class ReviewAnalyzer {

    static final double NEGATIVE_BELOW = 0.4;
    static final double POSITIVE_ABOVE = 0.6;

    private static final Pattern CLAUSES = Pattern.compile("[，,。.!！?？;；\\n]+|但是|但|不过|\\bbut\\b|\\bhowever\\b");

    /** Product kinds a shopper can show a preference for, with their cue words. */
    static final Map<String, List<String>> PREFERENCES = new LinkedHashMap<>();

    static {
        PREFERENCES.put(
                "imported_fruit",
                List.of("进口水果", "车厘子", "牛油果", "奇异果", "imported fruit", "cherries", "avocado", "kiwi"));
        PREFERENCES.put("organic", List.of("有机", "organic"));
        PREFERENCES.put("seafood", List.of("海鲜", "虾", "鱼", "螃蟹", "seafood", "shrimp", "prawns", "fish", "crab"));
        PREFERENCES.put("steak", List.of("牛排", "steak"));
        PREFERENCES.put("dairy", List.of("牛奶", "酸奶", "奶酪", "milk", "yogurt", "yoghurt", "cheese"));
        PREFERENCES.put("vegetables", List.of("蔬菜", "青菜", "vegetables", "greens"));
        PREFERENCES.put("eggs", List.of("鸡蛋", "土鸡蛋", "eggs"));
    }

    /** One aspect with its polarity: -1 unhappy, +1 happy. */
    public record AspectOpinion(Aspect aspect, int polarity) {}

    /**
     * @param positive probability that the whole text is positive
     * @param aspects the aspects with a clear polarity
     * @param preferences product kinds spoken of positively
     */
    public record Analysis(double positive, List<AspectOpinion> aspects, Set<String> preferences) {

        public List<String> tags() {
            List<String> tags = new ArrayList<>();
            for (AspectOpinion opinion : aspects) {
                tags.add((opinion.polarity() < 0 ? "unhappy:" : "happy:")
                        + opinion.aspect().code());
            }
            preferences.forEach(p -> tags.add("prefers:" + p));
            return tags;
        }
    }

    private final SentimentClassifier sentiment;

    public ReviewAnalyzer(SentimentClassifier sentiment) {
        this.sentiment = sentiment;
    }

    public String modelVersion() {
        return sentiment.version();
    }

    /**
     * @param text the text
     * @param rating star rating 1-5 if the text is a review, else null; a 1-2 star review makes an
     *     undecided clause negative, a 5 star review positive
     */
    public Analysis analyse(String text, Integer rating) {
        double overall = sentiment.positive(text);
        Map<Aspect, Integer> aspects = new LinkedHashMap<>();
        Set<String> preferences = new LinkedHashSet<>();
        for (String clause : CLAUSES.split(TextFeatures.normalise(text))) {
            String trimmed = clause.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int polarity = polarity(sentiment.positive(trimmed), rating);
            if (polarity == 0) {
                continue;
            }
            for (Aspect aspect : Aspect.values()) {
                if (aspect.mentionedIn(trimmed)) {
                    // negative news wins over positive for the same aspect in one text
                    aspects.merge(aspect, polarity, Math::min);
                }
            }
            if (polarity > 0) {
                PREFERENCES.forEach((kind, cues) -> {
                    if (cues.stream().anyMatch(trimmed::contains)) {
                        preferences.add(kind);
                    }
                });
            }
        }
        List<AspectOpinion> opinions = new ArrayList<>();
        aspects.forEach((aspect, polarity) -> opinions.add(new AspectOpinion(aspect, polarity)));
        return new Analysis(overall, opinions, preferences);
    }

    static int polarity(double positive, Integer rating) {
        if (positive < NEGATIVE_BELOW) {
            return -1;
        }
        if (positive > POSITIVE_ABOVE) {
            return 1;
        }
        if (rating != null && rating <= 2) {
            return -1;
        }
        if (rating != null && rating == 5) {
            return 1;
        }
        return 0;
    }
}
