package com.freshloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeShiftTests {

    @Test
    void theDataSetsLastDayBecomesThirtyOneDaysAgo() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        TimeShift shift = TimeShift.mapping(LocalDate.of(2015, 12, 30), today);
        assertThat(shift.shift(LocalDate.of(2015, 12, 30))).isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(shift.shift(LocalDate.of(2015, 12, 29))).isEqualTo(LocalDate.of(2026, 10, 23));
    }

    @Test
    void sessionsStartAtTheMembersPreferredHourInShanghai() {
        TimeShift shift = new TimeShift(100);
        int hour = TimeShift.preferredHour("g-1808");
        assertThat(hour).isBetween(7, 22).isEqualTo(TimeShift.preferredHour("g-1808"));
        ZonedDateTime start =
                shift.sessionStart("g-1808", LocalDate.of(2015, 1, 1)).atZone(TimeShift.ZONE);
        assertThat(start.getHour()).isEqualTo(hour);
        assertThat(start.toLocalDate()).isEqualTo(LocalDate.of(2015, 1, 1).plusDays(100));
    }

    @Test
    void aBasketsEventsAreInTimeOrderWithDeterministicIds() {
        Basket basket =
                new Basket(1808, LocalDate.of(2015, 7, 21), List.of("whole milk", "domestic eggs", "whole milk"));
        TimeShift shift = new TimeShift(4000);
        List<SimEvent> events = ShopperEvents.basket(basket, shift);
        assertThat(events).isEqualTo(ShopperEvents.basket(basket, shift));
        assertThat(events).extracting(SimEvent::instant).isSorted();
        assertThat(events).extracting(SimEvent::type).contains("cart.item_added", "order.placed");
        assertThat(events.stream().filter(e -> e.type().equals("cart.item_added")))
                .hasSize(2);
        assertThat(events.stream().map(SimEvent::id).distinct()).hasSize(events.size());
    }
}
