package com.freshloop.profile.profiles;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.CsMessage;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.ReturnRequested;
import com.freshloop.events.behaviour.v1.ReviewPosted;
import com.freshloop.events.profile.v1.LifecycleStageChanged;
import com.freshloop.events.profile.v1.SegmentChanged;
import com.freshloop.profile.lifecycle.Stage;
import com.freshloop.profile.rfm.RfmModel;
import com.freshloop.profile.tags.Tags;
import com.freshloop.profile.tags.UserTag;
import com.freshloop.profile.text.ReviewAnalyzer;
import com.freshloop.starter.kafka.ProcessedEvents;
import com.freshloop.starter.outbox.EventOutbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's profile: orders, RFM scores and segment, lifecycle stage, cluster and text-derived tags. */
@Service
@EnableConfigurationProperties(ProfileProperties.class)
public class Profiles {

    static final String SOURCE = "profile-service";
    static final String CONSUMER = "profile-service.behaviour";
    static final String TEXT_JOB = "text-analysis";

    private final ProfileRepository repository;
    private final ClusterModelStore clusterModels;
    private final ProcessedEvents processed;
    private final EventOutbox outbox;
    private final Tags tags;
    private final ReviewAnalyzer analyzer;
    private final ProfileProperties properties;
    private final Clock clock;

    Profiles(
            ProfileRepository repository,
            ClusterModelStore clusterModels,
            ProcessedEvents processed,
            EventOutbox outbox,
            Tags tags,
            ReviewAnalyzer analyzer,
            ProfileProperties properties,
            Clock clock) {
        this.repository = repository;
        this.clusterModels = clusterModels;
        this.processed = processed;
        this.outbox = outbox;
        this.tags = tags;
        this.analyzer = analyzer;
        this.properties = properties;
        this.clock = clock;
    }

    /** A user's profile as the APIs show it. */
    public record ProfileView(
            String userId,
            String segment,
            String rfm,
            String lifecycle,
            Integer orders,
            Instant lastOrderAt,
            ClusterView cluster,
            List<UserTag> tags) {}

    /** The user's behaviour cluster. */
    public record ClusterView(int id, String name, String model) {}

    /** Applies one behaviour event, once. */
    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (event.subject() == null || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        // other behaviour is the Flink jobs' business
        if (event.data() instanceof OrderPlaced order) {
            onOrder(event, order);
        } else if (event.data() instanceof ReviewPosted review) {
            onText(event, review.text(), review.rating());
        } else if (event.data() instanceof CsMessage message) {
            onText(event, message.text(), null);
        } else if (event.data() instanceof ReturnRequested request) {
            onText(event, request.reason(), 2);
        }
    }

    private void onOrder(EventEnvelope<EventData> event, OrderPlaced order) {
        String userId = event.subject();
        int units = order.lines().stream().mapToInt(OrderPlaced.Line::quantity).sum();
        int fresh = order.lines().stream()
                .filter(l -> l.category() != null
                        && properties.freshCategories().contains(l.category().toLowerCase(java.util.Locale.ROOT)))
                .mapToInt(OrderPlaced.Line::quantity)
                .sum();
        int hour = event.time().atZone(properties.zone()).getHour();
        BigDecimal total = order.total() == null ? BigDecimal.ZERO : order.total();
        repository.ensureProfile(userId);
        boolean inserted = repository.insertOrder(
                order.orderId(), userId, event.time(), total, units, fresh, order.couponId() != null, hour);
        if (inserted) {
            repository.saveOrderSummary(userId, event.time());
            rescore(userId, clock.instant());
        }
    }

    private void onText(EventEnvelope<EventData> event, String text, Integer rating) {
        repository.ensureProfile(event.subject());
        ReviewAnalyzer.Analysis analysis = analyzer.analyse(text, rating);
        Instant expiresAt = event.time().plus(properties.textTagTtl());
        for (String tag : analysis.tags()) {
            tags.assign(event.subject(), tag, 1.0, expiresAt, TEXT_JOB, event.time());
        }
    }

    /**
     * Recomputes one user's RFM scores against the latest batch's cut points, and their lifecycle
     * stage; publishes a change of segment or stage through the outbox.
     */
    @Transactional
    public void rescore(String userId, Instant now) {
        Optional<UserAggregate> aggregate = repository.aggregate(userId, now.minus(properties.rfmWindow()));
        StoredProfile before = repository.find(userId).orElse(null);
        if (aggregate.isEmpty() || before == null) {
            return;
        }
        UserAggregate a = aggregate.get();
        RfmModel.Scores scores = repository
                .latestRfmModel()
                .map(m -> m.score(a.recencyDays(now), a.ordersInWindow(), a.spendInWindow()))
                .orElse(null);
        String segment = scores == null ? null : scores.segment().label();
        String stage = properties
                .stageRules()
                .of(a.totalOrders(), a.lastOrderAt(), now)
                .code();
        repository.saveScores(userId, scores, segment, stage);
        publishChanges(userId, before, scores, segment, stage, a.lastOrderAt(), now);
    }

    void publishChanges(
            String userId,
            StoredProfile before,
            RfmModel.Scores scores,
            String segment,
            String stage,
            Instant lastOrderAt,
            Instant now) {
        if (segment != null && !segment.equals(before.segment())) {
            outbox.publish(EventEnvelope.of(
                    SOURCE, userId, now, new SegmentChanged(before.segment(), segment, scores.code())));
        }
        if (!Objects.equals(stage, before.lifecycle())) {
            outbox.publish(EventEnvelope.of(
                    SOURCE, userId, now, new LifecycleStageChanged(before.lifecycle(), stage, lastOrderAt)));
        }
    }

    @Transactional(readOnly = true)
    public ProfileView view(String userId) {
        StoredProfile stored = repository.find(userId).orElse(null);
        List<UserTag> current = tags.of(userId);
        if (stored == null) {
            return new ProfileView(userId, null, null, Stage.NEW.code(), 0, null, null, current);
        }
        return new ProfileView(
                userId,
                stored.segment(),
                stored.scores() == null ? null : stored.scores().code(),
                stored.lifecycle(),
                stored.orders(),
                stored.lastOrderAt(),
                stored.cluster() == null
                        ? null
                        : new ClusterView(stored.cluster(), stored.clusterName(), stored.clusterModel()),
                current);
    }

    /** Users matching every filter given (segment label, cluster id, lifecycle code, tags). */
    @Transactional(readOnly = true)
    public List<String> find(String segment, Integer cluster, String lifecycle, List<String> tags, int page, int size) {
        return repository.query(segment, cluster, lifecycle, tags, clock.instant(), size, (long) page * size);
    }

    @Transactional(readOnly = true)
    public Optional<ClusterModelStore.Description> clusterModel() {
        return clusterModels.latest();
    }

    /** Records an operator's action in the audit log. */
    @Transactional
    public void audit(String actor, String action, String target, String detail) {
        repository.audit(actor, action, target, detail);
    }

    /** Number of users per value of {@code segment}, {@code lifecycle} or {@code cluster_name}. */
    @Transactional(readOnly = true)
    public List<Object[]> sizes(String column) {
        return repository.countBy(column);
    }
}
