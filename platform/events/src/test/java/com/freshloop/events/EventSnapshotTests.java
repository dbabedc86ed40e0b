package com.freshloop.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The wire format of every event type is pinned in {@code src/test/resources/snapshots}. A change to
 * a record shows as a failing test and a diff; to accept an intended change run the tests with
 * {@code -Dsnapshots.update=true} and review the diff in the commit.
 */
class EventSnapshotTests {

    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
    private final EventCodec codec = EventCodec.json();

    @Test
    void everyCatalogedTypeHasASample() {
        assertThat(EventSamples.BY_CLASS.keySet())
                .containsExactlyInAnyOrderElementsOf(EventCatalog.entries().stream()
                        .map(EventCatalog.Entry::dataClass)
                        .toList());
    }

    @TestFactory
    Stream<DynamicTest> wireFormatMatchesSnapshot() {
        return EventCatalog.entries().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.type(), () -> {
                    String json = codec.mapper()
                                    .writerWithDefaultPrettyPrinter()
                                    .writeValueAsString(codec.toTree(EventSamples.envelope(entry)))
                            + "\n";
                    Path file = SNAPSHOTS.resolve(entry.type() + ".v" + entry.version() + ".json");
                    if (Boolean.getBoolean("snapshots.update")) {
                        Files.createDirectories(SNAPSHOTS);
                        Files.writeString(file, json, StandardCharsets.UTF_8);
                    }
                    assertThat(file)
                            .as("snapshot of %s (run with -Dsnapshots.update=true)", entry.type())
                            .exists();
                    assertThat(json).isEqualTo(read(file));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everySnapshotDecodesBackToItsSample() {
        return EventCatalog.entries().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.type(), () -> {
                    Path file = SNAPSHOTS.resolve(entry.type() + ".v" + entry.version() + ".json");
                    EventEnvelope<EventData> decoded = codec.decode(read(file));
                    assertThat(decoded).isEqualTo(EventSamples.envelope(entry));
                }));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
