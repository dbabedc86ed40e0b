package com.freshloop.profile.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusteringTests {

    @Test
    void kMeansFindsWellSeparatedBlobsAndSilhouettePrefersTheTrueK() {
        double[][] rows = blobs(new double[][] {{0, 0}, {10, 10}, {-10, 10}}, 200, 1.0, 1);
        KMeans.Result three = KMeans.fit(rows, 3, 1, 100);
        assertThat(three.sizes()).containsExactlyInAnyOrder(200, 200, 200);
        double s3 = KMeans.silhouette(rows, three.assignment(), 3);
        double s2 = KMeans.silhouette(rows, KMeans.fit(rows, 2, 1, 100).assignment(), 2);
        double s5 = KMeans.silhouette(rows, KMeans.fit(rows, 5, 1, 100).assignment(), 5);
        assertThat(s3).isGreaterThan(0.8).isGreaterThan(s2).isGreaterThan(s5);
    }

    @Test
    void fittingIsDeterministicForASeed() {
        double[][] raw = users(2_000, 3);
        Clustering.Model a = Clustering.fit(raw, Clustering.Settings.defaults());
        Clustering.Model b = Clustering.fit(raw, Clustering.Settings.defaults());
        assertThat(a.assignment()).isEqualTo(b.assignment());
        assertThat(a.names()).isEqualTo(b.names());
    }

    @Test
    void choosesKBySilhouetteAssignsEveryoneAndNamesClustersFromCentroids() {
        double[][] raw = users(3_000, 11);
        Clustering.Model model = Clustering.fit(raw, Clustering.Settings.defaults());
        assertThat(model.k()).isBetween(3, 8);
        assertThat(model.silhouetteByK()).hasSize(6);
        assertThat(model.silhouette())
                .isEqualTo(java.util.Arrays.stream(model.silhouetteByK()).max().orElseThrow());
        assertThat(model.assignment()).hasSize(raw.length);
        assertThat(java.util.Arrays.stream(model.assignment()).allMatch(c -> c >= 0 && c < model.k()))
                .isTrue();
        assertThat(model.names()).doesNotHaveDuplicates().allMatch(n -> !n.isBlank());
        assertThat(String.join(",", model.names())).containsAnyOf("price-sensitive", "quality-first");
    }

    @Test
    void namingRulesReadTheCentroid() {
        double[] mean = new double[BehaviourFeatures.COLUMNS.size()];
        double[] std = new double[mean.length];
        java.util.Arrays.fill(std, 1);
        var scaler = new BehaviourFeatures.Scaler(mean, std);
        double[] family = new double[mean.length];
        family[BehaviourFeatures.COUPON] = 1.2;
        family[BehaviourFeatures.BASKET] = 1.0;
        assertThat(ClusterNamer.name(family, scaler)).isEqualTo("price-sensitive family");
        double[] young = new double[mean.length];
        young[BehaviourFeatures.UNIT_PRICE] = 1.0;
        young[BehaviourFeatures.COUPON] = -0.5;
        young[BehaviourFeatures.BASKET] = -1.0;
        young[BehaviourFeatures.HOUR_SIN] = Math.sin(2 * Math.PI * 21 / 24);
        young[BehaviourFeatures.HOUR_COS] = Math.cos(2 * Math.PI * 21 / 24);
        assertThat(ClusterNamer.name(young, scaler)).isEqualTo("quality-first young professional");
    }

    /** Synthetic shoppers of three kinds: bargain families, premium singles at night, lapsed occasionals. */
    static double[][] users(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            int kind = i % 3;
            rows[i] = switch (kind) {
                case 0 ->
                    BehaviourFeatures.row(
                            3 + random.nextInt(10),
                            12 + random.nextInt(6),
                            900 + random.nextInt(300),
                            180 + random.nextInt(40),
                            100,
                            9 + random.nextInt(3),
                            10);
                case 1 ->
                    BehaviourFeatures.row(
                            2 + random.nextInt(10),
                            8 + random.nextInt(4),
                            1_600 + random.nextInt(300),
                            40 + random.nextInt(10),
                            25,
                            random.nextInt(2),
                            21);
                default ->
                    BehaviourFeatures.row(
                            60 + random.nextInt(60),
                            1 + random.nextInt(2),
                            50 + random.nextInt(60),
                            6 + random.nextInt(4),
                            2,
                            random.nextInt(2),
                            14);
            };
        }
        return rows;
    }

    static double[][] blobs(double[][] centres, int each, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[centres.length * each][];
        int i = 0;
        for (double[] c : centres) {
            for (int j = 0; j < each; j++) {
                rows[i++] = new double[] {c[0] + gaussian(random) * sd, c[1] + gaussian(random) * sd};
            }
        }
        return rows;
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
