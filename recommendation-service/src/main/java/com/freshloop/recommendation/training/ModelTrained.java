package com.freshloop.recommendation.training;

/** Published (in-process) when a new model is in place, so the per-shopper lists get recomputed. */
public record ModelTrained(long version, int users) {}
