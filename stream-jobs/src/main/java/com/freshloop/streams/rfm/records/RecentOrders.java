package com.freshloop.streams.rfm.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * A shopper's orders inside the window, oldest first. Never changed; every update returns a new one.
 *
 * @param times order times, epoch millis
 * @param totals amounts paid
 * @param orderIds the orders (to skip a redelivered one)
 * @param asOf the newest time seen (order or expiry), epoch millis; what emitted tags are dated by
 */
public record RecentOrders(long[] times, double[] totals, String[] orderIds, long asOf) {

    public static final long NONE = Long.MIN_VALUE;

    public static RecentOrders empty() {
        return new RecentOrders(new long[0], new double[0], new String[0], NONE);
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    public boolean counted(String orderId) {
        return Arrays.asList(orderIds).contains(orderId);
    }

    public RecentOrders with(long time, double total, String orderId) {
        int at = 0;
        while (at < times.length && times[at] <= time) {
            at++;
        }
        long[] nextTimes = new long[times.length + 1];
        double[] nextTotals = new double[times.length + 1];
        String[] nextIds = new String[times.length + 1];
        for (int i = 0, j = 0; i < nextTimes.length; i++) {
            if (i == at) {
                nextTimes[i] = time;
                nextTotals[i] = total;
                nextIds[i] = orderId;
            } else {
                nextTimes[i] = times[j];
                nextTotals[i] = totals[j];
                nextIds[i] = orderIds[j++];
            }
        }
        return new RecentOrders(nextTimes, nextTotals, nextIds, Math.max(asOf, time));
    }

    /** Without the orders whose window has ended by {@code now}, dated {@code now}. */
    public RecentOrders expire(long now, long windowMillis) {
        int drop = 0;
        while (drop < times.length && times[drop] + windowMillis <= now) {
            drop++;
        }
        return new RecentOrders(
                Arrays.copyOfRange(times, drop, times.length),
                Arrays.copyOfRange(totals, drop, totals.length),
                Arrays.copyOfRange(orderIds, drop, orderIds.length),
                Math.max(asOf, now));
    }

    /** When the oldest order leaves the window, or {@link #NONE}. */
    public long nextExpiry(long windowMillis) {
        return isEmpty() ? NONE : times[0] + windowMillis;
    }

    public long newest() {
        return isEmpty() ? NONE : times[times.length - 1];
    }

    public int count() {
        return times.length;
    }

    public double spend() {
        return Arrays.stream(totals).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecentOrders that
                && Arrays.equals(times, that.times)
                && Arrays.equals(totals, that.totals)
                && Arrays.equals(orderIds, that.orderIds)
                && asOf == that.asOf;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(times), asOf);
    }

    @Override
    public String toString() {
        return "RecentOrders[times=" + Arrays.toString(times) + ", totals=" + Arrays.toString(totals) + "]";
    }
}
