package com.freshloop.recommendation.purchases;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class PurchaseRepository {

    private final JdbcClient jdbc;

    PurchaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one more order of the SKU; name and category follow the most recent order. */
    void countOrder(String sku, @Nullable String name, @Nullable String category, int units, Instant at) {
        jdbc.sql("""
                        insert into item_popularity (sku, name, category, orders, units, last_ordered_at)
                        values (:sku, :name, :category, 1, :units, :at)
                        on conflict (sku) do update
                           set orders = item_popularity.orders + 1,
                               units = item_popularity.units + excluded.units,
                               name = case when excluded.last_ordered_at >= item_popularity.last_ordered_at
                                           then coalesce(excluded.name, item_popularity.name)
                                           else coalesce(item_popularity.name, excluded.name) end,
                               category = case when excluded.last_ordered_at >= item_popularity.last_ordered_at
                                               then coalesce(excluded.category, item_popularity.category)
                                               else coalesce(item_popularity.category, excluded.category) end,
                               last_ordered_at = greatest(item_popularity.last_ordered_at, excluded.last_ordered_at)
                        """)
                .param("sku", sku)
                .param("name", name)
                .param("category", category)
                .param("units", units)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Counts one more purchase of the SKU by the user; events may arrive out of order. */
    void countPurchase(String userId, String sku, int units, Instant at) {
        jdbc.sql("""
                        insert into user_item (user_id, sku, purchases, units, first_at, last_at)
                        values (:user, :sku, 1, :units, :at, :at)
                        on conflict (user_id, sku) do update
                           set purchases = user_item.purchases + 1,
                               units = user_item.units + excluded.units,
                               first_at = least(user_item.first_at, excluded.first_at),
                               last_at = greatest(user_item.last_at, excluded.last_at)
                        """)
                .param("user", userId)
                .param("sku", sku)
                .param("units", units)
                .param("at", Timestamp.from(at))
                .update();
    }

    void saveBasket(
            UUID eventId,
            String userId,
            @Nullable String region,
            Instant at,
            @Nullable BigDecimal total,
            List<String> skus) {
        jdbc.sql("""
                        insert into basket (event_id, user_id, region, placed_at, total, skus)
                        values (:id, :user, :region, :at, :total, :skus)
                        on conflict (event_id) do nothing
                        """)
                .param("id", eventId)
                .param("user", userId)
                .param("region", region)
                .param("at", Timestamp.from(at))
                .param("total", total)
                .param("skus", new SqlArrayValue("varchar", skus.toArray()))
                .update();
    }

    List<StoredBasket> basketsOf(String userId) {
        return jdbc.sql("select user_id, region, placed_at, total, skus from basket where user_id = :user"
                        + " order by placed_at, event_id")
                .param("user", userId)
                .query((rs, i) -> basket(rs))
                .list();
    }

    void forEachBasket(Consumer<StoredBasket> consumer) {
        jdbc.sql("select user_id, region, placed_at, total, skus from basket order by user_id, placed_at, event_id")
                .withFetchSize(1_000)
                .query((RowCallbackHandler) rs -> consumer.accept(basket(rs)));
    }

    ShopperSummary summaryOf(String userId) {
        return jdbc.sql("""
                        select count(*) as orders,
                               (select region from basket where user_id = :user
                                 order by placed_at desc limit 1) as region
                          from basket where user_id = :user
                        """)
                .param("user", userId)
                .query((rs, i) -> new ShopperSummary(rs.getInt("orders"), rs.getString("region")))
                .single();
    }

    Map<String, ItemInfo> catalogue() {
        Map<String, ItemInfo> items = new HashMap<>();
        jdbc.sql("select sku, name, category from item_popularity").query((RowCallbackHandler) rs -> items.put(
                rs.getString("sku"),
                new ItemInfo(rs.getString("sku"), rs.getString("name"), rs.getString("category"))));
        return items;
    }

    private static StoredBasket basket(ResultSet rs) throws SQLException {
        String[] skus = (String[]) rs.getArray("skus").getArray();
        return new StoredBasket(
                rs.getString("user_id"),
                rs.getString("region"),
                rs.getTimestamp("placed_at").toInstant(),
                rs.getBigDecimal("total"),
                List.of(skus));
    }

    List<PurchasedItem> boughtBy(String userId, int limit) {
        return jdbc.sql("""
                        select u.sku, p.name, p.category, u.purchases, u.units, u.last_at
                          from user_item u left join item_popularity p on p.sku = u.sku
                         where u.user_id = :user
                         order by u.purchases desc, u.last_at desc, u.sku
                         limit :limit
                        """)
                .param("user", userId)
                .param("limit", limit)
                .query((rs, i) -> new PurchasedItem(
                        rs.getString("sku"),
                        rs.getString("name"),
                        rs.getString("category"),
                        rs.getInt("purchases"),
                        rs.getInt("units"),
                        rs.getTimestamp("last_at").toInstant()))
                .list();
    }

    List<PopularItem> popular(int limit) {
        return jdbc.sql("""
                        select sku, name, category, orders, units, last_ordered_at from item_popularity
                         order by orders desc, units desc, sku
                         limit :limit
                        """)
                .param("limit", limit)
                .query((rs, i) -> popularItem(rs))
                .list();
    }

    List<PopularItem> popularNotBoughtBy(String userId, int limit) {
        return jdbc.sql("""
                        select sku, name, category, orders, units, last_ordered_at from item_popularity p
                         where not exists (select 1 from user_item u where u.user_id = :user and u.sku = p.sku)
                         order by orders desc, units desc, sku
                         limit :limit
                        """)
                .param("user", userId)
                .param("limit", limit)
                .query((rs, i) -> popularItem(rs))
                .list();
    }

    private static PopularItem popularItem(ResultSet rs) throws SQLException {
        return new PopularItem(
                rs.getString("sku"),
                rs.getString("name"),
                rs.getString("category"),
                rs.getLong("orders"),
                rs.getLong("units"),
                rs.getTimestamp("last_ordered_at").toInstant());
    }
}
