package com.freshloop.supply.inventory;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StockLevelRepository {

    private final JdbcClient jdbc;

    StockLevelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StockLevel> find(String sku, String region) {
        return jdbc.sql("select sku, region, on_hand from stock_level where sku = :sku and region = :region")
                .param("sku", sku)
                .param("region", region)
                .query((rs, i) -> new StockLevel(rs.getString("sku"), rs.getString("region"), rs.getInt("on_hand")))
                .optional();
    }

    /** Reads the level and holds its row lock until the transaction ends, so changes to it are serialised. */
    Optional<Integer> lockOnHand(String sku, String region) {
        return jdbc.sql("select on_hand from stock_level where sku = :sku and region = :region for update")
                .param("sku", sku)
                .param("region", region)
                .query(Integer.class)
                .optional();
    }

    /** False when another transaction created the row first. */
    boolean insert(String sku, String region, int onHand) {
        return jdbc.sql("""
                        insert into stock_level (sku, region, on_hand) values (:sku, :region, :onHand)
                        on conflict (sku, region) do nothing
                        """)
                        .param("sku", sku)
                        .param("region", region)
                        .param("onHand", onHand)
                        .update()
                == 1;
    }

    void update(String sku, String region, int onHand) {
        jdbc.sql("""
                        update stock_level set on_hand = :onHand, updated_at = now()
                         where sku = :sku and region = :region
                        """)
                .param("sku", sku)
                .param("region", region)
                .param("onHand", onHand)
                .update();
    }

    /**
     * Takes units off a known SKU, never below zero, in one statement; empty when the SKU is not
     * stocked in the region.
     */
    Optional<Change> decrement(String sku, String region, int quantity) {
        return jdbc.sql("""
                        update stock_level s set on_hand = greatest(s.on_hand - :quantity, 0), updated_at = now()
                          from (select sku, region, on_hand from stock_level
                                 where sku = :sku and region = :region for update) before
                         where s.sku = before.sku and s.region = before.region
                        returning before.on_hand as before, s.on_hand as after
                        """)
                .param("sku", sku)
                .param("region", region)
                .param("quantity", quantity)
                .query((rs, i) -> new Change(rs.getInt("before"), rs.getInt("after")))
                .optional();
    }

    record Change(int before, int after) {}
}
