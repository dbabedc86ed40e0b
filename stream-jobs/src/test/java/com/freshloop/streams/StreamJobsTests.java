package com.freshloop.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamJobsTests {

    @TempDir
    Path dir;

    @Test
    void defaultsToThePlatformsTopicsBrokerAndPorts() {
        StreamJobsSettings settings = StreamJobsSettings.fromArgs();

        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.inputTopic()).isEqualTo("freshloop.behaviour.v1");
        assertThat(settings.tagsTopic()).isEqualTo("freshloop.tags.v1");
        assertThat(settings.deadLetterTopic()).isEqualTo("freshloop.behaviour.v1.dlt");
        assertThat(settings.groupId()).isEqualTo("stream-jobs");
        assertThat(settings.checkpointDir()).isEqualTo("file:///tmp/freshloop-flink-checkpoints");
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.restPort()).isEqualTo(8091);
        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(settings.restoreFrom()).isEqualTo("latest");
    }

    @Test
    void readsEveryArgument() {
        StreamJobsSettings settings = StreamJobsSettings.fromArgs(
                "--bootstrap.servers", "kafka:29092",
                "--input-topic", "in",
                "--tags-topic", "out",
                "--group-id", "g",
                "--checkpoint-dir", "file:///data/ckpt",
                "--checkpoint-interval", "2s",
                "--restore-from", "none",
                "--rest.port", "18091",
                "--parallelism", "3",
                "--time-zone", "Europe/Berlin",
                "--allowed-lateness", "2h");

        assertThat(settings)
                .isEqualTo(new StreamJobsSettings(
                        "kafka:29092",
                        "in",
                        "out",
                        "g",
                        "file:///data/ckpt",
                        Duration.ofSeconds(2),
                        "none",
                        18091,
                        3,
                        ZoneId.of("Europe/Berlin"),
                        Duration.ofHours(2)));
        assertThat(settings.deadLetterTopic()).isEqualTo("in.dlt");
        assertThat(settings.activeHours().allowedLateness()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void configuresRestCheckpointsAndRetention() throws Exception {
        Configuration conf = StreamJobs.configuration(settings("latest"));

        assertThat(conf.get(RestOptions.PORT)).isEqualTo(8091);
        assertThat(conf.get(RestOptions.BIND_PORT)).isEqualTo("8091");
        assertThat(conf.get(RestOptions.BIND_ADDRESS)).isEqualTo("localhost");
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo(dir.toUri().toString());
        assertThat(conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(conf.getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
    }

    @Test
    void resumesFromTheLatestRetainedCheckpoint() throws Exception {
        Files.writeString(
                Files.createDirectories(dir.resolve("3c5906b2").resolve("chk-7"))
                        .resolve("_metadata"),
                "x");

        Configuration latest = StreamJobs.configuration(settings("latest"));
        Configuration none = StreamJobs.configuration(settings("none"));
        Configuration given = StreamJobs.configuration(settings("file:///savepoints/sp-1"));

        assertThat(latest.get(StateRecoveryOptions.SAVEPOINT_PATH)).endsWith("/3c5906b2/chk-7");
        assertThat(latest.get(StateRecoveryOptions.RESTORE_MODE)).isEqualTo(RecoveryClaimMode.CLAIM);
        assertThat(none.getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
        assertThat(given.get(StateRecoveryOptions.SAVEPOINT_PATH)).isEqualTo("file:///savepoints/sp-1");
    }

    @Test
    void buildsAGraphWithoutKryoWhoseOperatorsAllHaveStableUids() throws Exception {
        StreamJobsSettings settings = settings("none");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(StreamJobs.configuration(settings));
        StreamJobs.wire(env, settings);

        // Building the graph creates every serializer; with generic types disabled a Kryo fallback fails here.
        StreamGraph graph = env.getStreamGraph();

        assertThat(graph.getStreamNodes())
                .allSatisfy(
                        node -> assertThat(uid(node)).as(node.getOperatorName()).isNotBlank());
        assertThat(graph.getStreamNodes())
                .extracting(StreamJobsTests::uid)
                .contains(
                        "behaviour-source",
                        "behaviour-dead-letter-router",
                        "active-hours-activity",
                        "active-hours-histogram");
    }

    private static String uid(StreamNode node) {
        return node.getTransformationUID();
    }

    private StreamJobsSettings settings(String restoreFrom) {
        return StreamJobsSettings.fromArgs("--checkpoint-dir", dir.toUri().toString(), "--restore-from", restoreFrom);
    }
}
