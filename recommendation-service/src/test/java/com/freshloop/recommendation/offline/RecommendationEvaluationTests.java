package com.freshloop.recommendation.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.recommendation.model.Basket;
import com.freshloop.recommendation.model.NextBasketRankerTestData;
import com.freshloop.recommendation.model.RankerTraining;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationEvaluationTests {

    @TempDir
    Path dir;

    @Test
    void theHarnessScoresEveryMethodOnTheTestUsersAndWritesRankedLists() throws IOException {
        List<List<Basket>> histories = NextBasketRankerTestData.shoppers(100, 6, 11);
        List<NextBasketData.User> users = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < NextBasketRankerTestData.ITEMS; i++) {
            labels.add("item " + i);
        }
        for (int u = 0; u < histories.size(); u++) {
            List<Basket> h = histories.get(u);
            boolean test = u % 5 == 0;
            users.add(new NextBasketData.User(
                    Integer.toString(u),
                    h.subList(0, h.size() - 1),
                    test ? h.get(h.size() - 1).items() : null));
        }
        NextBasketData data = new NextBasketData("synthetic", NextBasketRankerTestData.ITEMS, labels, users);

        RecommendationEvaluation.Report report = RecommendationEvaluation.evaluate(
                data, new RankerTraining.Settings(1, 1, 1, 1_000), new PrintStream(OutputStream.nullOutputStream()));

        assertThat(report.test())
                .extracting(RecommendationEvaluation.Row::method)
                .containsExactly(
                        RecommendationEvaluation.PRODUCT,
                        "TIFU-KNN (published Ta-Feng parameters)",
                        "TIFU-KNN (k, alpha tuned on validation)",
                        "GP-TopFreq",
                        "P-TopFreq",
                        "G-TopFreq");
        assertThat(report.test(RecommendationEvaluation.PRODUCT).scores().users())
                .isEqualTo(20);
        assertThat(report.test(RecommendationEvaluation.PRODUCT).scores().recall(10))
                .isGreaterThan(report.test("G-TopFreq").scores().recall(10));

        Path out = dir.resolve("ranked.csv");
        RecommendationEvaluation.write(out, data, report.predictions());
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("user_id,rank,item_id");
        assertThat(lines).hasSize(1 + 20 * RecommendationEvaluation.K);
        assertThat(lines.get(1)).startsWith("0,1,item ");
    }

    @Test
    void optionsTakeSpaceOrEqualsSeparatedValues() {
        assertThat(RecommendationEvaluation.options(new String[] {"--dataset", "groceries", "--out=x.csv"}))
                .containsEntry("dataset", "groceries")
                .containsEntry("out", "x.csv");
    }
}
