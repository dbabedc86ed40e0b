package com.freshloop.supply.traceability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One link of a batch's chain.
 *
 * @param attributes canonical text of the record's facts (sorted {@code key=value} lines)
 */
public record ProvenanceRecord(
        String batchId,
        int seq,
        String kind,
        String attributes,
        Instant recordedAt,
        String recordedBy,
        String prevHash,
        String hash) {

    /** The hash of the first link's predecessor. */
    public static final String GENESIS = "0".repeat(64);

    /** SHA-256 over the previous hash and every field, each length-prefixed so no two records collide by concatenation. */
    static String hash(
            String prevHash, String batchId, int seq, String kind, String attributes, Instant recordedAt, String by) {
        StringBuilder s = new StringBuilder();
        for (String part :
                new String[] {prevHash, batchId, Integer.toString(seq), kind, attributes, recordedAt.toString(), by}) {
            s.append(part.length()).append(':').append(part).append('\n');
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String expectedHash() {
        return hash(prevHash, batchId, seq, kind, attributes, recordedAt, recordedBy);
    }
}
