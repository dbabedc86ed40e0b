package com.freshloop.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Deterministic hashes: the same inputs give the same prices, regions, hours and event ids on every run. */
final class Hashing {

    private Hashing() {}

    /** A 64-bit hash of the parts (SHA-256, first 8 bytes). */
    static long hash(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            byte[] bytes = digest.digest();
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A number in [0, 1) from the parts. */
    static double unit(Object... parts) {
        return (hash(parts) >>> 11) * 0x1.0p-53;
    }

    /** A number in [0, bound) from the parts. */
    static int below(int bound, Object... parts) {
        return (int) Math.floorMod(hash(parts), (long) bound);
    }

    /** A name-based UUID (version 3) of the parts: a re-run sends the same ids, which the collector skips. */
    static UUID uuid(Object... parts) {
        StringBuilder name = new StringBuilder("freshloop-simulator");
        for (Object part : parts) {
            name.append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
