package com.freshloop.marketing.audience;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.profile.v1.LifecycleStageChanged;
import com.freshloop.events.profile.v1.SegmentChanged;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.events.streams.v1.TagRevoked;
import com.freshloop.starter.kafka.ProcessedEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What marketing knows about each shopper, projected from profile, tags and behaviour events: lifecycle
 * stage, RFM segment, region of the last order, active hour and the SKUs they buy (per-order counts).
 */
@Service
public class Audience {

    static final String CONSUMER = "marketing-service.audience";
    private static final Pattern ACTIVE_HOUR = Pattern.compile("active_hour:(\\d{1,2})");

    private final AudienceRepository repository;
    private final ProcessedEvents processed;

    Audience(AudienceRepository repository, ProcessedEvents processed) {
        this.repository = repository;
        this.processed = processed;
    }

    /** Applies one profile, tags or behaviour event, once, whatever the number of deliveries. */
    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        String user = event.subject();
        if (user == null || !relevant(event.data()) || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if (event.data() instanceof TagAssigned tag) {
            repository.tag(user, tag.tag(), event.time());
        } else if (event.data() instanceof TagRevoked tag) {
            repository.untag(user, tag.tag());
        }
        if (event.data() instanceof TagAssigned tag && hourOf(tag.tag()) == null) {
            return;
        }
        if (event.data() instanceof TagRevoked tag && hourOf(tag.tag()) == null) {
            return;
        }
        EventData data = event.data();
        if (data instanceof LifecycleStageChanged changed) {
            repository.set(user, "lifecycle_stage", changed.to(), event.time());
        } else if (data instanceof SegmentChanged changed) {
            repository.set(user, "segment", changed.to(), event.time());
        } else if (data instanceof TagAssigned tag) {
            repository.set(user, "active_hour", hourOf(tag.tag()), event.time());
        } else if (data instanceof TagRevoked) {
            repository.set(user, "active_hour", null, event.time());
        } else if (data instanceof OrderPlaced order) {
            repository.set(user, "region", order.region(), event.time());
            // Per order, not per line: a SKU on two lines of one order is one purchase.
            Map<String, Integer> units = new LinkedHashMap<>();
            order.lines().forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum));
            units.forEach((sku, n) -> repository.countOrderLine(user, sku, n, event.time()));
        }
    }

    /** The shoppers an audience rule matches now. */
    @Transactional(readOnly = true)
    public List<String> members(AudienceRule rule) {
        return repository.members(rule);
    }

    /** The hour of day (in the shoppers' zone) the user is usually active, from the stream-jobs tag. */
    @Transactional(readOnly = true)
    public Optional<Integer> activeHour(String userId) {
        return repository.activeHour(userId);
    }

    private static boolean relevant(EventData data) {
        return data instanceof LifecycleStageChanged
                || data instanceof SegmentChanged
                || (data instanceof TagAssigned t && t.tag() != null && t.tag().length() <= 128)
                || (data instanceof TagRevoked r && r.tag() != null)
                || (data instanceof OrderPlaced o && o.lines() != null);
    }

    static @Nullable Integer hourOf(@Nullable String tag) {
        if (tag == null) {
            return null;
        }
        Matcher m = ACTIVE_HOUR.matcher(tag);
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        return hour <= 23 ? hour : null;
    }
}
