package com.freshloop.recommendation.training;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ModelRepository {

    /** One row of a model artefact table. */
    record Pair(String left, String right, double first, double second) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ModelRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void replaceSimilarities(List<Pair> rows) {
        template.update("delete from item_similarity");
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Pair row : rows) {
            args.add(new Object[] {row.left(), row.right(), (float) row.first()});
        }
        template.batchUpdate("insert into item_similarity (sku, other_sku, score) values (?, ?, ?)", args);
    }

    void replaceRules(List<Pair> rows) {
        template.update("delete from association_rule");
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Pair row : rows) {
            args.add(new Object[] {row.left(), row.right(), (float) row.first(), (float) row.second()});
        }
        template.batchUpdate(
                "insert into association_rule (antecedent, consequent, confidence, lift) values (?, ?, ?, ?)", args);
    }

    long saveRun(ModelRun run) {
        return jdbc.sql("""
                        insert into model_run (trained_at, baskets, users, items, weights, tuned, validation_users,
                                               validation_recall10, validation_ndcg10, millis)
                        values (:at, :baskets, :users, :items, :weights, :tuned, :validationUsers,
                                :recall, :ndcg, :millis)
                        returning id
                        """)
                .param("at", Timestamp.from(run.trainedAt()))
                .param("baskets", run.baskets())
                .param("users", run.users())
                .param("items", run.items())
                .param("weights", run.weights())
                .param("tuned", run.tuned())
                .param("validationUsers", run.validationUsers())
                .param("recall", run.validationRecall10())
                .param("ndcg", run.validationNdcg10())
                .param("millis", run.millis())
                .query(Long.class)
                .single();
    }

    Optional<ModelRun> latestRun() {
        return jdbc.sql("select * from model_run order by id desc limit 1")
                .query((rs, i) -> new ModelRun(
                        rs.getLong("id"),
                        rs.getTimestamp("trained_at").toInstant(),
                        rs.getInt("baskets"),
                        rs.getInt("users"),
                        rs.getInt("items"),
                        rs.getString("weights"),
                        rs.getBoolean("tuned"),
                        rs.getInt("validation_users"),
                        nullable(rs.getDouble("validation_recall10"), rs.wasNull()),
                        nullable(rs.getDouble("validation_ndcg10"), rs.wasNull()),
                        rs.getLong("millis")))
                .optional();
    }

    List<Pair> rulesFrom(String sku, int limit) {
        return jdbc.sql("select antecedent, consequent, confidence, lift from association_rule"
                        + " where antecedent = :sku order by confidence desc, consequent limit :limit")
                .param("sku", sku)
                .param("limit", limit)
                .query((rs, i) -> new Pair(
                        rs.getString("antecedent"),
                        rs.getString("consequent"),
                        rs.getDouble("confidence"),
                        rs.getDouble("lift")))
                .list();
    }

    List<Pair> similarTo(String sku, int limit) {
        return jdbc.sql("select sku, other_sku, score from item_similarity"
                        + " where sku = :sku order by score desc, other_sku limit :limit")
                .param("sku", sku)
                .param("limit", limit)
                .query((rs, i) -> new Pair(rs.getString("sku"), rs.getString("other_sku"), rs.getDouble("score"), 0))
                .list();
    }

    private static @Nullable Double nullable(double value, boolean wasNull) {
        return wasNull ? null : value;
    }
}
