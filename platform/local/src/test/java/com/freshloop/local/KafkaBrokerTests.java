package com.freshloop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.freshloop.events.Topics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaBrokerTests {

    @Test
    void parsesPortsAndDataDirectoryInBothArgumentForms() {
        assertThat(KafkaBroker.Settings.parse("--port", "19092", "--controller-port=19093", "--data-dir", "/tmp/k"))
                .isEqualTo(new KafkaBroker.Settings(19092, 19093, Path.of("/tmp/k")));
    }

    @Test
    void defaultsToTheFixedLocalPorts() {
        assertThat(KafkaBroker.Settings.parse()).isEqualTo(KafkaBroker.Settings.defaults());
        assertThat(KafkaBroker.Settings.defaults().bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void rejectsUnknownArgumentsAndBadPorts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KafkaBroker.Settings.parse("--host", "x"))
                .withMessageContaining("usage");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KafkaBroker.Settings.parse("--port", "abc"))
                .withMessageContaining("--port");
    }

    @Test
    void configuresASingleNodeKraftClusterOnTheGivenPorts() {
        var config = KafkaBroker.serverConfig(new KafkaBroker.Settings(19092, 19093, Path.of("/tmp/k")));

        assertThat(config)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@localhost:19093")
                .containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
                .containsEntry("log.dirs", "/tmp/k/logs")
                .containsEntry("offsets.topic.replication.factor", "1");
    }

    @Test
    void namesEveryTopicWithItsDeadLetterTopic() {
        assertThat(PlatformTopics.names())
                .hasSize(Topics.ALL.size() * 2)
                .contains(Topics.BEHAVIOUR, Topics.deadLetter(Topics.BEHAVIOUR));
    }
}
