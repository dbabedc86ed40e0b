package com.freshloop.recommendation;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Orders and lines for integration tests. */
public final class TestEvents {

    private TestEvents() {}

    public static OrderPlaced.Line line(String sku, String name) {
        return new OrderPlaced.Line(sku, name, "grocery", 1, new BigDecimal("9.90"));
    }

    public static EventEnvelope<OrderPlaced> order(
            String user, Instant time, String region, OrderPlaced.Line... lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (OrderPlaced.Line line : lines) {
            total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        return EventEnvelope.of(
                "gateway-service",
                user,
                time,
                new OrderPlaced(
                        "o-" + UUID.randomUUID(),
                        region,
                        List.of(lines),
                        total,
                        BigDecimal.ZERO,
                        total,
                        "wechat",
                        null));
    }

    public static List<String> values(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item ->
                values.add(item.get(field).isNull() ? null : item.get(field).asString()));
        return values;
    }
}
