package com.freshloop.marketing.winback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Random but deterministic assignment to a campaign's control group: a hash of campaign and user, so a
 * user stays in the same arm across restarts and replays, and arms differ between campaigns.
 */
public final class ControlGroup {

    private static final int BUCKETS = 10_000;

    private ControlGroup() {}

    public static boolean isControl(String campaignId, String userId, double share) {
        return bucket(campaignId, userId) < Math.round(share * BUCKETS);
    }

    static int bucket(String campaignId, String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((campaignId + "\u0000" + userId).getBytes(StandardCharsets.UTF_8));
            long value = ByteBuffer.wrap(digest, 0, 8).getLong() & Long.MAX_VALUE;
            return (int) (value % BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
