package com.freshloop.recommendation.experiments;

import com.freshloop.recommendation.audit.AuditLog;
import com.freshloop.starter.kafka.ProcessedEvents;
import com.freshloop.starter.web.ConflictException;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.starter.web.UnprocessableException;
import jakarta.annotation.PostConstruct;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Experiment lifecycle (audited), assignment from an in-memory snapshot, outcomes and results. */
@Service
public class Experiments {

    static final Set<String> ALGORITHMS = Set.of("ranker", "repurchase", "popular");
    static final String CLICKS = "recommendation-service.experiments.clicks";
    static final String ORDERS = "recommendation-service.experiments.orders";

    private final ExperimentRepository repository;
    private final AuditLog audit;
    private final ProcessedEvents processed;
    private final Clock clock;
    private volatile @Nullable Experiment running;

    Experiments(ExperimentRepository repository, AuditLog audit, ProcessedEvents processed, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.processed = processed;
        this.clock = clock;
    }

    @Transactional
    public Experiment create(String key, String name, List<Experiment.Variant> variants, String actor) {
        if (variants.size() < 2) {
            throw new UnprocessableException("an experiment needs at least two variants (the first is the control)");
        }
        Set<String> names = new HashSet<>();
        for (Experiment.Variant variant : variants) {
            if (!names.add(variant.name())) {
                throw new UnprocessableException("variant names must be unique: " + variant.name());
            }
            if (!ALGORITHMS.contains(variant.algorithm())) {
                throw new UnprocessableException("algorithm must be ranker, repurchase or popular");
            }
        }
        if (repository.keyExists(key)) {
            throw new ConflictException("an experiment with key " + key + " exists");
        }
        long id = repository.insert(key, name, variants, clock.instant());
        Experiment experiment = repository.find(id).orElseThrow();
        audit.record(actor, "experiment.created", "experiment:" + id, Map.of("key", key, "variants", variants));
        return experiment;
    }

    @Transactional
    public Experiment start(long id, String actor) {
        Experiment experiment = get(id);
        if (!Experiment.DRAFT.equals(experiment.status())) {
            throw new ConflictException(
                    "only a draft experiment can start; " + experiment.key() + " is " + experiment.status());
        }
        try {
            if (!repository.transition(id, Experiment.DRAFT, Experiment.RUNNING, clock.instant())) {
                throw new ConflictException("experiment " + experiment.key() + " changed meanwhile");
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException("another experiment is running; stop it first");
        }
        audit.record(actor, "experiment.started", "experiment:" + id, Map.of("key", experiment.key()));
        refreshAfterCommit();
        return get(id);
    }

    @Transactional
    public Experiment stop(long id, String actor) {
        Experiment experiment = get(id);
        if (!repository.transition(id, Experiment.RUNNING, Experiment.STOPPED, clock.instant())) {
            throw new ConflictException(
                    "only a running experiment can stop; " + experiment.key() + " is " + experiment.status());
        }
        audit.record(actor, "experiment.stopped", "experiment:" + id, Map.of("key", experiment.key()));
        refreshAfterCommit();
        return get(id);
    }

    @Transactional(readOnly = true)
    public Experiment get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("no experiment " + id));
    }

    @Transactional(readOnly = true)
    public List<Experiment> all() {
        return repository.all();
    }

    /** The shopper's variant in the running experiment, if one runs. */
    public Optional<Assignment> assign(String userId) {
        Experiment experiment = running;
        return experiment == null ? Optional.empty() : Optional.of(Assignment.of(experiment, userId));
    }

    /** Counts a click on a recommendation; idempotent by event id. */
    @Transactional
    public void recordClick(UUID eventId, String userId, @Nullable String experimentKey) {
        if (experimentKey == null || experimentKey.isBlank() || !processed.firstDelivery(CLICKS, eventId)) {
            return;
        }
        repository.recordClick(experimentKey, userId);
    }

    /** Counts an order for the experiments the shopper was exposed to before it; idempotent by event id. */
    @Transactional
    public void recordOrder(UUID eventId, String userId, @Nullable BigDecimal total, Instant at) {
        if (processed.firstDelivery(ORDERS, eventId)) {
            repository.recordOrder(userId, total, at);
        }
    }

    @Transactional(readOnly = true)
    public ExperimentResults results(long id) {
        Experiment experiment = get(id);
        Map<String, ExperimentRepository.VariantTotals> byVariant = new LinkedHashMap<>();
        for (ExperimentRepository.VariantTotals totals : repository.totals(id)) {
            byVariant.put(totals.variant(), totals);
        }
        int weightSum = experiment.variants().stream()
                .mapToInt(Experiment.Variant::weight)
                .sum();
        long[] observed = new long[experiment.variants().size()];
        double[] weights = new double[observed.length];
        List<ExperimentResults.VariantResult> results = new ArrayList<>();
        ExperimentRepository.VariantTotals control = null;
        for (int i = 0; i < observed.length; i++) {
            Experiment.Variant variant = experiment.variants().get(i);
            ExperimentRepository.VariantTotals t = byVariant.getOrDefault(
                    variant.name(),
                    new ExperimentRepository.VariantTotals(variant.name(), 0, 0, 0, 0, 0, BigDecimal.ZERO));
            observed[i] = t.users();
            weights[i] = variant.weight();
            if (i == 0) {
                control = t;
            }
            BigDecimal revenue = t.revenue() == null ? BigDecimal.ZERO : t.revenue();
            results.add(new ExperimentResults.VariantResult(
                    variant.name(),
                    variant.weight() / (double) weightSum,
                    t.users(),
                    t.exposures(),
                    t.clickers(),
                    rate(t.clickers(), t.users()),
                    t.converters(),
                    rate(t.converters(), t.users()),
                    t.orders(),
                    revenue,
                    t.users() == 0
                            ? 0
                            : revenue.divide(BigDecimal.valueOf(t.users()), 2, RoundingMode.HALF_UP)
                                    .doubleValue(),
                    t.orders() == 0
                            ? 0
                            : revenue.divide(BigDecimal.valueOf(t.orders()), 2, RoundingMode.HALF_UP)
                                    .doubleValue(),
                    i == 0
                            ? null
                            : Statistics.twoProportion(control.clickers(), control.users(), t.clickers(), t.users()),
                    i == 0
                            ? null
                            : Statistics.twoProportion(
                                    control.converters(), control.users(), t.converters(), t.users())));
        }
        return new ExperimentResults(experiment, results, Statistics.sampleRatio(observed, weights));
    }

    @Scheduled(
            fixedDelayString = "${freshloop.recommendation.experiments.refresh:PT15S}",
            initialDelayString = "${freshloop.recommendation.experiments.refresh:PT15S}")
    public void refresh() {
        List<Experiment> live = repository.withStatus(Experiment.RUNNING);
        running = live.isEmpty() ? null : live.get(0);
    }

    @PostConstruct
    void load() {
        refresh();
    }

    private void refreshAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refresh();
            }
        });
    }

    private static double rate(long hits, long n) {
        return n == 0 ? 0 : hits / (double) n;
    }
}
