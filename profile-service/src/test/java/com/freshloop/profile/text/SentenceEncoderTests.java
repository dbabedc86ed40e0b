package com.freshloop.profile.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real BGE-small-zh model from the class path (a few seconds to start). */
class SentenceEncoderTests {

    private static SentenceEncoder encoder;

    @BeforeAll
    static void start() throws Exception {
        encoder = SentenceEncoder.load(1);
    }

    @AfterAll
    static void stop() {
        encoder.close();
    }

    @Test
    void embeddingsAreUnitVectorsAndBatchesAgreeWithSingleTexts() {
        List<String> texts = List.of("送餐很快，味道不错", "太慢了", "等了两个小时，饭都凉了，再也不点了");
        float[][] batch = encoder.encodeAll(texts);
        assertThat(batch).hasNumberOfRows(3);
        for (int i = 0; i < texts.size(); i++) {
            float[] single = encoder.encode(texts.get(i));
            assertThat(single).hasSize(SentenceEncoder.DIMENSION);
            assertThat(dot(single, single)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(dot(single, batch[i])).isGreaterThan(0.9999);
        }
    }

    @Test
    void similarReviewsAreCloserThanUnrelatedOnes() {
        float[] slow = encoder.encode("送得太慢了");
        float[] late = encoder.encode("配送速度太慢");
        float[] tasty = encoder.encode("这家的红烧肉很好吃");
        assertThat(dot(slow, late)).isGreaterThan(dot(slow, tasty));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
