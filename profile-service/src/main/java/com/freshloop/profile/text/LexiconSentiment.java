package com.freshloop.profile.text;

import java.util.List;

/**
 * The fallback when no trained model is installed: counts positive and negative cue words (Chinese
 * and English), with a negator flipping the next cue. Much weaker than the trained NB-LR model; it
 * keeps text analysis working on a machine where the model has not been trained yet.
 */
public final class LexiconSentiment implements SentimentClassifier {

    private static final List<String> POSITIVE = List.of(
            "好吃",
            "很好",
            "不错",
            "满意",
            "新鲜",
            "快",
            "准时",
            "热情",
            "推荐",
            "棒",
            "赞",
            "喜欢",
            "划算",
            "实惠",
            "good",
            "great",
            "fresh",
            "fast",
            "quick",
            "love",
            "excellent",
            "friendly",
            "tasty",
            "perfect",
            "nice");
    private static final List<String> NEGATIVE = List.of(
            "难吃",
            "差",
            "慢",
            "太久",
            "超时",
            "凉了",
            "不新鲜",
            "坏了",
            "烂",
            "臭",
            "贵",
            "少",
            "洒",
            "漏",
            "态度恶劣",
            "失望",
            "投诉",
            "退款",
            "bad",
            "slow",
            "late",
            "cold",
            "rotten",
            "stale",
            "expensive",
            "rude",
            "broken",
            "spilled",
            "terrible",
            "awful",
            "disappointed",
            "never");
    private static final List<String> NEGATORS = List.of("不", "没", "没有", "not", "no", "never");

    @Override
    public double positive(String text) {
        String norm = TextFeatures.normalise(text);
        int score = 0;
        for (String cue : POSITIVE) {
            score += occurrences(norm, cue) * (negated(norm, cue) ? -1 : 1);
        }
        for (String cue : NEGATIVE) {
            score -= occurrences(norm, cue);
        }
        return 1.0 / (1.0 + Math.exp(-score));
    }

    @Override
    public String version() {
        return "lexicon-fallback";
    }

    private static int occurrences(String text, String cue) {
        int n = 0;
        for (int i = text.indexOf(cue); i >= 0; i = text.indexOf(cue, i + cue.length())) {
            n++;
        }
        return n;
    }

    private static boolean negated(String text, String cue) {
        int i = text.indexOf(cue);
        if (i < 0) {
            return false;
        }
        String before = text.substring(Math.max(0, i - 4), i);
        return NEGATORS.stream().anyMatch(before::endsWith)
                || NEGATORS.stream().anyMatch(n -> before.endsWith(n + " "));
    }
}
