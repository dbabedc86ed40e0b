package com.freshloop.recommendation.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTests {

    @TempDir
    Path dir;

    @Test
    void taFengFilesDropTheSentinelsAndOnlyTestUsersKeepTheirFuture() throws IOException {
        Files.writeString(
                dir.resolve("tafeng_history.json"),
                "{\"5\": [[-1], [0, 1], [1, 2], [-1]], \"6\": [[-1], [3], [1], [-1]]}");
        Files.writeString(dir.resolve("tafeng_future.json"), "{\"5\": [[-1], [1, 4], [-1]], \"6\": [[-1], [2], [-1]]}");
        NextBasketData data = Datasets.tafeng(dir);
        assertThat(data.itemCount()).isEqualTo(5);
        assertThat(data.users()).hasSize(2);
        NextBasketData.User five = data.users().get(0);
        assertThat(five.id()).isEqualTo("5");
        assertThat(five.history()).hasSize(2);
        assertThat(five.history().get(1).items()).containsExactly(1, 2);
        assertThat(five.history().get(1).day()).isEqualTo(1);
        assertThat(five.target()).containsExactly(1, 4);
        assertThat(data.users().get(1).target()).isNull();
        assertThat(data.testUsers()).containsExactly(0);
    }

    @Test
    void groceriesBasketsAreMemberDaysWithTheLastAsTargetForTestMembers() throws IOException {
        Path csv = dir.resolve("g.csv");
        Files.writeString(csv, """
                Member_number,Date,itemDescription
                10,01-01-2015,whole milk
                10,01-01-2015,rolls/buns
                10,05-01-2015,whole milk
                10,09-01-2015,yogurt
                10,09-01-2015,whole milk
                11,01-01-2015,yogurt
                11,02-01-2015,yogurt
                11,03-01-2015,soda
                12,01-01-2015,soda
                12,02-01-2015,soda
                """);
        NextBasketData data = Datasets.groceries(csv);
        assertThat(data.itemLabels()).containsExactly("rolls/buns", "soda", "whole milk", "yogurt");
        assertThat(data.users()).extracting(NextBasketData.User::id).containsExactly("10", "11");
        NextBasketData.User ten = data.users().get(0);
        assertThat(ten.history()).hasSize(2);
        assertThat(ten.history().get(0).items()).containsExactly(0, 2);
        assertThat(ten.history().get(1).day() - ten.history().get(0).day()).isEqualTo(4);
        assertThat(ten.target()).containsExactly(2, 3);
        // member 11 is not a test member: the last basket is not loaded at all
        assertThat(data.users().get(1).target()).isNull();
        assertThat(data.users().get(1).history()).hasSize(2);
    }

    @Test
    void theValidationSplitHoldsOutEveryLastHistoryBasketAndTargetsOnlyNonTestUsers() throws IOException {
        Files.writeString(
                dir.resolve("tafeng_history.json"),
                "{\"5\": [[-1], [0], [1], [-1]], \"6\": [[-1], [2], [3], [4], [-1]], \"7\": [[-1], [2], [-1]]}");
        Files.writeString(dir.resolve("tafeng_future.json"), "{\"5\": [[-1], [1], [-1]]}");
        NextBasketData validation = Datasets.tafeng(dir).validationSplit();
        assertThat(validation.users().get(0).history()).hasSize(1);
        assertThat(validation.users().get(0).target()).isNull();
        assertThat(validation.users().get(1).history()).hasSize(2);
        assertThat(validation.users().get(1).target()).containsExactly(4);
        assertThat(validation.users().get(2).history()).isEmpty();
        assertThat(validation.users().get(2).target()).isNull();
    }
}
