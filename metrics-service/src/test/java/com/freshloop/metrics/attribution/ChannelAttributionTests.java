package com.freshloop.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.freshloop.metrics.attribution.ChannelAttribution.Journey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelAttributionTests {

    @Test
    void creditsShapleyAndLastTouchAndCountsJourneysWithoutTouchesAsOrganic() {
        ChannelAttribution.Report report = ChannelAttribution.solve(List.of(
                new Journey(List.of("coupon", "push"), "push", 2),
                new Journey(List.of("push"), "push", 1),
                new Journey(List.of(), "", 3)));

        assertThat(report.repurchases()).isEqualTo(6);
        assertThat(report.organic()).isEqualTo(3);
        assertThat(report.channels())
                .containsExactly(
                        new ChannelAttribution.Channel("push", 2, 3, 3),
                        new ChannelAttribution.Channel("coupon", 1, 0, 2));
        assertThat(report.merged()).isEmpty();
    }

    @Test
    void foldsTheLeastFrequentTouchpointsIntoOtherBeyondTwelve() {
        List<Journey> journeys = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            // campaign:00 is the most frequent, campaign:13 the least
            journeys.add(new Journey(List.of("campaign:%02d".formatted(i)), "campaign:%02d".formatted(i), 100 - i));
        }

        ChannelAttribution.Report report = ChannelAttribution.solve(journeys);

        assertThat(report.channels()).hasSize(12);
        assertThat(report.merged()).containsExactly("campaign:11", "campaign:12", "campaign:13");
        assertThat(report.channels())
                .filteredOn(c -> c.channel().equals(ChannelAttribution.OTHER))
                .singleElement()
                .satisfies(other -> {
                    assertThat(other.shapley()).isCloseTo(89 + 88 + 87, within(1e-9));
                    assertThat(other.lastTouch()).isEqualTo(89 + 88 + 87);
                });
        assertThat(report.channels().stream()
                        .mapToDouble(ChannelAttribution.Channel::shapley)
                        .sum())
                .isCloseTo(report.repurchases(), within(1e-6));
    }
}
