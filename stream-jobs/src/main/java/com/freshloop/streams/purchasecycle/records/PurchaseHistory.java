package com.freshloop.streams.purchasecycle.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * A shopper's recent purchases of one product and the state of its due signal. Never changed; every
 * update returns a new history.
 *
 * @param times purchase occasions, oldest first, epoch millis
 * @param eventIds the event of each occasion
 * @param orderIds recent orders already counted (a redelivered order is skipped)
 * @param dueAt the event time the due timer is set for, or {@link #NONE}
 * @param dueTaggedAt when {@code due_soon} was assigned and not since revoked, or {@link #NONE}
 * @param dueBasis the purchase (time) the assigned {@code due_soon} was computed from
 */
public record PurchaseHistory(
        long[] times, String[] eventIds, String[] orderIds, long dueAt, long dueTaggedAt, long dueBasis) {

    public static final long NONE = Long.MIN_VALUE;

    public static PurchaseHistory empty() {
        return new PurchaseHistory(new long[0], new String[0], new String[0], NONE, NONE, NONE);
    }

    public boolean counted(String orderId) {
        return orderId != null && Arrays.asList(orderIds).contains(orderId);
    }

    /**
     * One more purchase: a new occasion unless it is within {@code sameOccasionMillis} of one already
     * known; only the newest {@code maxPurchases} occasions (and twice as many order ids) are kept.
     */
    public PurchaseHistory purchased(
            long time, String eventId, String orderId, long sameOccasionMillis, int maxPurchases) {
        String[] orders = orderId == null ? orderIds : append(orderIds, orderId, maxPurchases * 2);
        for (long known : times) {
            if (Math.abs(known - time) < sameOccasionMillis) {
                return new PurchaseHistory(times, eventIds, orders, dueAt, dueTaggedAt, dueBasis);
            }
        }
        int at = 0;
        while (at < times.length && times[at] <= time) {
            at++;
        }
        long[] nextTimes = new long[times.length + 1];
        String[] nextEvents = new String[times.length + 1];
        System.arraycopy(times, 0, nextTimes, 0, at);
        System.arraycopy(eventIds, 0, nextEvents, 0, at);
        nextTimes[at] = time;
        nextEvents[at] = eventId;
        System.arraycopy(times, at, nextTimes, at + 1, times.length - at);
        System.arraycopy(eventIds, at, nextEvents, at + 1, times.length - at);
        int drop = Math.max(0, nextTimes.length - maxPurchases);
        return new PurchaseHistory(
                Arrays.copyOfRange(nextTimes, drop, nextTimes.length),
                Arrays.copyOfRange(nextEvents, drop, nextEvents.length),
                orders,
                dueAt,
                dueTaggedAt,
                dueBasis);
    }

    public long last() {
        return times.length == 0 ? NONE : times[times.length - 1];
    }

    public String lastEventId() {
        return eventIds.length == 0 ? null : eventIds[eventIds.length - 1];
    }

    /** The intervals between consecutive occasions, millis. */
    public long[] intervals() {
        long[] intervals = new long[Math.max(0, times.length - 1)];
        for (int i = 1; i < times.length; i++) {
            intervals[i - 1] = times[i] - times[i - 1];
        }
        return intervals;
    }

    /** The usual interval: the median of the intervals, or {@link #NONE} with fewer than {@code minIntervals}. */
    public long cycle(int minIntervals) {
        long[] intervals = intervals();
        if (intervals.length < minIntervals || intervals.length == 0) {
            return NONE;
        }
        long[] sorted = intervals.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * How regular the cycle is, 0..1: one minus the mean absolute deviation of the intervals from their
     * median, relative to the median (1 = like clockwork).
     */
    public double regularity(int minIntervals) {
        long cycle = cycle(minIntervals);
        if (cycle == NONE || cycle <= 0) {
            return 0;
        }
        double deviation = Arrays.stream(intervals())
                .mapToDouble(interval -> Math.abs(interval - cycle))
                .average()
                .orElse(0);
        return Math.max(0, 1 - deviation / cycle);
    }

    public PurchaseHistory withDueAt(long at) {
        return new PurchaseHistory(times, eventIds, orderIds, at, dueTaggedAt, dueBasis);
    }

    public PurchaseHistory dueTagged(long at, long basis) {
        return new PurchaseHistory(times, eventIds, orderIds, NONE, at, basis);
    }

    public PurchaseHistory dueRevoked() {
        return new PurchaseHistory(times, eventIds, orderIds, dueAt, NONE, NONE);
    }

    private static String[] append(String[] values, String value, int max) {
        String[] next = Arrays.copyOf(values, values.length + 1);
        next[values.length] = value;
        return next.length > max ? Arrays.copyOfRange(next, next.length - max, next.length) : next;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PurchaseHistory that
                && Arrays.equals(times, that.times)
                && Arrays.equals(eventIds, that.eventIds)
                && Arrays.equals(orderIds, that.orderIds)
                && dueAt == that.dueAt
                && dueTaggedAt == that.dueTaggedAt
                && dueBasis == that.dueBasis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(times), dueAt, dueTaggedAt);
    }

    @Override
    public String toString() {
        return "PurchaseHistory[times=" + Arrays.toString(times) + ", dueAt=" + dueAt + ", dueTaggedAt=" + dueTaggedAt
                + "]";
    }
}
