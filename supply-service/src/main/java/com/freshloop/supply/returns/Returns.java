package com.freshloop.supply.returns;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.ReturnRequested;
import com.freshloop.events.supply.v1.RefundIssued;
import com.freshloop.starter.outbox.EventOutbox;
import com.freshloop.starter.web.ConflictException;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.starter.web.UnprocessableException;
import com.freshloop.supply.audit.AuditLog;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns requested by shoppers (the app sends return.requested; its reason text also goes to
 * profile-service), picked up on a scheduled slot and refunded once.
 */
@Service
public class Returns {

    static final String SOURCE = "supply-service";

    private final JdbcClient jdbc;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    Returns(JdbcClient jdbc, EventOutbox outbox, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The event id is the return id, so a redelivered request inserts nothing. */
    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (!(event.data() instanceof ReturnRequested r)
                || r.orderId() == null
                || r.sku() == null
                || r.quantity() < 1) {
            return;
        }
        jdbc.sql("""
                        insert into return_request (id, user_id, order_id, sku, quantity, reason, status, created_at)
                        values (:id, :user, :order, :sku, :quantity, :reason, 'requested', :at)
                        on conflict (id) do nothing
                        """)
                .param("id", event.id())
                .param("user", event.subject())
                .param("order", r.orderId())
                .param("sku", r.sku())
                .param("quantity", r.quantity())
                .param("reason", r.reason() == null ? "" : r.reason())
                .param("at", Timestamp.from(event.time()))
                .update();
    }

    @Transactional
    public ReturnRequest schedulePickup(UUID id, Instant pickupAt, String actor) {
        ReturnRequest r = lock(id);
        if (r.status().equals("refunded")) {
            throw new ConflictException("return " + id + " was already refunded");
        }
        if (!pickupAt.isAfter(clock.instant())) {
            throw new UnprocessableException("the pickup must be in the future");
        }
        jdbc.sql("update return_request set status = 'pickup_scheduled', pickup_at = :at where id = :id")
                .param("at", Timestamp.from(pickupAt))
                .param("id", id)
                .update();
        audit.record(actor, "return.pickup-scheduled", id.toString(), Map.of("pickupAt", pickupAt.toString()));
        return find(id);
    }

    @Transactional
    public ReturnRequest refund(UUID id, BigDecimal amount, String actor) {
        ReturnRequest r = lock(id);
        if (r.status().equals("refunded")) {
            throw new ConflictException("return " + id + " was already refunded");
        }
        jdbc.sql("update return_request set status = 'refunded', refunded = :amount where id = :id")
                .param("amount", amount)
                .param("id", id)
                .update();
        audit.record(actor, "return.refunded", id.toString(), Map.of("amount", amount.toPlainString()));
        outbox.publish(EventEnvelope.of(
                SOURCE, r.userId(), clock.instant(), new RefundIssued(id.toString(), r.orderId(), amount)));
        return find(id);
    }

    @Transactional(readOnly = true)
    public List<ReturnRequest> forShopper(String userId) {
        return jdbc.sql("select * from return_request where user_id = :user order by created_at desc limit 100")
                .param("user", userId)
                .query(Returns::map)
                .list();
    }

    private ReturnRequest lock(UUID id) {
        return jdbc.sql("select * from return_request where id = :id for update")
                .param("id", id)
                .query(Returns::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("no return " + id));
    }

    private ReturnRequest find(UUID id) {
        return jdbc.sql("select * from return_request where id = :id")
                .param("id", id)
                .query(Returns::map)
                .single();
    }

    private static ReturnRequest map(ResultSet rs, int row) throws SQLException {
        Timestamp pickup = rs.getTimestamp("pickup_at");
        return new ReturnRequest(
                rs.getObject("id", UUID.class),
                rs.getString("user_id"),
                rs.getString("order_id"),
                rs.getString("sku"),
                rs.getInt("quantity"),
                rs.getString("reason"),
                rs.getString("status"),
                pickup == null ? null : pickup.toInstant(),
                rs.getBigDecimal("refunded"),
                rs.getTimestamp("created_at").toInstant());
    }
}
