package com.freshloop.recommendation.experiments;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.recommendation.v1.RecommendationExposed;
import com.freshloop.starter.outbox.EventOutbox;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records exposures off the request path: a request only enqueues; a flush every few hundred
 * milliseconds writes a batch (per-shopper exposure counts plus one RecommendationExposed each through
 * the outbox) in one transaction, so serving latency does not include a database write. A full queue
 * drops exposures (counted) rather than slowing shoppers down; a crash loses at most one interval.
 */
@Component
public class ExposureLog {

    private static final Logger log = LoggerFactory.getLogger(ExposureLog.class);
    static final int CAPACITY = 100_000;
    static final int BATCH = 2_000;

    /** One list shown to a shopper in an experiment. */
    public record Exposure(Assignment assignment, String userId, String context, List<String> skus, Instant at) {}

    private final BlockingQueue<Exposure> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final ExperimentRepository repository;
    private final EventOutbox outbox;
    private final TransactionTemplate transactions;
    private long dropped;

    ExposureLog(ExperimentRepository repository, EventOutbox outbox, TransactionTemplate transactions) {
        this.repository = repository;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public void record(Exposure exposure) {
        if (!queue.offer(exposure)) {
            synchronized (this) {
                dropped++;
            }
        }
    }

    @Scheduled(fixedDelayString = "${freshloop.recommendation.experiments.exposure-flush:PT0.25S}")
    public void flush() {
        while (!queue.isEmpty()) {
            List<Exposure> batch = new ArrayList<>(BATCH);
            queue.drainTo(batch, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            try {
                transactions.executeWithoutResult(status -> {
                    for (Exposure exposure : batch) {
                        Assignment assignment = exposure.assignment();
                        repository.recordExposure(
                                assignment.experimentId(), exposure.userId(), assignment.variant(), exposure.at());
                        outbox.publish(EventEnvelope.of(
                                "recommendation-service",
                                exposure.userId(),
                                exposure.at(),
                                new RecommendationExposed(
                                        exposure.context(),
                                        assignment.experiment(),
                                        assignment.variant(),
                                        exposure.skus())));
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Could not record {} exposures; they are lost", batch.size(), e);
            }
        }
    }

    public synchronized long dropped() {
        return dropped;
    }

    @PreDestroy
    void drain() {
        flush();
    }
}
