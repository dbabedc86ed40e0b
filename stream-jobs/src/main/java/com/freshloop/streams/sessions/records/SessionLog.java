package com.freshloop.streams.sessions.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * A shopper's recent sessions, oldest first, and the {@code browser_no_buy} last published. Never
 * changed; every update returns a new log.
 *
 * @param starts each session's first interaction, epoch millis
 * @param ends each session's last interaction, epoch millis
 * @param ordered whether each had an order
 * @param taggedScore the score {@code browser_no_buy} was last published with, 0 when not tagged
 * @param taggedAt the time that tag was dated, epoch millis
 */
public record SessionLog(long[] starts, long[] ends, boolean[] ordered, int taggedScore, long taggedAt) {

    public static SessionLog empty() {
        return new SessionLog(new long[0], new long[0], new boolean[0], 0, Long.MIN_VALUE);
    }

    /**
     * With {@code session}, replacing the sessions it overlaps: a late event that lands in or between
     * sessions reopens and merges them, and the window operator reports the merged session again.
     */
    public SessionLog with(Session session) {
        int kept = 0;
        for (int i = 0; i < starts.length; i++) {
            if (!overlaps(i, session)) {
                kept++;
            }
        }
        long[] nextStarts = new long[kept + 1];
        long[] nextEnds = new long[kept + 1];
        boolean[] nextOrdered = new boolean[kept + 1];
        int j = 0;
        boolean placed = false;
        for (int i = 0; i < starts.length; i++) {
            if (overlaps(i, session)) {
                continue;
            }
            if (!placed && starts[i] > session.start()) {
                nextStarts[j] = session.start();
                nextEnds[j] = session.end();
                nextOrdered[j++] = session.ordered();
                placed = true;
            }
            nextStarts[j] = starts[i];
            nextEnds[j] = ends[i];
            nextOrdered[j++] = ordered[i];
        }
        if (!placed) {
            nextStarts[j] = session.start();
            nextEnds[j] = session.end();
            nextOrdered[j] = session.ordered();
        }
        return new SessionLog(nextStarts, nextEnds, nextOrdered, taggedScore, taggedAt);
    }

    /** Without the sessions that ended before {@code cutoff}. */
    public SessionLog since(long cutoff) {
        int drop = 0;
        while (drop < ends.length && ends[drop] < cutoff) {
            drop++;
        }
        return new SessionLog(
                Arrays.copyOfRange(starts, drop, starts.length),
                Arrays.copyOfRange(ends, drop, ends.length),
                Arrays.copyOfRange(ordered, drop, ordered.length),
                taggedScore,
                taggedAt);
    }

    public long newestEnd() {
        return Arrays.stream(ends).max().orElse(Long.MIN_VALUE);
    }

    /** The ends of the sessions without an order since the last session with one, newest first. */
    public long[] buylessEnds() {
        int from = starts.length;
        while (from > 0 && !ordered[from - 1]) {
            from--;
        }
        long[] buyless = new long[starts.length - from];
        for (int i = starts.length - 1, j = 0; i >= from; i--) {
            buyless[j++] = ends[i];
        }
        return buyless;
    }

    public SessionLog tagged(int score, long at) {
        return new SessionLog(starts, ends, ordered, score, at);
    }

    private boolean overlaps(int i, Session session) {
        return starts[i] <= session.end() && session.start() <= ends[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionLog that
                && Arrays.equals(starts, that.starts)
                && Arrays.equals(ends, that.ends)
                && Arrays.equals(ordered, that.ordered)
                && taggedScore == that.taggedScore
                && taggedAt == that.taggedAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(starts), taggedScore);
    }

    @Override
    public String toString() {
        return "SessionLog[starts=" + Arrays.toString(starts) + ", ends=" + Arrays.toString(ends) + ", ordered="
                + Arrays.toString(ordered) + ", taggedScore=" + taggedScore + "]";
    }
}
