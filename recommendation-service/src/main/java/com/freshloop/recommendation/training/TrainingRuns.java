package com.freshloop.recommendation.training;

import com.freshloop.starter.runs.BackgroundRuns;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Operator-requested trainings, in the background (ADR 7): training over every basket outlasts the
 * gateway's 10 s limit, so a request starts a run and answers at once, and a request during a run joins
 * it. The last {@value #KEEP} runs are kept in memory for polling.
 */
@Service
public class TrainingRuns {

    static final int KEEP = 20;

    private final ModelTrainer trainer;
    private final BackgroundRuns<ModelRun> runs;

    TrainingRuns(ModelTrainer trainer, Clock clock) {
        this.trainer = trainer;
        this.runs = new BackgroundRuns<>("model-training", KEEP, clock);
    }

    /** Starts a training, or returns the one in progress; without baskets the run fails saying so. */
    public BackgroundRuns.Started<ModelRun> start(String actor) {
        return runs.start(
                actor,
                () -> trainer.train(actor)
                        .orElseThrow(() -> new BackgroundRuns.NothingToDo("no baskets to train on yet")));
    }

    public Optional<BackgroundRuns.Run<ModelRun>> find(UUID id) {
        return runs.find(id);
    }

    /** The kept runs, newest first. */
    public List<BackgroundRuns.Run<ModelRun>> recent() {
        return runs.recent();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        runs.close();
    }
}
