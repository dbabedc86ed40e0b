package com.freshloop.streams.cartabandonment.records;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A shopper's cart as the job sees it: the items added since the last order, when each was added and
 * by which event. Never changed; every update returns a new cart (the arrays are private to it).
 *
 * @param skus the products in the cart
 * @param addedAt when each was (last) added, epoch millis
 * @param addEventIds the event that (last) added each
 * @param lastOrderAt the newest order seen, epoch millis; items added at or before it were ordered
 * @param abandonedAt when the cart was declared abandoned (and tagged), or {@link #NEVER} while it is not
 */
public record Cart(String[] skus, long[] addedAt, String[] addEventIds, long lastOrderAt, long abandonedAt) {

    public static final long NEVER = Long.MIN_VALUE;

    public static Cart empty() {
        return new Cart(new String[0], new long[0], new String[0], NEVER, NEVER);
    }

    public boolean isEmpty() {
        return skus.length == 0;
    }

    public boolean isAbandoned() {
        return abandonedAt != NEVER;
    }

    /** An item added at {@code time}; an item already in the cart counts from its latest addition. */
    public Cart add(String sku, long time, String eventId) {
        int index = indexOf(sku);
        if (index >= 0) {
            if (time < addedAt[index]) {
                return this;
            }
            long[] times = addedAt.clone();
            String[] events = addEventIds.clone();
            times[index] = time;
            events[index] = eventId;
            return new Cart(skus, times, events, lastOrderAt, abandonedAt);
        }
        String[] nextSkus = Arrays.copyOf(skus, skus.length + 1);
        long[] nextTimes = Arrays.copyOf(addedAt, addedAt.length + 1);
        String[] nextEvents = Arrays.copyOf(addEventIds, addEventIds.length + 1);
        nextSkus[skus.length] = sku;
        nextTimes[skus.length] = time;
        nextEvents[skus.length] = eventId;
        return new Cart(nextSkus, nextTimes, nextEvents, lastOrderAt, abandonedAt);
    }

    /** The item taken out, unless it was added again after {@code time}. */
    public Cart remove(String sku, long time) {
        int index = indexOf(sku);
        return index < 0 || addedAt[index] > time ? this : keep(i -> i != index, lastOrderAt);
    }

    /** An order at {@code time}: every item added at or before it was bought. */
    public Cart ordered(long time) {
        return keep(i -> addedAt[i] > time, Math.max(lastOrderAt, time));
    }

    public Cart abandoned(long at) {
        return new Cart(skus, addedAt, addEventIds, lastOrderAt, at);
    }

    public Cart notAbandoned() {
        return new Cart(skus, addedAt, addEventIds, lastOrderAt, NEVER);
    }

    /** When the newest item was added, or {@link #NEVER} for an empty cart. */
    public long lastAddedAt() {
        return Arrays.stream(addedAt).max().orElse(NEVER);
    }

    /**
     * The event that added the newest item (of two added at the same instant, the greater id, so that
     * the choice does not depend on arrival order).
     */
    public String lastAddEventId() {
        return IntStream.range(0, skus.length)
                .boxed()
                .max(Comparator.<Integer>comparingLong(i -> addedAt[i]).thenComparing(i -> addEventIds[i]))
                .map(i -> addEventIds[i])
                .orElse(null);
    }

    /** When the cart counts as abandoned if nothing is ordered: the newest addition plus {@code after}. */
    public long deadline(Duration after) {
        return isEmpty() ? NEVER : lastAddedAt() + after.toMillis();
    }

    /** The products, oldest addition first. */
    public List<String> skusByAddTime() {
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, skus.length).boxed().toList());
        order.sort(Comparator.<Integer>comparingLong(i -> addedAt[i]).thenComparing(i -> skus[i]));
        return order.stream().map(i -> skus[i]).toList();
    }

    private int indexOf(String sku) {
        for (int i = 0; i < skus.length; i++) {
            if (skus[i].equals(sku)) {
                return i;
            }
        }
        return -1;
    }

    private Cart keep(IntPredicate kept, long orderAt) {
        int[] indexes = IntStream.range(0, skus.length).filter(kept).toArray();
        String[] nextSkus = new String[indexes.length];
        long[] nextTimes = new long[indexes.length];
        String[] nextEvents = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            nextSkus[i] = skus[indexes[i]];
            nextTimes[i] = addedAt[indexes[i]];
            nextEvents[i] = addEventIds[indexes[i]];
        }
        return new Cart(nextSkus, nextTimes, nextEvents, orderAt, abandonedAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cart that
                && Arrays.equals(skus, that.skus)
                && Arrays.equals(addedAt, that.addedAt)
                && Arrays.equals(addEventIds, that.addEventIds)
                && lastOrderAt == that.lastOrderAt
                && abandonedAt == that.abandonedAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(skus), Arrays.hashCode(addedAt), lastOrderAt, abandonedAt);
    }

    @Override
    public String toString() {
        return "Cart[skus=" + Arrays.toString(skus) + ", addedAt=" + Arrays.toString(addedAt) + ", lastOrderAt="
                + lastOrderAt + ", abandonedAt=" + abandonedAt + "]";
    }
}
