package com.freshloop.events;

import java.util.List;

/**
 * Kafka topic names, in one place. Each carries a version suffix; a breaking change of a topic's
 * contract gets a new topic. Keys: behaviour and tags by user id, inventory by {@code sku:region}.
 */
public final class Topics {

    /** Shopper behaviour from the app, written by the gateway's collector; key = user id. */
    public static final String BEHAVIOUR = "freshloop.behaviour.v1";
    /** Weather and holidays per region; key = region. */
    public static final String CONTEXT = "freshloop.context.v1";
    /** Real-time tags and signals computed by stream-jobs; key = user id. */
    public static final String TAGS = "freshloop.tags.v1";

    public static final String PROFILE = "freshloop.profile.v1";
    public static final String RECOMMENDATION = "freshloop.recommendation.v1";
    public static final String MARKETING = "freshloop.marketing.v1";
    /** Inventory, fulfilment and returns; key = {@code sku:region} or user id for deliveries. */
    public static final String SUPPLY = "freshloop.supply.v1";

    public static final String MEMBERSHIP = "freshloop.membership.v1";
    public static final String METRICS = "freshloop.metrics.v1";

    public static final List<String> ALL =
            List.of(BEHAVIOUR, CONTEXT, TAGS, PROFILE, RECOMMENDATION, MARKETING, SUPPLY, MEMBERSHIP, METRICS);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {}

    /** The dead-letter topic of a topic, where consumers park records they cannot process. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
