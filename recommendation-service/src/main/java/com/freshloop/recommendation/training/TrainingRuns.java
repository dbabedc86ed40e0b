package com.freshloop.recommendation.training;

import jakarta.annotation.PreDestroy;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Operator-requested trainings, in the background. Training over every basket takes longer than any
 * sensible HTTP timeout (the gateway gives a call 10 s), so a request starts a run and answers at once;
 * the caller polls it. At most one is in progress: a request meanwhile joins it rather than queueing
 * another full training behind it. The last {@value #KEEP} runs are kept in memory for polling.
 */
@Service
public class TrainingRuns {

    private static final Logger log = LoggerFactory.getLogger(TrainingRuns.class);
    static final int KEEP = 20;

    /** Status of a run. */
    public enum Status {
        running,
        succeeded,
        failed
    }

    /**
     * One requested training.
     *
     * @param model what the training produced, once it succeeded
     * @param error why it failed (also: no baskets to train on yet)
     */
    public record Run(
            UUID id,
            Status status,
            String requestedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable ModelRun model,
            @Nullable String error) {}

    /** What a request got: the run, and whether it joined one in progress. */
    public record Started(Run run, boolean joined) {}

    private final ModelTrainer trainer;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "model-training");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Run> runs = new LinkedHashMap<>();
    private @Nullable UUID current;

    TrainingRuns(ModelTrainer trainer, Clock clock) {
        this.trainer = trainer;
        this.clock = clock;
    }

    /** Starts a training, or returns the one in progress. */
    public synchronized Started start(String actor) {
        if (current != null) {
            return new Started(runs.get(current), true);
        }
        Run run = new Run(UUID.randomUUID(), Status.running, actor, clock.instant(), null, null, null);
        runs.put(run.id(), run);
        while (runs.size() > KEEP) {
            runs.remove(runs.keySet().iterator().next());
        }
        current = run.id();
        executor.execute(() -> execute(run));
        return new Started(run, false);
    }

    public synchronized Optional<Run> find(UUID id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** The kept runs, newest first. */
    public synchronized List<Run> recent() {
        List<Run> list = new ArrayList<>(runs.values());
        Collections.reverse(list);
        return list;
    }

    private void execute(Run run) {
        Run done;
        try {
            done = trainer.train(run.requestedBy())
                    .map(model -> new Run(
                            run.id(),
                            Status.succeeded,
                            run.requestedBy(),
                            run.startedAt(),
                            clock.instant(),
                            model,
                            null))
                    .orElseGet(() -> new Run(
                            run.id(),
                            Status.failed,
                            run.requestedBy(),
                            run.startedAt(),
                            clock.instant(),
                            null,
                            "no baskets to train on yet"));
        } catch (RuntimeException e) {
            log.error("Training {} failed; serving keeps the previous model", run.id(), e);
            done = new Run(
                    run.id(),
                    Status.failed,
                    run.requestedBy(),
                    run.startedAt(),
                    clock.instant(),
                    null,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        synchronized (this) {
            runs.put(run.id(), done);
            current = null;
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
