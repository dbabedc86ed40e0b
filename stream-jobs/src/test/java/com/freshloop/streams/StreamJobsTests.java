package com.freshloop.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
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
        assertThat(settings.contextTopic()).isEqualTo("freshloop.context.v1");
        assertThat(settings.contextDeadLetterTopic()).isEqualTo("freshloop.context.v1.dlt");
        assertThat(settings.tagsTopic()).isEqualTo("freshloop.tags.v1");
        assertThat(settings.deadLetterTopic()).isEqualTo("freshloop.behaviour.v1.dlt");
        assertThat(settings.groupId()).isEqualTo("stream-jobs");
        assertThat(settings.checkpointDir()).isEqualTo("file:///tmp/freshloop-flink-checkpoints");
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.restPort()).isEqualTo(8091);
        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(settings.restoreFrom()).isEqualTo("latest");
        assertThat(settings.stateBackend()).isEqualTo("cluster");
    }

    @Test
    void readsEveryArgument() {
        StreamJobsSettings settings = StreamJobsSettings.fromArgs(
                "--bootstrap.servers", "kafka:29092",
                "--input-topic", "in",
                "--context-topic", "ctx",
                "--tags-topic", "out",
                "--group-id", "g",
                "--checkpoint-dir", "file:///data/ckpt",
                "--checkpoint-interval", "2s",
                "--restore-from", "none",
                "--rest.port", "18091",
                "--parallelism", "3",
                "--time-zone", "Europe/Berlin",
                "--allowed-lateness", "2h",
                "--state-backend", "RocksDB");

        assertThat(settings)
                .isEqualTo(new StreamJobsSettings(
                        "kafka:29092",
                        "in",
                        "ctx",
                        "out",
                        "g",
                        "file:///data/ckpt",
                        Duration.ofSeconds(2),
                        "none",
                        18091,
                        3,
                        ZoneId.of("Europe/Berlin"),
                        Duration.ofHours(2),
                        "rocksdb"));
        assertThat(settings.deadLetterTopic()).isEqualTo("in.dlt");
        assertThat(settings.activeHours().allowedLateness()).isEqualTo(Duration.ofHours(2));
        assertThat(List.of(
                        settings.cartAbandonment().allowedLateness(),
                        settings.categoryAffinity().allowedLateness(),
                        settings.purchaseCycle().allowedLateness(),
                        settings.rfm().allowedLateness(),
                        settings.sessions().allowedLateness()))
                .containsOnly(Duration.ofHours(2));
        assertThat(settings.categoryAffinity().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(settings.scenarios().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void rejectsAnUnknownStateBackend() {
        assertThatThrownBy(() -> StreamJobsSettings.fromArgs("--state-backend", "memory"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rocksdb, hashmap or cluster");
    }

    @Test
    void leavesTheStateBackendToTheClusterUnlessOneIsAskedFor() throws Exception {
        Configuration byDefault = StreamJobs.configuration(settings("none"));
        Configuration rocksDb = StreamJobs.configuration(StreamJobsSettings.fromArgs(
                "--checkpoint-dir", dir.toUri().toString(), "--restore-from", "none", "--state-backend", "rocksdb"));
        Configuration heap = StreamJobs.configuration(StreamJobsSettings.fromArgs(
                "--checkpoint-dir", dir.toUri().toString(), "--restore-from", "none", "--state-backend", "hashmap"));

        // A job-level option overrides the cluster's: the clusters' rocksdb (docker-compose.yml, k8s/) holds
        // only because the job sets none by default.
        assertThat(byDefault.getOptional(StateBackendOptions.STATE_BACKEND)).isEmpty();
        Configuration productionCluster = new Configuration();
        productionCluster.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        productionCluster.addAll(byDefault);
        assertThat(productionCluster.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        // A MiniCluster (java -jar) without configuration: Flink's default, the heap.
        assertThat(byDefault.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");

        assertThat(rocksDb.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(rocksDb.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(heap.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
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
                        "active-hours-histogram",
                        "context-source",
                        "context-dead-letter-router",
                        "context-dead-letter-sink",
                        "cart-abandonment-deadlines",
                        "category-affinity-window",
                        "purchase-cycle-due",
                        "rfm-inputs-window",
                        "session-features-sessions",
                        "session-features-no-buy",
                        "scenario-tags-join");
        assertThat(graph.getStreamNodes())
                .extracting(StreamJobsTests::uid)
                .doesNotHaveDuplicates()
                .filteredOn(uid -> uid.matches("[a-z-]+-sink"))
                .containsExactlyInAnyOrder(
                        "behaviour-dead-letter-sink", "context-dead-letter-sink", "active-hours-tag-sink", "tag-sink");
    }

    private static String uid(StreamNode node) {
        return node.getTransformationUID();
    }

    private StreamJobsSettings settings(String restoreFrom) {
        return StreamJobsSettings.fromArgs("--checkpoint-dir", dir.toUri().toString(), "--restore-from", restoreFrom);
    }
}
