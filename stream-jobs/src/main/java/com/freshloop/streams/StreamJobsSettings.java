package com.freshloop.streams;

import com.freshloop.events.Topics;
import com.freshloop.streams.activehours.ActiveHoursSettings;
import com.freshloop.streams.cartabandonment.CartAbandonmentSettings;
import com.freshloop.streams.categoryaffinity.CategoryAffinitySettings;
import com.freshloop.streams.purchasecycle.PurchaseCycleSettings;
import com.freshloop.streams.rfm.RfmSettings;
import com.freshloop.streams.scenario.ScenarioSettings;
import com.freshloop.streams.sessions.SessionSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

/**
 * Everything the stream jobs are told on the command line, with the platform's defaults.
 *
 * @param bootstrapServers Kafka brokers ({@code --bootstrap.servers})
 * @param inputTopic behaviour events to read ({@code --input-topic}); its dead-letter topic takes the
 *     records that are not events
 * @param contextTopic weather and holidays per region to read ({@code --context-topic}); its dead-letter
 *     topic takes the records that are not events
 * @param tagsTopic where tags are written ({@code --tags-topic})
 * @param groupId consumer group, used for committed offsets and monitoring ({@code --group-id})
 * @param checkpointDir checkpoint storage, a Flink file system URI ({@code --checkpoint-dir})
 * @param checkpointInterval how often to checkpoint ({@code --checkpoint-interval}, e.g. {@code 10s})
 * @param restoreFrom {@code latest} (resume from the newest retained checkpoint under checkpointDir, if
 *     any), {@code none}, or the path of a checkpoint or savepoint ({@code --restore-from})
 * @param restPort port of the MiniCluster's REST endpoint on localhost ({@code --rest.port})
 * @param parallelism operator parallelism, 0 for Flink's default ({@code --parallelism})
 * @param timeZone the shoppers' time zone for hour-of-day tags ({@code --time-zone})
 * @param allowedLateness how late (behind the watermark) an event may be and still count
 *     ({@code --allowed-lateness})
 * @param stateBackend {@code rocksdb} (state on local disk, incremental checkpoints: the production
 *     configuration), {@code hashmap} (state on the heap) or {@code cluster}, the default: whatever the Flink
 *     configuration says ({@code state.backend.type}: {@code rocksdb} on the compose and Kubernetes clusters,
 *     Flink's {@code hashmap} in the MiniCluster of {@code java -jar}) ({@code --state-backend})
 */
public record StreamJobsSettings(
        String bootstrapServers,
        String inputTopic,
        String contextTopic,
        String tagsTopic,
        String groupId,
        String checkpointDir,
        Duration checkpointInterval,
        String restoreFrom,
        int restPort,
        int parallelism,
        ZoneId timeZone,
        Duration allowedLateness,
        String stateBackend) {

    public static final String RESTORE_LATEST = "latest";
    public static final String RESTORE_NONE = "none";
    public static final String HASHMAP = "hashmap";
    public static final String ROCKSDB = "rocksdb";
    /** Leave the state backend to the cluster's configuration (a job-level setting would override it). */
    public static final String CLUSTER = "cluster";

    public StreamJobsSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(inputTopic, "inputTopic");
        Objects.requireNonNull(contextTopic, "contextTopic");
        Objects.requireNonNull(tagsTopic, "tagsTopic");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(checkpointDir, "checkpointDir");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(restoreFrom, "restoreFrom");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        Objects.requireNonNull(stateBackend, "stateBackend");
        if (!Set.of(HASHMAP, ROCKSDB, CLUSTER).contains(stateBackend)) {
            throw new IllegalArgumentException(
                    "--state-backend must be rocksdb, hashmap or cluster, not " + stateBackend);
        }
    }

    public static StreamJobsSettings fromArgs(String... args) {
        ParameterTool params = ParameterTool.fromArgs(args);
        return new StreamJobsSettings(
                params.get("bootstrap.servers", "localhost:9092"),
                params.get("input-topic", Topics.BEHAVIOUR),
                params.get("context-topic", Topics.CONTEXT),
                params.get("tags-topic", Topics.TAGS),
                params.get("group-id", "stream-jobs"),
                params.get("checkpoint-dir", "file:///tmp/freshloop-flink-checkpoints"),
                TimeUtils.parseDuration(params.get("checkpoint-interval", "10s")),
                params.get("restore-from", RESTORE_LATEST),
                params.getInt("rest.port", 8091),
                params.getInt("parallelism", 0),
                ZoneId.of(params.get("time-zone", "Asia/Shanghai")),
                TimeUtils.parseDuration(params.get("allowed-lateness", "1d")),
                params.get("state-backend", CLUSTER).toLowerCase(Locale.ROOT));
    }

    /** Where records that are not events go. */
    public String deadLetterTopic() {
        return Topics.deadLetter(inputTopic);
    }

    /** Where context records that are not events go. */
    public String contextDeadLetterTopic() {
        return Topics.deadLetter(contextTopic);
    }

    public ActiveHoursSettings activeHours() {
        return ActiveHoursSettings.defaults(timeZone).withAllowedLateness(allowedLateness);
    }

    public CartAbandonmentSettings cartAbandonment() {
        return CartAbandonmentSettings.defaults().withAllowedLateness(allowedLateness);
    }

    public CategoryAffinitySettings categoryAffinity() {
        return CategoryAffinitySettings.defaults(timeZone).withAllowedLateness(allowedLateness);
    }

    public PurchaseCycleSettings purchaseCycle() {
        return PurchaseCycleSettings.defaults().withAllowedLateness(allowedLateness);
    }

    public RfmSettings rfm() {
        return RfmSettings.defaults().withAllowedLateness(allowedLateness);
    }

    public SessionSettings sessions() {
        return SessionSettings.defaults().withAllowedLateness(allowedLateness);
    }

    public ScenarioSettings scenarios() {
        return ScenarioSettings.defaults(timeZone);
    }

    public StreamJobsSettings withRestoreFrom(String restoreFrom) {
        return new StreamJobsSettings(
                bootstrapServers,
                inputTopic,
                contextTopic,
                tagsTopic,
                groupId,
                checkpointDir,
                checkpointInterval,
                restoreFrom,
                restPort,
                parallelism,
                timeZone,
                allowedLateness,
                stateBackend);
    }
}
