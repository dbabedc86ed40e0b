package com.freshloop.supply.spoilage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.freshloop.supply.forecast.Baselines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpoilageSimulationTests {

    private static double[] constant(int days, double units) {
        double[] y = new double[days];
        Arrays.fill(y, units);
        return y;
    }

    @Test
    void aOneDayShelfLifeThrowsAwayTheNaiveBufferEveryDay() {
        // newspapers keep one day: of the 15 ordered for a demand of 10, 5 are thrown away daily
        SpoilageSimulation.Result r =
                SpoilageSimulation.simulate(constant(100, 10), 28, 1, false, SpoilageSimulation.naive());
        assertThat(r.demand()).isEqualTo(280);
        assertThat(r.unmet()).isZero();
        assertThat(r.received()).isEqualTo(28 * 15);
        assertThat(r.spoiled()).isEqualTo(28 * 5);
        assertThat(r.spoilagePercent()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(r.stockOutPercent()).isZero();
    }

    @Test
    void longLifeGoodsDoNotSpoilAndTheBufferIsCarriedOver() {
        SpoilageSimulation.Result r =
                SpoilageSimulation.simulate(constant(100, 10), 28, 365, false, SpoilageSimulation.naive());
        assertThat(r.spoiled()).isZero();
        assertThat(r.unmet()).isZero();
        // the opening 15 plus 10 a day to refill to 15
        assertThat(r.received()).isEqualTo(15 + 27 * 10);
    }

    @Test
    void reportComparesPoliciesWithSpoilageAndStockOutPercentages() {
        double[] week = {2, 2, 2, 2, 10, 14, 4};
        double[] bumpy = new double[120];
        for (int t = 0; t < bumpy.length; t++) {
            bumpy[t] = week[t % 7];
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("whole milk", bumpy);
        series.put("newspapers", constant(120, 3));
        List<SpoilageSimulation.Result> results = SpoilageSimulation.run(
                series,
                56,
                List.of(
                        SpoilageSimulation.naive(),
                        SpoilageSimulation.forecastDriven(Baselines.seasonalNaive(7), true)));

        assertThat(results).hasSize(2);
        for (SpoilageSimulation.Result r : results) {
            // every unit demanded is either sold or unmet; nothing is sold or spoiled that was not received
            assertThat(r.sold() + r.unmet()).isEqualTo(r.demand());
            assertThat(r.sold() + r.spoiled()).isLessThanOrEqualTo(r.received());
            assertThat(r.spoilagePercent()).isBetween(0.0, 100.0);
            assertThat(r.stockOutPercent()).isBetween(0.0, 100.0);
        }
        // the weekly peak is foreseen by the forecast policy, while the naive buffer runs out on it
        assertThat(results.get(1).stockOutPercent()).isLessThan(results.get(0).stockOutPercent());

        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SpoilageSimulation.report(new PrintStream(buffer, true, StandardCharsets.UTF_8), "test.csv", 2, 56, results);
        String report = buffer.toString(StandardCharsets.UTF_8);
        assertThat(report)
                .contains("2 items, last 56 days")
                .contains("spoilage%")
                .contains("stock-out%")
                .contains("naive (1.5 x last-7-day mean)")
                .contains("forecast (seasonal-naive + safety stock)");
    }

    @Test
    void shelfLivesAndStaplesFollowTheProductType() {
        assertThat(SpoilageSimulation.shelfLife("newspapers")).isEqualTo(1);
        assertThat(SpoilageSimulation.shelfLife("rolls/buns")).isEqualTo(2);
        assertThat(SpoilageSimulation.shelfLife("whole milk")).isEqualTo(5);
        assertThat(SpoilageSimulation.shelfLife("bottled water")).isEqualTo(365);
        assertThat(SpoilageSimulation.staple("domestic eggs")).isTrue();
        assertThat(SpoilageSimulation.staple("soda")).isFalse();
    }
}
