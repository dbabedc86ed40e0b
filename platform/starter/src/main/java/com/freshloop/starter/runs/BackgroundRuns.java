package com.freshloop.starter.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator-requested recomputations that outlast any sensible HTTP timeout (a profile batch, a model
 * training), run one at a time on a background thread. A request starts a run and gets it back at once
 * (to answer 202 and be polled); a request while one is in progress joins it instead of queueing another
 * full recomputation behind it. The last {@code keep} runs are kept in memory for polling. See ADR 7.
 *
 * @param <R> what a successful run produced
 */
public final class BackgroundRuns<R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRuns.class);

    /** Status of a run. */
    public enum Status {
        running,
        succeeded,
        failed
    }

    /**
     * One run.
     *
     * @param result what the run produced, once it succeeded
     * @param error why it failed
     */
    public record Run<R>(
            UUID id,
            Status status,
            String requestedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable R result,
            @Nullable String error) {}

    /** What a request got: the run, and whether it joined one already in progress. */
    public record Started<R>(Run<R> run, boolean joined) {}

    /** Thrown by the work when there was nothing to do; the run fails with the message as its reason. */
    public static final class NothingToDo extends RuntimeException {
        public NothingToDo(String reason) {
            super(reason, null, false, false);
        }
    }

    private final String name;
    private final int keep;
    private final Clock clock;
    private final ExecutorService executor;
    private final Map<UUID, Run<R>> runs = new LinkedHashMap<>();
    private @Nullable UUID current;

    /**
     * @param name the thread's name and the runs' name in the log
     * @param keep how many finished runs to keep for polling
     */
    public BackgroundRuns(String name, int keep, Clock clock) {
        this.name = name;
        this.keep = keep;
        this.clock = clock;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code work} for {@code actor}, or returns the run in progress. */
    public synchronized Started<R> start(String actor, Supplier<R> work) {
        if (current != null) {
            return new Started<>(runs.get(current), true);
        }
        Run<R> run = new Run<>(UUID.randomUUID(), Status.running, actor, clock.instant(), null, null, null);
        runs.put(run.id(), run);
        while (runs.size() > keep + 1) {
            runs.remove(runs.keySet().iterator().next());
        }
        current = run.id();
        executor.execute(() -> execute(run, work));
        return new Started<>(run, false);
    }

    /** A kept run. */
    public synchronized Optional<Run<R>> find(UUID id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** The kept runs, newest first. */
    public synchronized List<Run<R>> recent() {
        List<Run<R>> list = new ArrayList<>(runs.values());
        Collections.reverse(list);
        return list;
    }

    private void execute(Run<R> run, Supplier<R> work) {
        Run<R> done;
        try {
            R result = work.get();
            log.info("{} {} requested by {} succeeded: {}", name, run.id(), run.requestedBy(), result);
            done = new Run<>(
                    run.id(), Status.succeeded, run.requestedBy(), run.startedAt(), clock.instant(), result, null);
        } catch (NothingToDo e) {
            done = failed(run, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {} requested by {} failed", name, run.id(), run.requestedBy(), e);
            done = failed(run, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        synchronized (this) {
            runs.put(run.id(), done);
            current = null;
        }
    }

    private Run<R> failed(Run<R> run, String reason) {
        return new Run<>(run.id(), Status.failed, run.requestedBy(), run.startedAt(), clock.instant(), null, reason);
    }

    /** Lets a run in progress finish (at most 30 s), then stops the thread. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
