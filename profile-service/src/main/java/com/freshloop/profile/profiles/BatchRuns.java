package com.freshloop.profile.profiles;

import com.freshloop.starter.runs.BackgroundRuns;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Operator-requested runs of the profile batch, in the background (ADR 7): over a large population the
 * batch outlasts the gateway's 10 s limit, so a request starts a run and answers at once, and a request
 * during a run joins it. The last {@value #KEEP} runs are kept in memory for polling (per instance: one
 * replica runs the batch).
 */
@Service
public class BatchRuns {

    static final int KEEP = 20;

    private final ProfileBatch batch;
    private final Clock clock;
    private final BackgroundRuns<ProfileBatch.Summary> runs;

    BatchRuns(ProfileBatch batch, Clock clock) {
        this.batch = batch;
        this.clock = clock;
        this.runs = new BackgroundRuns<>("profile-batch", KEEP, clock);
    }

    /** Starts a run of the batch as of now, or returns the one in progress. */
    public BackgroundRuns.Started<ProfileBatch.Summary> start(String actor) {
        return runs.start(actor, () -> batch.run(clock.instant()));
    }

    public Optional<BackgroundRuns.Run<ProfileBatch.Summary>> find(UUID id) {
        return runs.find(id);
    }

    /** The kept runs, newest first. */
    public List<BackgroundRuns.Run<ProfileBatch.Summary>> recent() {
        return runs.recent();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        runs.close();
    }
}
