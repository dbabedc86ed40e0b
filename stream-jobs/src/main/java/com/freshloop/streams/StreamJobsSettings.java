package com.freshloop.streams;

import com.freshloop.events.Topics;
import com.freshloop.streams.activehours.ActiveHoursSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

/**
 * Everything the stream jobs are told on the command line, with the platform's defaults.
 *
 * @param bootstrapServers Kafka brokers ({@code --bootstrap.servers})
 * @param inputTopic behaviour events to read ({@code --input-topic}); its dead-letter topic takes the
 *     records that are not events
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
 */
public record StreamJobsSettings(
        String bootstrapServers,
        String inputTopic,
        String tagsTopic,
        String groupId,
        String checkpointDir,
        Duration checkpointInterval,
        String restoreFrom,
        int restPort,
        int parallelism,
        ZoneId timeZone,
        Duration allowedLateness) {

    public static final String RESTORE_LATEST = "latest";
    public static final String RESTORE_NONE = "none";

    public StreamJobsSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(inputTopic, "inputTopic");
        Objects.requireNonNull(tagsTopic, "tagsTopic");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(checkpointDir, "checkpointDir");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(restoreFrom, "restoreFrom");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(allowedLateness, "allowedLateness");
    }

    public static StreamJobsSettings fromArgs(String... args) {
        ParameterTool params = ParameterTool.fromArgs(args);
        return new StreamJobsSettings(
                params.get("bootstrap.servers", "localhost:9092"),
                params.get("input-topic", Topics.BEHAVIOUR),
                params.get("tags-topic", Topics.TAGS),
                params.get("group-id", "stream-jobs"),
                params.get("checkpoint-dir", "file:///tmp/freshloop-flink-checkpoints"),
                TimeUtils.parseDuration(params.get("checkpoint-interval", "10s")),
                params.get("restore-from", RESTORE_LATEST),
                params.getInt("rest.port", 8091),
                params.getInt("parallelism", 0),
                ZoneId.of(params.get("time-zone", "Asia/Shanghai")),
                TimeUtils.parseDuration(params.get("allowed-lateness", "1d")));
    }

    /** Where records that are not events go. */
    public String deadLetterTopic() {
        return Topics.deadLetter(inputTopic);
    }

    public ActiveHoursSettings activeHours() {
        return ActiveHoursSettings.defaults(timeZone).withAllowedLateness(allowedLateness);
    }

    public StreamJobsSettings withRestoreFrom(String restoreFrom) {
        return new StreamJobsSettings(
                bootstrapServers,
                inputTopic,
                tagsTopic,
                groupId,
                checkpointDir,
                checkpointInterval,
                restoreFrom,
                restPort,
                parallelism,
                timeZone,
                allowedLateness);
    }
}
