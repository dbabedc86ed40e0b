package com.freshloop.profile.tags;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.events.streams.v1.TagRevoked;
import com.freshloop.starter.kafka.ProcessedEvents;
import java.time.Clock;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The real-time tags of each user, as computed by stream-jobs. */
@Service
public class Tags {

    static final String CONSUMER = "profile-service.tags";

    private final TagRepository repository;
    private final ProcessedEvents processed;
    private final Clock clock;

    Tags(TagRepository repository, ProcessedEvents processed, Clock clock) {
        this.repository = repository;
        this.processed = processed;
        this.clock = clock;
    }

    /** Applies one event of the tags topic, once, whatever the number of deliveries. */
    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (event.subject() == null || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if (event.data() instanceof TagAssigned assigned) {
            repository.upsert(
                    event.subject(),
                    assigned.tag(),
                    assigned.score(),
                    assigned.expiresAt(),
                    assigned.job(),
                    event.time());
        } else if (event.data() instanceof TagRevoked revoked) {
            repository.delete(event.subject(), revoked.tag(), event.time());
        }
    }

    /** Sets a tag computed inside profile-service (e.g. from text analysis). */
    @Transactional
    public void assign(
            String userId,
            String tag,
            double score,
            java.time.Instant expiresAt,
            String job,
            java.time.Instant observedAt) {
        repository.upsert(userId, tag, score, expiresAt, job, observedAt);
    }

    @Transactional(readOnly = true)
    public List<UserTag> of(String userId) {
        return repository.activeTags(userId, clock.instant());
    }

    @Scheduled(fixedDelayString = "${freshloop.profile.tag-purge-interval:PT10M}")
    @Transactional
    public void purgeExpired() {
        repository.purgeExpired(clock.instant());
    }
}
