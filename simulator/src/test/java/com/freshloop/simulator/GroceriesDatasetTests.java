package com.freshloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroceriesDatasetTests {

    @Test
    void parsesADayFirstDateAndSkipsTheHeaderAndMalformedRows() {
        assertThat(GroceriesDataset.parseLine("Member_number,Date,itemDescription"))
                .isEmpty();
        assertThat(GroceriesDataset.parseLine("garbage")).isEmpty();
        assertThat(GroceriesDataset.parseLine("1808,21-07-2015,tropical fruit"))
                .contains(new GroceriesDataset.Row(1808, LocalDate.of(2015, 7, 21), "tropical fruit"));
    }

    @Test
    void groupsRowsIntoBasketsPerMemberAndDayInDateOrder() {
        Map<Integer, List<Basket>> baskets = GroceriesDataset.group(List.of(
                "Member_number,Date,itemDescription",
                "2,05-01-2015,whole milk",
                "1,03-02-2014,rolls/buns",
                "1,01-01-2014,whole milk",
                "1,01-01-2014,whole milk",
                "1,01-01-2014,domestic eggs"));
        assertThat(baskets.keySet()).containsExactly(1, 2);
        List<Basket> first = baskets.get(1);
        assertThat(first).extracting(Basket::date).containsExactly(LocalDate.of(2014, 1, 1), LocalDate.of(2014, 2, 3));
        assertThat(first.get(0).items()).containsExactly("whole milk", "whole milk", "domestic eggs");
        assertThat(Basket.userId(1808)).isEqualTo("g-1808");
    }

    @Test
    void locatesTheFileUnderTheDataSetRootOnlyWhenItExists(@TempDir Path dir) throws IOException {
        assertThat(GroceriesDataset.locate(dir)).isEmpty();
        Path file = dir.resolve(GroceriesDataset.RELATIVE_PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Member_number,Date,itemDescription\n1,01-01-2014,whole milk\n");
        assertThat(GroceriesDataset.locate(dir)).contains(file);
        assertThat(GroceriesDataset.read(file).get(1)).hasSize(1);
    }

    @Test
    void statisticsAndSyntheticShoppersFollowTheData() {
        Map<Integer, List<Basket>> baskets = GroceriesDataset.group(List.of(
                "1,01-01-2014,whole milk",
                "1,01-01-2014,domestic eggs",
                "1,11-01-2014,whole milk",
                "2,05-01-2014,whole milk",
                "2,05-01-2014,beef",
                "2,05-01-2014,soda"));
        DatasetStats stats = DatasetStats.of(baskets);
        assertThat(stats.basketSizes()).containsEntry(1, 1).containsEntry(2, 1).containsEntry(3, 1);
        assertThat(stats.itemCounts().keySet().iterator().next()).isEqualTo("whole milk");
        assertThat(stats.stapleCycleDays()).containsEntry("whole milk", 10.0);
        assertThat(stats.lastDay()).isEqualTo(LocalDate.of(2014, 1, 11));
        assertThat(stats.categoryMix()).containsEntry("dairy", 0.5);

        Map<Integer, List<Basket>> synthetic = SyntheticShoppers.generate(DatasetStats.defaults(), 50);
        assertThat(synthetic).hasSize(50);
        assertThat(SyntheticShoppers.generate(DatasetStats.defaults(), 50)).isEqualTo(synthetic);
        synthetic.values().forEach(list -> {
            assertThat(list).isNotEmpty();
            assertThat(list)
                    .allSatisfy(
                            b -> assertThat(b.date()).isBetween(LocalDate.of(2014, 1, 1), LocalDate.of(2015, 12, 30)));
        });
    }
}
