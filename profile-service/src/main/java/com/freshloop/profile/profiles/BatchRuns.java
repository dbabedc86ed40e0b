package com.freshloop.profile.profiles;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Operator-requested runs of the profile batch, in the background. Over a large population the batch
 * takes longer than any sensible HTTP timeout (the gateway gives a call 10 s), so a request starts a run
 * and answers at once; the caller polls the run. At most one run is in progress: a request while one is
 * running joins it instead of queueing another full recomputation behind it. The last {@value #KEEP}
 * runs are kept in memory for polling (per instance: a poll goes to the instance that took the request
 * as long as one replica runs the batch, which is how the deployment scales profile-service's batch).
 */
@Service
public class BatchRuns {

    private static final Logger log = LoggerFactory.getLogger(BatchRuns.class);
    static final int KEEP = 20;

    /** Status of a run. */
    public enum Status {
        running,
        succeeded,
        failed
    }

    /**
     * One run.
     *
     * @param summary what the batch did, once it succeeded
     * @param error why it failed, if it did
     */
    public record Run(
            UUID id,
            Status status,
            String requestedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            ProfileBatch.@Nullable Summary summary,
            @Nullable String error) {

        Run finished(ProfileBatch.Summary result, Instant at) {
            return new Run(id, Status.succeeded, requestedBy, startedAt, at, result, null);
        }

        Run failed(String reason, Instant at) {
            return new Run(id, Status.failed, requestedBy, startedAt, at, null, reason);
        }
    }

    /** What a request got: the run, and whether it started it or joined one in progress. */
    public record Started(Run run, boolean joined) {}

    private final ProfileBatch batch;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "profile-batch");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Run> runs = new LinkedHashMap<>();
    private @Nullable UUID current;

    BatchRuns(ProfileBatch batch, Clock clock) {
        this.batch = batch;
        this.clock = clock;
    }

    /** Starts a run, or returns the one in progress. */
    public synchronized Started start(String actor) {
        if (current != null) {
            return new Started(runs.get(current), true);
        }
        Run run = new Run(UUID.randomUUID(), Status.running, actor, clock.instant(), null, null, null);
        remember(run);
        current = run.id();
        executor.execute(() -> execute(run));
        return new Started(run, false);
    }

    /** A run kept in memory. */
    public synchronized Optional<Run> find(UUID id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** The kept runs, newest first. */
    public synchronized List<Run> recent() {
        List<Run> list = new ArrayList<>(runs.values());
        java.util.Collections.reverse(list);
        return list;
    }

    private void execute(Run run) {
        Run done;
        try {
            ProfileBatch.Summary summary = batch.run(run.startedAt());
            log.info("Profile batch {} requested by {}: {}", run.id(), run.requestedBy(), summary);
            done = run.finished(summary, clock.instant());
        } catch (RuntimeException e) {
            log.error("Profile batch {} failed", run.id(), e);
            done = run.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        }
        synchronized (this) {
            runs.put(run.id(), done);
            current = null;
        }
    }

    private void remember(Run run) {
        runs.put(run.id(), run);
        while (runs.size() > KEEP) {
            UUID oldest = runs.keySet().iterator().next();
            if (oldest.equals(current)) {
                break;
            }
            runs.remove(oldest);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
