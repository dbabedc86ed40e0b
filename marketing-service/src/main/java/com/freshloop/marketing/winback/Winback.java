package com.freshloop.marketing.winback;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.marketing.v1.CampaignAssigned;
import com.freshloop.events.profile.v1.LifecycleStageChanged;
import com.freshloop.events.supply.v1.StockReplenished;
import com.freshloop.marketing.audience.Audience;
import com.freshloop.marketing.coupons.Coupons;
import com.freshloop.marketing.messages.Messages;
import com.freshloop.marketing.strategy.Strategy;
import com.freshloop.starter.kafka.ProcessedEvents;
import com.freshloop.starter.outbox.EventOutbox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The win-back automation. A user entering a win-back stage is assigned to the control or treatment arm
 * (deterministically, see {@link ControlGroup}); the stages are the configured ones plus those a metric
 * alert added (see {@link Strategy}); treated users get the campaign's coupons and a win-back
 * message, control users get nothing. Later, when one of a treated user's usual SKUs is restocked in their
 * region after a stock-out, they get a "your usual items are back in stock" message at their active hour.
 */
@Service
public class Winback {

    public static final String CONTROL = "control";
    public static final String TREATMENT = "treatment";
    static final String CONSUMER = "marketing-service.winback";
    private static final Logger log = LoggerFactory.getLogger(Winback.class);

    private final WinbackRepository repository;
    private final WinbackProperties properties;
    private final Coupons coupons;
    private final Messages messages;
    private final Audience audience;
    private final ProcessedEvents processed;
    private final Strategy strategy;
    private final EventOutbox outbox;
    private final Clock clock;

    Winback(
            WinbackRepository repository,
            WinbackProperties properties,
            Coupons coupons,
            Messages messages,
            Audience audience,
            ProcessedEvents processed,
            Strategy strategy,
            EventOutbox outbox,
            Clock clock) {
        this.outbox = outbox;
        this.repository = repository;
        this.properties = properties;
        this.coupons = coupons;
        this.messages = messages;
        this.audience = audience;
        this.processed = processed;
        this.strategy = strategy;
        this.clock = clock;
    }

    /** Applies a profile or supply event, once. */
    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (event.subject() == null) {
            return;
        }
        if (event.data() instanceof LifecycleStageChanged changed
                && strategy.winbackStages(properties.stages()).contains(changed.to())
                && processed.firstDelivery(CONSUMER, event.id())) {
            enter(event.subject(), changed.to());
        } else if (event.data() instanceof StockReplenished restocked
                && restocked.wasOutOfStock()
                && processed.firstDelivery(CONSUMER, event.id())) {
            backInStock(event.id(), restocked);
        }
    }

    private void enter(String userId, String stage) {
        String campaign = properties.campaignId();
        boolean control = ControlGroup.isControl(campaign, userId, properties.controlShare());
        String arm = control ? CONTROL : TREATMENT;
        if (!repository.assign(campaign, userId, arm, stage, clock.instant())) {
            return;
        }
        // both arms are published: metrics measures the campaign's recall against its control group
        outbox.publish(EventEnvelope.of(
                "marketing-service", userId, clock.instant(), new CampaignAssigned(campaign, arm, stage)));
        if (control) {
            log.debug("user {} is in the control group of {}", userId, campaign);
            return;
        }
        for (UUID template : properties.templateIds()) {
            // The request id derives from campaign, user and template: a replay issues nothing new.
            String requestId = UUID.nameUUIDFromBytes(
                            (campaign + "|" + userId + "|" + template).getBytes(StandardCharsets.UTF_8))
                    .toString();
            coupons.issue(template, userId, requestId, "campaign:" + campaign, campaign);
        }
        messages.schedule(
                userId,
                Messages.WINBACK,
                campaign,
                "We miss you! Spend 50 save 20, plus a free scallion, ginger and garlic bundle, waiting in your account.",
                audience.activeHour(userId).orElse(null),
                "winback:" + campaign + ":" + userId);
    }

    private void backInStock(UUID eventId, StockReplenished restocked) {
        for (var recipient : repository.treatedUsualBuyers(
                properties.campaignId(),
                restocked.sku(),
                restocked.region(),
                properties.usualMinOrders(),
                strategy.winbackStages(properties.stages()))) {
            messages.schedule(
                    recipient.userId(),
                    Messages.BACK_IN_STOCK,
                    properties.campaignId(),
                    "Your usual items are back in stock: " + restocked.sku() + ".",
                    recipient.activeHour(),
                    "back_in_stock:" + eventId + ":" + recipient.userId());
        }
    }

    /** The user's arm in the win-back campaign, or null if never assigned. */
    @Transactional(readOnly = true)
    public @Nullable String arm(String userId) {
        return repository.arm(properties.campaignId(), userId);
    }
}
