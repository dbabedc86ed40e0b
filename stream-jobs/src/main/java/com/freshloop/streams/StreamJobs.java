package com.freshloop.streams;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.activehours.ActiveHoursJob;
import com.freshloop.streams.cartabandonment.CartAbandonmentJob;
import com.freshloop.streams.categoryaffinity.CategoryAffinityJob;
import com.freshloop.streams.kafka.BehaviourWatermarks;
import com.freshloop.streams.kafka.DeadLetterRouter;
import com.freshloop.streams.kafka.KafkaConnectors;
import com.freshloop.streams.purchasecycle.PurchaseCycleJob;
import com.freshloop.streams.rfm.RfmJob;
import com.freshloop.streams.scenario.ScenarioJob;
import com.freshloop.streams.sessions.SessionFeaturesJob;
import com.freshloop.streams.types.EventEnvelopeTypeInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: every stream job in one Flink job, reading the behaviour topic once.
 *
 * <p>Run with {@code java -jar} it is a MiniCluster in this JVM (REST API on localhost:8091); the
 * {@code -Pcluster} build of the same class is submitted to a Flink cluster with {@code flink run}.
 */
public final class StreamJobs {

    public static final String JOB_NAME = "freshloop-stream-jobs";

    private static final Logger log = LoggerFactory.getLogger(StreamJobs.class);

    private StreamJobs() {}

    public static void main(String[] args) throws Exception {
        StreamJobsSettings settings = StreamJobsSettings.fromArgs(args);
        Configuration configuration = configuration(settings);
        log.info(
                "Starting {}: brokers {}, {} + {} -> {} (dead letters to {}), state backend: {}, checkpoints in {}, "
                        + "REST on localhost:{}, {}",
                JOB_NAME,
                settings.bootstrapServers(),
                settings.inputTopic(),
                settings.contextTopic(),
                settings.tagsTopic(),
                settings.deadLetterTopic(),
                settings.stateBackend(),
                settings.checkpointDir(),
                settings.restPort(),
                configuration
                        .getOptional(StateRecoveryOptions.SAVEPOINT_PATH)
                        .map(path -> "resuming from " + path)
                        .orElse("starting without state"));
        prepare(settings, configuration).execute(JOB_NAME);
    }

    /** An environment configured and wired as {@link #main} runs it, ready to execute. */
    public static StreamExecutionEnvironment prepare(StreamJobsSettings settings) throws IOException {
        return prepare(settings, configuration(settings));
    }

