package com.freshloop.membership.inbox;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.CheckinDone;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.ShareClicked;
import com.freshloop.membership.checkin.CheckIns;
import com.freshloop.membership.garden.Garden;
import com.freshloop.membership.leaderboard.Leaderboard;
import com.freshloop.membership.member.Memberships;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * One consumer (group {@code membership-service}) for behaviour, supply and marketing events, handing
 * each event to every feature that reacts to it. Each feature is idempotent on its own (processed events, unique
 * keys), so a redelivery after a partial failure applies only what is missing.
 */
@Component
class EventsListener {

    private final Memberships memberships;
    private final CheckIns checkIns;
    private final Garden garden;
    private final Leaderboard leaderboard;

    EventsListener(Memberships memberships, CheckIns checkIns, Garden garden, Leaderboard leaderboard) {
        this.memberships = memberships;
        this.checkIns = checkIns;
        this.garden = garden;
        this.leaderboard = leaderboard;
    }

    @KafkaListener(
            topics = {Topics.BEHAVIOUR, Topics.SUPPLY, Topics.MARKETING},
            groupId = "membership-service")
    void on(EventEnvelope<EventData> event) {
        String userId = event.subject();
        if (userId == null) {
            return;
        }
        memberships.apply(event);
        if (event.data() instanceof OrderPlaced) {
            leaderboard.recordOrder(event);
            garden.water(userId, "order", "order:" + event.id());
        } else if (event.data() instanceof CheckinDone checkin) {
            ZoneId zone = zone(checkin.timeZone());
            if (zone != null) {
                checkIns.checkIn(userId, zone, event.time());
            }
        } else if (event.data() instanceof ShareClicked share) {
            // The sharer's crop is watered when someone else opens the link, never by their own click.
            if (share.sharedBy() != null && !share.sharedBy().equals(userId)) {
                garden.water(share.sharedBy(), "share", "share:" + event.id());
            }
        }
    }

    private static @Nullable ZoneId zone(@Nullable String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
