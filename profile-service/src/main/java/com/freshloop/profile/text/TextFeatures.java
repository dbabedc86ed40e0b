package com.freshloop.profile.text;

import com.huaban.analysis.jieba.JiebaSegmenter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a review or chat message (Chinese or English) into the set of its features: character
 * 1- to 3-grams ({@code c1:}..{@code c3:}), word 1- and 2-grams for Latin text ({@code w1:},
 * {@code w2:}), jieba word 1- and 2-grams ({@code j1:}, {@code j2:}), and, when the text has more
 * than one clause, character 1- and 2-grams of its last clause ({@code L1:}, {@code L2:}: reviews
 * often end on their verdict, "好吃，就是太慢了"). Text is normalised first (full-width to half-width,
 * lower case, digits folded) so that "５分钟" and "5分钟" are the same feature.
 */
public final class TextFeatures {

    static final int MAX_CHARS = 1_000;
    static final int MAX_N = 3;
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,。.！!？?；;~～、\\s]+");

    private TextFeatures() {}

    public static String normalise(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(Math.min(folded.length(), MAX_CHARS));
        for (int i = 0; i < folded.length() && sb.length() < MAX_CHARS; i++) {
            char c = folded.charAt(i);
            if (Character.isDigit(c)) {
                sb.append('0');
            } else if (Character.isWhitespace(c)) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString().trim();
    }

    /** The distinct features of a text (binary bag of n-grams). */
    public static Set<String> of(String text) {
        String norm = normalise(text);
        Set<String> features = new LinkedHashSet<>();
        String compact = "^" + norm.replace(" ", "") + "$";
        for (int n = 1; n <= MAX_N; n++) {
            for (int i = 0; i + n <= compact.length(); i++) {
                String gram = compact.substring(i, i + n);
                if (n == 1 && (gram.equals("^") || gram.equals("$"))) {
                    continue;
                }
                if (n > 1 || !isLatinLetter(gram.charAt(0))) {
                    features.add("c" + n + ":" + gram);
                }
            }
        }
        List<String> words = latinWords(norm);
        for (int i = 0; i < words.size(); i++) {
            features.add("w1:" + words.get(i));
            if (i + 1 < words.size()) {
                features.add("w2:" + words.get(i) + " " + words.get(i + 1));
            }
        }
        List<String> segmented = segment(norm);
        for (int i = 0; i < segmented.size(); i++) {
            features.add("j1:" + segmented.get(i));
            if (i + 1 < segmented.size()) {
                features.add("j2:" + segmented.get(i) + "|" + segmented.get(i + 1));
            }
        }
        List<String> clauses = new ArrayList<>();
        for (String clause : CLAUSE_BREAK.split(norm)) {
            if (!clause.isBlank()) {
                clauses.add(clause);
            }
        }
        if (clauses.size() > 1) {
            String last = "^" + clauses.get(clauses.size() - 1) + "$";
            for (int n = 1; n <= 2; n++) {
                for (int i = 0; i + n <= last.length(); i++) {
                    features.add("L" + n + ":" + last.substring(i, i + n));
                }
            }
        }
        return features;
    }

    /** Words of a normalised text by jieba's segmenter (its dictionary loads on first use, ~3 s). */
    static List<String> segment(String norm) {
        List<String> words = new ArrayList<>();
        for (String word : Jieba.SEGMENTER.sentenceProcess(norm)) {
            if (!word.isBlank()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Loads the segmenter's dictionary now rather than on the first text. */
    public static void warmUp() {
        segment("好");
    }

    private static final class Jieba {
        static final JiebaSegmenter SEGMENTER = new JiebaSegmenter();
    }

    static List<String> latinWords(String norm) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < norm.length(); i++) {
            char c = norm.charAt(i);
            if (isLatinLetter(c) || (c == '\'' && word.length() > 0)) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isLatinLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
