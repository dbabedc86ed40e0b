package com.freshloop.profile.text;

/** Probability that a text is positive, 0..1. */
public interface SentimentClassifier {

    double positive(String text);

    /** Which model answers, for the profile API and logs. */
    String version();
}
