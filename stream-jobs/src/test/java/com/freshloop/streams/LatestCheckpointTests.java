package com.freshloop.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestCheckpointTests {

    @TempDir
    Path dir;

    @Test
    void findsNothingInAMissingOrEmptyDirectory() throws IOException {
        assertThat(LatestCheckpoint.under(dir.resolve("missing").toUri().toString()))
                .isEmpty();
        assertThat(LatestCheckpoint.under(dir.toUri().toString())).isEmpty();
    }

    @Test
    void picksTheNewestCompleteCheckpointAcrossRuns() throws IOException {
        checkpoint("run-1", "chk-40", "2026-03-01T10:00:00Z", true);
        checkpoint("run-2", "chk-3", "2026-03-01T11:00:00Z", true);
        checkpoint("run-2", "chk-4", "2026-03-01T12:00:00Z", false);
        Files.createDirectories(dir.resolve("run-2").resolve("shared"));
        Files.createDirectories(dir.resolve("run-3").resolve("taskowned"));

        assertThat(LatestCheckpoint.under(dir.toUri().toString()))
                .hasValueSatisfying(path -> assertThat(path).endsWith("/run-2/chk-3"));
    }

    @Test
    void acceptsAPlainPath() throws IOException {
        checkpoint("run-1", "chk-1", "2026-03-01T10:00:00Z", true);

        assertThat(LatestCheckpoint.under(dir.toString())).isPresent();
    }

    private void checkpoint(String run, String name, String time, boolean complete) throws IOException {
        Path checkpoint = Files.createDirectories(dir.resolve(run).resolve(name));
        Path file = checkpoint.resolve(complete ? "_metadata" : "some-state");
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(time)));
    }
}
