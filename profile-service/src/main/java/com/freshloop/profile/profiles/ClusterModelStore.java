package com.freshloop.profile.profiles;

import com.freshloop.profile.clustering.BehaviourFeatures;
import com.freshloop.profile.clustering.Clustering;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Versioned clustering models: centroids, scaler and names, with the silhouette of every k tried. */
@Repository
public class ClusterModelStore {

    private final JdbcClient jdbc;

    ClusterModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored model as operators see it; centroids are given back in the features' own units. */
    public record Description(
            String version,
            int k,
            double silhouette,
            double[] silhouetteByK,
            List<String> columns,
            List<Cluster> clusters,
            int users) {}

    /** One cluster: its name, size and centroid in raw units (log columns as stored). */
    public record Cluster(int id, String name, int size, double[] centroid) {}

    void save(String version, Clustering.Model model, int users) {
        int[] sizes = new int[model.k()];
        for (int a : model.assignment()) {
            sizes[a]++;
        }
        String centroids = Arrays.stream(model.centroids())
                .map(row -> Arrays.stream(row).mapToObj(Double::toString).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
        jdbc.sql("""
                        insert into cluster_model (version, k, silhouette, silhouette_by_k, columns, mean, std, centroids,
                                                   names, sizes, users)
                        values (:version, :k, :silhouette, :byK, :columns, :mean, :std, :centroids, :names, :sizes, :users)
                        """)
                .param("version", version)
                .param("k", model.k())
                .param("silhouette", model.silhouette())
                .param("byK", boxed(model.silhouetteByK()))
                .param("columns", BehaviourFeatures.COLUMNS.toArray(String[]::new))
                .param("mean", boxed(model.scaler().mean()))
                .param("std", boxed(model.scaler().std()))
                .param("centroids", centroids)
                .param("names", model.names().toArray(String[]::new))
                .param("sizes", Arrays.stream(sizes).boxed().toArray(Integer[]::new))
                .param("users", users)
                .update();
    }

    Optional<Description> latest() {
        return jdbc.sql("select * from cluster_model order by created_at desc, version desc limit 1")
                .query((rs, i) -> {
                    double[] mean = doubles(rs.getArray("mean"));
                    double[] std = doubles(rs.getArray("std"));
                    String[] names = (String[]) rs.getArray("names").getArray();
                    Integer[] sizes = (Integer[]) rs.getArray("sizes").getArray();
                    String[] rows = rs.getString("centroids").split(";");
                    List<Cluster> clusters = new ArrayList<>();
                    for (int c = 0; c < rows.length; c++) {
                        double[] z = Arrays.stream(rows[c].split(","))
                                .mapToDouble(Double::parseDouble)
                                .toArray();
                        double[] raw = new double[z.length];
                        for (int j = 0; j < z.length; j++) {
                            raw[j] = z[j] * std[j] + mean[j];
                        }
                        clusters.add(new Cluster(c, names[c], sizes[c], raw));
                    }
                    return new Description(
                            rs.getString("version"),
                            rs.getInt("k"),
                            rs.getDouble("silhouette"),
                            doubles(rs.getArray("silhouette_by_k")),
                            List.of((String[]) rs.getArray("columns").getArray()),
                            clusters,
                            rs.getInt("users"));
                })
                .optional();
    }

    private static double[] doubles(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values)
                .mapToDouble(v -> ((Number) v).doubleValue())
                .toArray();
    }

    private static Double[] boxed(double[] values) {
        return Arrays.stream(values).boxed().toArray(Double[]::new);
    }
}
