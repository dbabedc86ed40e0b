package com.freshloop.recommendation.experiments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The variant a shopper sees in an experiment. Deterministic: SHA-256 of "experiment key:user id"
 * mapped to one of 10,000 buckets, split by the variants' weights, so a shopper keeps the variant on
 * every call and every instance without storing anything, and experiments are independent.
 */
public record Assignment(long experimentId, String experiment, String variant, String algorithm) {

    static final int BUCKETS = 10_000;

    public static Assignment of(Experiment experiment, String userId) {
        int bucket = bucket(experiment.key(), userId);
        int total = experiment.variants().stream()
                .mapToInt(Experiment.Variant::weight)
                .sum();
        List<Experiment.Variant> variants = experiment.variants();
        long cumulative = 0;
        for (Experiment.Variant variant : variants) {
            cumulative += variant.weight();
            if (bucket < cumulative * BUCKETS / total) {
                return new Assignment(experiment.id(), experiment.key(), variant.name(), variant.algorithm());
            }
        }
        Experiment.Variant last = variants.get(variants.size() - 1);
        return new Assignment(experiment.id(), experiment.key(), last.name(), last.algorithm());
    }

    static int bucket(String experimentKey, String userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((experimentKey + ":" + userId).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(value, BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
