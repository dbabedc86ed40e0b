package com.freshloop.streams;

import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Finds the newest completed checkpoint under a checkpoint directory, across the runs of the job.
 * Flink writes {@code <dir>/<job id>/chk-<n>/_metadata}, with a new job id on every start, and writes
 * {@code _metadata} last, so a checkpoint without it is incomplete and skipped.
 */
public final class LatestCheckpoint {

    private static final Pattern CHECKPOINT = Pattern.compile("chk-\\d+");
    private static final String METADATA = "_metadata";

    private LatestCheckpoint() {}

    /** The path of the newest complete checkpoint (its {@code chk-<n>} directory), if any. */
    public static Optional<String> under(String checkpointDir) throws IOException {
        Path root = new Path(checkpointDir);
        FileSystem fs = root.getFileSystem();
        if (!fs.exists(root)) {
            return Optional.empty();
        }
        return directories(fs, root)
                .flatMap(job -> {
                    try {
                        return directories(fs, job.getPath());
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot list " + job.getPath(), e);
                    }
                })
                .filter(dir -> CHECKPOINT.matcher(dir.getPath().getName()).matches())
                .flatMap(dir -> metadata(fs, dir.getPath()).stream())
                .max(Comparator.comparingLong(FileStatus::getModificationTime)
                        .thenComparingLong(
                                status -> checkpointNumber(status.getPath().getParent())))
                .map(status -> status.getPath().getParent().toString());
    }

    private static Stream<FileStatus> directories(FileSystem fs, Path dir) throws IOException {
        FileStatus[] statuses = fs.listStatus(dir);
        return statuses == null ? Stream.empty() : Stream.of(statuses).filter(FileStatus::isDir);
    }

    private static Optional<FileStatus> metadata(FileSystem fs, Path checkpoint) {
        try {
            Path metadata = new Path(checkpoint, METADATA);
            return fs.exists(metadata) ? Optional.of(fs.getFileStatus(metadata)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long checkpointNumber(Path checkpoint) {
        return Long.parseLong(checkpoint.getName().substring("chk-".length()));
    }
}
