package com.freshloop.starter.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundRunsTests {

    final BackgroundRuns<String> runs = new BackgroundRuns<>("test-run", 2, Clock.systemUTC());

    @Test
    void aRequestDuringARunJoinsItAndTheWorkRunsOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger executions = new AtomicInteger();
        var first = runs.start("ops", () -> {
            executions.incrementAndGet();
            waitFor(release);
            return "done";
        });
        var second = runs.start("other", () -> {
            executions.incrementAndGet();
            return "again";
        });

        assertThat(first.joined()).isFalse();
        assertThat(second.joined()).isTrue();
        assertThat(second.run().id()).isEqualTo(first.run().id());
        assertThat(first.run().status()).isEqualTo(BackgroundRuns.Status.running);
        release.countDown();
        var finished = finished(first.run().id());
        assertThat(finished.status()).isEqualTo(BackgroundRuns.Status.succeeded);
        assertThat(finished.result()).isEqualTo("done");
        assertThat(finished.requestedBy()).isEqualTo("ops");
        assertThat(finished.finishedAt()).isNotNull();
        assertThat(executions).hasValue(1);
        runs.close();
    }

    @Test
    void failuresAndNothingToDoAreFailedRunsWithTheReason() throws Exception {
        var broken = runs.start("ops", () -> {
            throw new IllegalStateException("disk full");
        });
        assertThat(finished(broken.run().id()).error()).isEqualTo("IllegalStateException: disk full");
        var idle = runs.start("ops", () -> {
            throw new BackgroundRuns.NothingToDo("no baskets to train on yet");
        });
        var failed = finished(idle.run().id());
        assertThat(failed.status()).isEqualTo(BackgroundRuns.Status.failed);
        assertThat(failed.error()).isEqualTo("no baskets to train on yet");
        assertThat(failed.result()).isNull();
        runs.close();
    }

    @Test
    void onlyTheLastRunsAreKeptNewestFirst() throws Exception {
        UUID last = null;
        for (int i = 0; i < 5; i++) {
            int n = i;
            last = runs.start("ops", () -> "run " + n).run().id();
            finished(last);
        }
        assertThat(runs.recent()).hasSize(3);
        assertThat(runs.recent().get(0).id()).isEqualTo(last);
        assertThat(runs.recent().get(0).result()).isEqualTo("run 4");
        assertThat(runs.find(UUID.randomUUID())).isEmpty();
        runs.close();
    }

    private BackgroundRuns.Run<String> finished(UUID id) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runs.find(id).orElseThrow().status() != BackgroundRuns.Status.running);
        return runs.find(id).orElseThrow();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
