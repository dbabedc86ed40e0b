package com.freshloop.starter.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Re-sends outbox entries whose send failed, e.g. while the broker was unreachable. Spring Modulith
 * marks such a publication FAILED and by itself retries it only on the next restart; this keeps
 * retrying in the running service until the broker acknowledges it. A re-sent event keeps its id,
 * so idempotent consumers apply it once even if an earlier attempt did arrive.
 */
class OutboxRetry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

    private final ObjectProvider<FailedEventPublications> failed;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    OutboxRetry(ObjectProvider<FailedEventPublications> failed, Duration interval) {
        this.failed = failed;
        this.interval = interval;
    }

    void resubmitFailed() {
        FailedEventPublications publications = failed.getIfAvailable();
        if (publications == null) {
            return;
        }
        try {
            publications.resubmit(ResubmissionOptions.defaults());
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable; the next round tries again
            log.warn("Could not resubmit failed outbox entries: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "outbox-retry");
                thread.setDaemon(true);
                return thread;
            });
            long millis = interval.toMillis();
            scheduler.scheduleWithFixedDelay(this::resubmitFailed, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
