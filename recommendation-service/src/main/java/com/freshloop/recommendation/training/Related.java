package com.freshloop.recommendation.training;

import java.util.List;

/**
 * The stored model tables for one SKU.
 *
 * @param rules association rules {@code sku -> consequent}, strongest confidence first
 * @param similar item-item CF neighbours, most similar first
 */
public record Related(String sku, List<Rule> rules, List<Similar> similar) {

    /** A rule: confidence = P(consequent | sku), lift = confidence / P(consequent). */
    public record Rule(String consequent, double confidence, double lift) {}

    /** A neighbour with its shrunk cosine similarity. */
    public record Similar(String sku, double similarity) {}
}
