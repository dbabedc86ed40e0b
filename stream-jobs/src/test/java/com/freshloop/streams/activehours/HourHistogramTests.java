package com.freshloop.streams.activehours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.freshloop.streams.activehours.records.HourHistogram;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class HourHistogramTests {

    @Test
    void aTieKeepsTheEarlierLeader() {
        HourHistogram histogram = HourHistogram.empty().add(20, 1).add(9, 2);

        assertThat(histogram.leadingHour()).isEqualTo(20);
        assertThat(histogram.add(9, 3).leadingHour()).isEqualTo(9);
    }

    @Test
    void updatesReturnANewHistogramAndLeaveTheOldOneAlone() {
        HourHistogram before = HourHistogram.empty().add(20, 1);
        HourHistogram after = before.add(20, 5);

        assertThat(before.counts()[20]).isEqualTo(1);
        assertThat(after.counts()[20]).isEqualTo(2);
        assertThat(after.latestEventTime()).isEqualTo(5);
        assertThat(after.add(3, 4).latestEventTime()).isEqualTo(5);
    }

    @Test
    void sharesAreOfAllEvents() {
        HourHistogram histogram =
                HourHistogram.empty().add(20, 1).add(20, 2).add(9, 3).add(1, 4);

        assertThat(histogram.leaderShare()).isEqualTo(0.5);
        assertThat(HourHistogram.empty().leaderShare()).isZero();
    }

    @Test
    void rejectsHoursOutsideTheDay() {
        assertThatThrownBy(() -> HourHistogram.empty().add(24, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isStoredWithFlinksRecordSerializerNotKryo() {
        assertThat(TypeInformation.of(HourHistogram.class)).isInstanceOf(PojoTypeInfo.class);
    }
}
