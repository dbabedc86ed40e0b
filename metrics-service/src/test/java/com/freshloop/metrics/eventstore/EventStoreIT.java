package com.freshloop.metrics.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Unrecognised;
import com.freshloop.events.behaviour.v1.CheckinDone;
import com.freshloop.events.behaviour.v1.PageViewed;
import com.freshloop.events.behaviour.v1.SearchPerformed;
import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.testing.ClickHouseInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.kafka.listener.auto-startup=false")
@Import(ClickHouseInfrastructure.class)
class EventStoreIT {

    private static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

    @Autowired
    EventStore store;

    @Autowired
    ClickHouseTemplate clickHouse;

    record Rows(long rows) {}

    record Data(String data) {}

    /** Each test has its own subject, so tests sharing the context's database never see each other's events. */
    private final String user = "user-" + UUID.randomUUID();

    @Test
    void storesABatch() {
        store.store(
                List.of(pageViewed(user, T0), pageViewed(user, T0.plusSeconds(60)), search(user, T0.plusSeconds(120))));

        assertThat(store.count(EventFilter.subject(user))).isEqualTo(3);
        assertThat(store.countByType(EventFilter.subject(user)))
                .containsExactly(new EventTypeCount("page.viewed", 2), new EventTypeCount("search.performed", 1));
    }

    @Test
    void countsARedeliveredEventOnce() {
        EventEnvelope<PageViewed> event = pageViewed(user, T0);

        store.store(List.of(event, search(user, T0)));
        store.store(List.of(event));

        assertThat(store.count(EventFilter.subject(user))).isEqualTo(2);
        assertThat(store.countByType(EventFilter.subject(user))).contains(new EventTypeCount("page.viewed", 1));
        // and once ClickHouse merges, the duplicate row is gone, not only hidden by the count
        // OPTIMIZE ... FINAL may return before a concurrent merge is done: ask again until it is
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    clickHouse.execute("OPTIMIZE TABLE events FINAL");
                    assertThat(clickHouse.query(
                                    "SELECT count() AS rows FROM events WHERE subject = '" + user + "'", Rows.class))
                            .containsExactly(new Rows(2));
                });
    }

    @Test
    void countsByTypeSubjectAndTimeRange() {
        String other = "user-" + UUID.randomUUID();
        store.store(List.of(
                pageViewed(user, T0.minusSeconds(1)),
                pageViewed(user, T0),
                search(user, T0.plusSeconds(3599)),
                pageViewed(user, T0.plusSeconds(3600)),
                pageViewed(other, T0)));
        Instant from = T0;
        Instant to = T0.plusSeconds(3600);

        assertThat(store.count(new EventFilter(null, user, from, to))).isEqualTo(2);
        assertThat(store.count(new EventFilter("page.viewed", user, from, to))).isEqualTo(1);
        assertThat(store.count(new EventFilter("page.viewed", user, null, null)))
                .isEqualTo(3);
        assertThat(store.count(new EventFilter(null, user, to, null))).isEqualTo(1);
        assertThat(store.count(new EventFilter(null, user, null, from))).isEqualTo(1);
        assertThat(store.count(new EventFilter(null, user, from, from))).isZero();
        assertThat(store.count(new EventFilter("page.viewed", null, from, from.plusSeconds(1))))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void storesEventsOfTypesItDoesNotKnowWithTheirRawData() {
        String raw = "{\"colour\":\"green\",\"n\":1}";
        store.store(List.of(new EventEnvelope<EventData>(
                UUID.randomUUID(), "garden.harvested", "membership-service", T0, user, 3, new Unrecognised(raw))));

        assertThat(store.countByType(EventFilter.subject(user)))
                .containsExactly(new EventTypeCount("garden.harvested", 1));
        assertThat(clickHouse.query("SELECT data FROM events WHERE subject = '" + user + "'", Data.class))
                .containsExactly(new Data(raw));
    }

    @Test
    void keepsTheDataOfKnownTypesAsTheirJson() {
        store.store(List.of(EventEnvelope.of("gateway-service", user, T0, new CheckinDone("Asia/Shanghai"))));

        assertThat(clickHouse.query("SELECT data FROM events WHERE subject = '" + user + "'", Data.class))
                .singleElement()
                .extracting(Data::data)
                .asString()
                .contains("\"timeZone\":\"Asia/Shanghai\"");
    }

    @Test
    void matchesSubjectsLiterallyWhateverTheyContain() {
        String awkward = user + "' OR '1'='1 \\";
        store.store(List.of(pageViewed(awkward, T0)));

        assertThat(store.count(EventFilter.subject(awkward))).isEqualTo(1);
        assertThat(store.count(EventFilter.subject(user + "' OR '1'='1"))).isZero();
    }

    @Test
    void refusesEventTimesClickHouseCannotHold() {
        EventEnvelope<PageViewed> ancient = pageViewed(user, Instant.parse("1969-07-20T20:17:00Z"));

        assertThat(EventStore.canStore(ancient)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> store.store(List.of(pageViewed(user, T0), ancient)));
        assertThat(store.count(EventFilter.subject(user))).isZero();
    }

    static EventEnvelope<PageViewed> pageViewed(String user, Instant at) {
        return EventEnvelope.of("gateway-service", user, at, new PageViewed("/home", null, null));
    }

    static EventEnvelope<SearchPerformed> search(String user, Instant at) {
        return EventEnvelope.of("gateway-service", user, at, new SearchPerformed("milk", 3));
    }
}
