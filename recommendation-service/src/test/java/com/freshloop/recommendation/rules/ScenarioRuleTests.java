package com.freshloop.recommendation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.freshloop.starter.web.UnprocessableException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ScenarioRuleTests {

    private static ScenarioRule rule(
            String kind,
            @Nullable Integer start,
            @Nullable Integer end,
            @Nullable String weather,
            @Nullable String lifecycle,
            String context) {
        return new ScenarioRule(
                1,
                "r",
                kind,
                start,
                end,
                weather,
                lifecycle,
                context,
                List.of("milk"),
                "because",
                0,
                true,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    private static Situation at(int hour) {
        return new Situation("home", hour, null, "occasional");
    }

    @Test
    void timeWindowsIncludeTheStartExcludeTheEndAndMayWrapMidnight() {
        ScenarioRule breakfast = rule(ScenarioRule.TIME_OF_DAY, 6, 10, null, null, "home");
        assertThat(breakfast.matches(at(6))).isTrue();
        assertThat(breakfast.matches(at(9))).isTrue();
        assertThat(breakfast.matches(at(10))).isFalse();
        ScenarioRule lateNight = rule(ScenarioRule.TIME_OF_DAY, 22, 2, null, null, "any");
        assertThat(lateNight.matches(at(23))).isTrue();
        assertThat(lateNight.matches(at(1))).isTrue();
        assertThat(lateNight.matches(at(12))).isFalse();
    }

    @Test
    void weatherRulesCompareTheTemperatureForHotAndColdAndTheConditionOtherwise() {
        var hot = new Situation.Weather(33, "sunny", 28, 5);
        var rainy = new Situation.Weather(18, "rain", 28, 5);
        assertThat(rule(ScenarioRule.WEATHER, null, null, "hot", null, "home")
                        .matches(new Situation("home", 12, hot, "new")))
                .isTrue();
        assertThat(rule(ScenarioRule.WEATHER, null, null, "hot", null, "home")
                        .matches(new Situation("home", 12, rainy, "new")))
                .isFalse();
        assertThat(rule(ScenarioRule.WEATHER, null, null, "rain", null, "home")
                        .matches(new Situation("home", 12, rainy, "new")))
                .isTrue();
        assertThat(rule(ScenarioRule.WEATHER, null, null, "hot", null, "home")
                        .matches(new Situation("home", 12, null, "new")))
                .isFalse();
    }

    @Test
    void lifecycleAndContextMustMatch() {
        ScenarioRule firstOrder = rule(ScenarioRule.LIFECYCLE, null, null, null, "new", "home");
        assertThat(firstOrder.matches(new Situation("home", 9, null, "new"))).isTrue();
        assertThat(firstOrder.matches(new Situation("home", 9, null, "regular")))
                .isFalse();
        assertThat(firstOrder.matches(new Situation("cart", 9, null, "new"))).isFalse();
        assertThat(Situation.lifecycle(0)).isEqualTo("new");
        assertThat(Situation.lifecycle(2)).isEqualTo("occasional");
        assertThat(Situation.lifecycle(3)).isEqualTo("regular");
    }

    @Test
    void kindSpecificPartsAreChecked() {
        assertThatThrownBy(() -> Rules.check(
                        new RuleDraft("x", "time_of_day", 6, null, null, null, null, List.of("milk"), "r", null, null)))
                .isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> Rules.check(
                        new RuleDraft("x", "weather", null, null, null, null, null, List.of("milk"), "r", null, null)))
                .isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> Rules.check(
                        new RuleDraft("x", "lifecycle", null, null, null, "new", null, List.of(), "r", null, null)))
                .isInstanceOf(UnprocessableException.class);
        Rules.check(new RuleDraft("reminder", "lifecycle", null, null, null, "regular", null, null, "r", null, null));
    }
}