    private static StreamExecutionEnvironment prepare(StreamJobsSettings settings, Configuration configuration) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        wire(env, settings);
        return env;
    }

    /**
     * The Flink configuration of the job: REST endpoint, state backend, checkpointing, restarts, types, and
     * where to restore from. Options of the cluster itself (the REST endpoint) only take effect in a MiniCluster.
     */
    public static Configuration configuration(StreamJobsSettings settings) throws IOException {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.NAME, JOB_NAME);
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.BIND_ADDRESS, "localhost");
        conf.set(RestOptions.PORT, settings.restPort());
        conf.set(RestOptions.BIND_PORT, Integer.toString(settings.restPort()));

        // The job's configuration overrides the cluster's: the backend is set here only when asked for, so
        // that the clusters' state.backend.type: rocksdb (docker-compose.yml, k8s/) takes effect.
        if (!StreamJobsSettings.CLUSTER.equals(settings.stateBackend())) {
            conf.set(StateBackendOptions.STATE_BACKEND, settings.stateBackend());
        }
        if (StreamJobsSettings.ROCKSDB.equals(settings.stateBackend())) {
            // Only what changed since the last checkpoint is uploaded: checkpoints stay small and quick
            // however much state (months of purchase histories) the jobs hold.
            conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        }
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpointInterval());
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpointDir());
        // Kept when the job is cancelled or its process stops, so the next start can resume from it.
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofSeconds(1));

        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofMinutes(1));

        // Every type has an explicit serializer; a Kryo fallback is a bug, caught when the job is built.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // Records flowing between operators are immutable, so chained operators may share them.
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        if (settings.parallelism() > 0) {
            conf.set(org.apache.flink.configuration.CoreOptions.DEFAULT_PARALLELISM, settings.parallelism());
        }

        restorePath(settings).ifPresent(path -> {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path);
            // The new run owns the checkpoint and deletes it once its own checkpoints supersede it, so
            // retained checkpoints do not pile up across restarts.
            conf.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
        });
        return conf;
    }

    static Optional<String> restorePath(StreamJobsSettings settings) throws IOException {
        return switch (settings.restoreFrom()) {
            case StreamJobsSettings.RESTORE_NONE -> Optional.empty();
            case StreamJobsSettings.RESTORE_LATEST -> LatestCheckpoint.under(settings.checkpointDir());
            default -> Optional.of(settings.restoreFrom());
        };
    }

    /**
     * Adds the shared behaviour and context sources, their dead-letter sinks and every job with its sink
     * to {@code env}. Active hours keeps the sink it always had (its uid holds state in existing
     * checkpoints); the other jobs share one sink, one Kafka producer per instance.
     */
    public static void wire(StreamExecutionEnvironment env, StreamJobsSettings settings) {
        SingleOutputStreamOperator<EventEnvelope<EventData>> behaviour = env.fromSource(
                        KafkaConnectors.eventSource(
                                settings.bootstrapServers(), settings.inputTopic(), settings.groupId()),
                        BehaviourWatermarks.forKafkaRecords(),
                        "behaviour-source")
                .uid("behaviour-source")
                .process(new DeadLetterRouter(), EventEnvelopeTypeInfo.any())
                .name("behaviour-dead-letter-router")
                .uid("behaviour-dead-letter-router");
        behaviour
                .getSideOutput(DeadLetterRouter.DEAD_LETTERS)
                .sinkTo(KafkaConnectors.deadLetterSink(settings.bootstrapServers()))
                .name("behaviour-dead-letter-sink")
                .uid("behaviour-dead-letter-sink");

        ActiveHoursJob.tags(behaviour, settings.activeHours())
                .sinkTo(KafkaConnectors.<TagAssigned>eventSink(settings.bootstrapServers(), settings.tagsTopic()))
                .name("active-hours-tag-sink")
                .uid("active-hours-tag-sink");

        SingleOutputStreamOperator<EventEnvelope<EventData>> context = env.fromSource(
                        KafkaConnectors.eventSource(
                                settings.bootstrapServers(),
                                settings.contextTopic(),
                                settings.groupId(),
                                settings.groupId() + "-context"),
                        BehaviourWatermarks.forKafkaRecords(),
                        "context-source")
                .uid("context-source")
                .process(new DeadLetterRouter(), EventEnvelopeTypeInfo.any())
                .name("context-dead-letter-router")
                .uid("context-dead-letter-router");
        context.getSideOutput(DeadLetterRouter.DEAD_LETTERS)
                .sinkTo(KafkaConnectors.deadLetterSink(settings.bootstrapServers()))
                .name("context-dead-letter-sink")
                .uid("context-dead-letter-sink");

        DataStream<EventEnvelope<StreamEvent>> signals = CartAbandonmentJob.signals(
                        behaviour, settings.cartAbandonment())
                .union(
                        CategoryAffinityJob.tags(behaviour, settings.categoryAffinity()),
                        PurchaseCycleJob.signals(behaviour, settings.purchaseCycle()),
                        RfmJob.tags(behaviour, settings.rfm()),
                        SessionFeaturesJob.tags(behaviour, settings.sessions()),
                        ScenarioJob.tags(behaviour, context, settings.scenarios()));
        signals.sinkTo(KafkaConnectors.<StreamEvent>eventSink(settings.bootstrapServers(), settings.tagsTopic()))
                .name("tag-sink")
                .uid("tag-sink");
    }
}
