package com.freshloop.profile.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextFeaturesTests {

    @Test
    void normalisesWidthCaseAndDigits() {
        assertThat(TextFeatures.normalise("等了５０分钟 TOO   Slow")).isEqualTo("等了00分钟 too slow");
    }

    @Test
    void chineseGetsCharacterNgramsAndEnglishGetsWordNgrams() {
        var zh = TextFeatures.of("太慢");
        assertThat(zh).contains("c1:太", "c1:慢", "c2:太慢", "c2:^太", "c3:^太慢", "c3:太慢$");
        var en = TextFeatures.of("very slow rider");
        assertThat(en).contains("w1:slow", "w2:very slow", "w2:slow rider").doesNotContain("c1:v");
    }

    @Test
    void trainedModelSeparatesObviousCases() {
        List<SentimentTrainer.Example> examples = List.of(
                new SentimentTrainer.Example("很好吃，送得很快", true),
                new SentimentTrainer.Example("好吃，快", true),
                new SentimentTrainer.Example("味道很好 很快", true),
                new SentimentTrainer.Example("great taste, fast delivery", true),
                new SentimentTrainer.Example("太慢了，难吃", false),
                new SentimentTrainer.Example("送得太慢，凉了", false),
                new SentimentTrainer.Example("难吃 太慢", false),
                new SentimentTrainer.Example("slow delivery, cold food", false));
        for (SentimentTrainer.Member member : SentimentTrainer.Member.values()) {
            SentimentModel model = SentimentTrainer.train(examples, settings(List.of(member)), "test");
            assertThat(model.positive("很好吃")).as(member.name()).isGreaterThan(0.5);
            assertThat(model.positive("太慢了")).as(member.name()).isLessThan(0.5);
        }
        SentimentModel ensemble = SentimentTrainer.train(
                examples,
                settings(List.of(
                        SentimentTrainer.Member.NB_SVM, SentimentTrainer.Member.NB_LR, SentimentTrainer.Member.SVM)),
                "test");
        assertThat(ensemble.positive("很好吃")).isGreaterThan(0.5);
        assertThat(ensemble.positive("太慢了")).isLessThan(0.5);
    }

    private static SentimentTrainer.Settings settings(List<SentimentTrainer.Member> members) {
        return new SentimentTrainer.Settings(1, 1.0, members, 1.0, 0.75, 1.0, 1e-5, 30, 0.2, 1);
    }

    @Test
    void chineseTextAlsoGetsSegmentedWordsAndLastClauseFeatures() {
        var features = TextFeatures.of("味道很好，就是太慢了");
        assertThat(features).contains("j1:味道", "L2:太慢", "L1:$").anyMatch(f -> f.startsWith("j2:"));
        assertThat(TextFeatures.of("太慢了")).noneMatch(f -> f.startsWith("L"));
    }

    @Test
    void modelSurvivesAWriteAndReadUnchanged() throws Exception {
        SentimentModel model = SentimentTrainer.train(
                List.of(
                        new SentimentTrainer.Example("好", true),
                        new SentimentTrainer.Example("差", false),
                        new SentimentTrainer.Example("很好", true)),
                new SentimentTrainer.Settings(
                        1,
                        1.0,
                        List.of(SentimentTrainer.Member.NB_SVM, SentimentTrainer.Member.NB_LR),
                        1.0,
                        0.75,
                        1.0,
                        0,
                        5,
                        0.2,
                        1),
                "v-test");
        var out = new java.io.ByteArrayOutputStream();
        model.write(out);
        SentimentModel read = SentimentModel.read(new java.io.ByteArrayInputStream(out.toByteArray()));
        assertThat(read.version()).isEqualTo("v-test");
        assertThat(read.features()).isEqualTo(model.features());
        assertThat(read.positive("好")).isEqualTo(model.positive("好"));
        assertThat(read.positive("差")).isEqualTo(model.positive("差"));
    }

    @Test
    void embeddingMemberJoinsTheAverageAndSurvivesAWriteAndRead() throws Exception {
        // four 3-d "embeddings": the first dimension carries the label
        float[][] vectors = {{1, 0.2f, 0}, {0.9f, -0.1f, 0.3f}, {-1, 0.1f, 0.2f}, {-0.8f, 0, -0.3f}};
        boolean[] labels = {true, true, false, false};
        SentimentModel.EmbeddingMember member = SentimentTrainer.embeddingSvm(vectors, labels, 1.0, 1.5, "toy");
        assertThat(member.score(vectors[0])).isPositive();
        assertThat(member.score(vectors[2])).isNegative();
        assertThat(member.scale()).isPositive();

        SentimentModel ngrams = SentimentTrainer.train(
                List.of(
                        new SentimentTrainer.Example("好", true),
                        new SentimentTrainer.Example("差", false),
                        new SentimentTrainer.Example("很好", true)),
                settings(List.of(SentimentTrainer.Member.NB_SVM, SentimentTrainer.Member.NB_LR)),
                "v-test");
        SentimentModel model = new SentimentModel(
                "v-test",
                java.util.Map.of("c1:好", 0, "c1:差", 1),
                new float[] {1f, -1f},
                List.of(new SentimentModel.Member(true, true, new float[] {1f, 1f}, 0f, 1f)),
                1f,
                member,
                null);
        // no encoder attached: the n-gram members alone, and the version says so
        assertThat(model.needsEncoder()).isTrue();
        assertThat(model.version()).isEqualTo("v-test/ngrams");
        assertThat(model.combine(new SentimentModel.Parts(0.5, Double.NaN))).isEqualTo(0.5);
        // with an embedding: weighted average, the embedding member counting 1.5
        assertThat(model.combine(new SentimentModel.Parts(1.0, -2.0)))
                .isCloseTo((1.0 - 1.5 * 2.0) / 2.5, org.assertj.core.data.Offset.offset(1e-9));

        var out = new java.io.ByteArrayOutputStream();
        model.write(out);
        SentimentModel read = SentimentModel.read(new java.io.ByteArrayInputStream(out.toByteArray()));
        assertThat(read.encoderName()).isEqualTo("toy");
        assertThat(read.positive("好")).isEqualTo(model.positive("好")).isGreaterThan(0.5);
        assertThat(ngrams.needsEncoder()).isFalse();
    }

    @Test
    void withoutAModelFileTheLexiconAnswers() {
        SentimentClassifier classifier = TextAnalysisConfiguration.load("/nonexistent/sentiment-v3.bin", 1);
        assertThat(classifier).isInstanceOf(LexiconSentiment.class);
    }

    @Test
    void evaluationScoresAccuracyAndMacroF1() {
        var rows = List.of(
                new LabelledCsv.Row(0, true, "a"),
                new LabelledCsv.Row(1, true, "b"),
                new LabelledCsv.Row(2, false, "c"),
                new LabelledCsv.Row(3, false, "d"));
        var scores = SentimentEvaluation.score(rows, new boolean[] {true, false, false, false});
        assertThat(scores.accuracy()).isEqualTo(0.75);
        // F1(pos) = 2/3, F1(neg) = 0.8
        assertThat(scores.macroF1()).isCloseTo((2.0 / 3 + 0.8) / 2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void csvReaderHandlesQuotesAndCommasInReviews() {
        var records = LabelledCsv.parse("label,review\n1,\"good, \"\"fresh\"\"\"\n0,bad\n");
        assertThat(records).hasSize(3);
        assertThat(records.get(1)).containsExactly("1", "good, \"fresh\"");
    }
}
