package com.freshloop.profile.profiles;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.profile.v1.ClusterAssigned;
import com.freshloop.profile.clustering.BehaviourFeatures;
import com.freshloop.profile.clustering.Clustering;
import com.freshloop.profile.rfm.RfmModel;
import com.freshloop.starter.outbox.EventOutbox;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly recomputation: RFM cut points over every user's rolling window, every user's scores,
 * segment and lifecycle stage (stages move with time even without orders), and a new clustering
 * model with every user assigned. Changes are published through the outbox in chunks, each chunk
 * in its own transaction.
 */
@Service
public class ProfileBatch {

    private static final Logger log = LoggerFactory.getLogger(ProfileBatch.class);
    static final int CHUNK = 1_000;

    private final ProfileRepository repository;
    private final ClusterModelStore clusterModels;
    private final EventOutbox outbox;
    private final ProfileProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProfileBatch(
            ProfileRepository repository,
            ClusterModelStore clusterModels,
            EventOutbox outbox,
            ProfileProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.clusterModels = clusterModels;
        this.outbox = outbox;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a run did. */
    public record Summary(
            int users, String rfmVersion, String clusterModel, Integer clusters, Double silhouette, long millis) {}

    @Scheduled(cron = "${freshloop.profile.batch-cron:0 30 3 * * *}", zone = "${freshloop.profile.zone:Asia/Shanghai}")
    public void nightly() {
        Summary summary = run(clock.instant());
        log.info("Profile batch: {}", summary);
    }

    public synchronized Summary run(Instant now) {
        long start = System.currentTimeMillis();
        List<UserAggregate> users = new ArrayList<>();
        repository.forEachAggregate(now.minus(properties.rfmWindow()), users::add);
        if (users.isEmpty()) {
            return new Summary(0, null, null, null, null, System.currentTimeMillis() - start);
        }
        int n = users.size();
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        double[][] features = new double[n][];
        for (int i = 0; i < n; i++) {
            UserAggregate u = users.get(i);
            recency[i] = u.recencyDays(now);
            frequency[i] = u.ordersInWindow();
            monetary[i] = u.spendInWindow();
            features[i] = BehaviourFeatures.row(
                    recency[i],
                    u.ordersInWindow(),
                    u.spendInWindow(),
                    u.unitsInWindow(),
                    u.freshUnitsInWindow(),
                    u.couponOrdersInWindow(),
                    u.preferredHour());
        }
        RfmModel rfm = RfmModel.fit(
                now, (int) properties.rfmWindow().toDays(), recency.clone(), frequency.clone(), monetary.clone());
        Clustering.Model clusters = n >= Clustering.Settings.defaults().minK() + 1
                ? Clustering.fit(features, Clustering.Settings.defaults())
                : null;
        String clusterVersion =
                clusters == null ? null : DateTimeFormatter.ISO_INSTANT.format(now) + "/k" + clusters.k();
        transactions.executeWithoutResult(tx -> {
            repository.saveRfmModel(rfm, n);
            if (clusters != null) {
                clusterModels.save(clusterVersion, clusters, n);
            }
        });
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            List<UserAggregate> chunk = users.subList(from, to);
            int offset = from;
            transactions.executeWithoutResult(tx -> {
                Map<String, StoredProfile> before = chunk.stream()
                        .map(u -> repository.find(u.userId()).orElse(null))
                        .filter(Objects::nonNull)
                        .collect(Collectors.toMap(StoredProfile::userId, Function.identity()));
                for (int i = 0; i < chunk.size(); i++) {
                    UserAggregate u = chunk.get(i);
                    StoredProfile old = before.get(u.userId());
                    if (old == null) {
                        continue;
                    }
                    RfmModel.Scores scores =
                            rfm.score(recency[offset + i], frequency[offset + i], monetary[offset + i]);
                    String stage = properties
                            .stageRules()
                            .of(u.totalOrders(), u.lastOrderAt(), now)
                            .code();
                    repository.saveScores(u.userId(), scores, scores.segment().label(), stage);
                    publishProfileChanges(old, scores, stage, u, now);
                    if (clusters != null) {
                        int c = clusters.assignment()[offset + i];
                        String name = clusters.names().get(c);
                        repository.saveCluster(u.userId(), c, name, clusterVersion);
                        if (!Objects.equals(name, old.clusterName())) {
                            outbox.publish(EventEnvelope.of(
                                    Profiles.SOURCE, u.userId(), now, new ClusterAssigned(c, name, clusterVersion)));
                        }
                    }
                }
            });
        }
        return new Summary(
                n,
                rfm.version().toString(),
                clusterVersion,
                clusters == null ? null : clusters.k(),
                clusters == null ? null : clusters.silhouette(),
                System.currentTimeMillis() - start);
    }

    private void publishProfileChanges(
            StoredProfile old, RfmModel.Scores scores, String stage, UserAggregate u, Instant now) {
        if (!scores.segment().label().equals(old.segment())) {
            outbox.publish(EventEnvelope.of(
                    Profiles.SOURCE,
                    u.userId(),
                    now,
                    new com.freshloop.events.profile.v1.SegmentChanged(
                            old.segment(), scores.segment().label(), scores.code())));
        }
        if (!stage.equals(old.lifecycle())) {
            outbox.publish(EventEnvelope.of(
                    Profiles.SOURCE,
                    u.userId(),
                    now,
                    new com.freshloop.events.profile.v1.LifecycleStageChanged(
                            old.lifecycle(), stage, u.lastOrderAt())));
        }
    }
}
