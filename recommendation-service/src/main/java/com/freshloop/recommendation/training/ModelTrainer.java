package com.freshloop.recommendation.training;

import com.freshloop.recommendation.audit.AuditLog;
import com.freshloop.recommendation.model.AssociationRules;
import com.freshloop.recommendation.model.Basket;
import com.freshloop.recommendation.model.ItemNeighbours;
import com.freshloop.recommendation.model.Metrics;
import com.freshloop.recommendation.model.NextBasketRanker;
import com.freshloop.recommendation.model.RankerTraining;
import com.freshloop.recommendation.purchases.PurchaseHistory;
import com.freshloop.recommendation.purchases.StoredBasket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trains the model from every basket the service has seen. The blend weights are learned like the
 * offline evaluation does: every shopper's last basket is held out, shoppers with an earlier history
 * predict it (80 % fit the weights, 20 % check them), components are fitted on the shortened histories.
 * With too few such shoppers the ranker keeps its hand-set weights. Then the components are refitted
 * on all baskets, the CF and rule tables are stored and the model replaces the current one.
 */
@Service
public class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);
    static final int TABLE_ROWS_PER_ITEM = 20;

    private final PurchaseHistory purchases;
    private final ModelRepository repository;
    private final CurrentModel current;
    private final TrainingProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    ModelTrainer(
            PurchaseHistory purchases,
            ModelRepository repository,
            CurrentModel current,
            TrainingProperties properties,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            AuditLog audit,
            Clock clock) {
        this.purchases = purchases;
        this.repository = repository;
        this.current = current;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${freshloop.recommendation.training.interval:PT1H}",
            initialDelayString = "${freshloop.recommendation.training.initial-delay:PT30S}")
    void scheduled() {
        try {
            train("scheduler").ifPresent(run -> log.info("Recommendation model trained: {}", run));
        } catch (RuntimeException e) {
            log.error("Recommendation model training failed; serving keeps the previous model", e);
        }
    }

    /** Trains now (audited as {@code actor}); empty when there are no baskets yet. */
    public synchronized Optional<ModelRun> train(String actor) {
        long start = System.currentTimeMillis();
        Instant now = clock.instant();
        Map<String, List<StoredBasket>> byUser = new LinkedHashMap<>();
        TreeSet<String> skus = new TreeSet<>();
        int[] baskets = {0};
        purchases.forEachBasket(basket -> {
            byUser.computeIfAbsent(basket.userId(), u -> new ArrayList<>()).add(basket);
            skus.addAll(basket.skus());
            baskets[0]++;
        });
        if (byUser.isEmpty()) {
            return Optional.empty();
        }
        List<String> vocabulary = new ArrayList<>(skus);
        Map<String, Integer> poolIndex = new LinkedHashMap<>();
        NextBasketRanker.Settings settings = NextBasketRanker.Settings.defaults();
        // A provisional model only to map baskets to the vocabulary and days.
        TrainedModel mapping = new TrainedModel(
                0, now, properties.zone(), vocabulary, Map.of(), provisional(vocabulary.size(), settings), Map.of());
        List<List<Basket>> histories = new ArrayList<>(byUser.size());
        byUser.forEach((user, stored) -> {
            poolIndex.put(user, histories.size());
            histories.add(mapping.history(stored));
        });

        Learned learned = learnWeights(histories, vocabulary.size(), settings);
        NextBasketRanker.Components components =
                NextBasketRanker.Components.fit(histories, vocabulary.size(), settings);
        NextBasketRanker ranker = new NextBasketRanker(components, settings, learned.weights());
        long millis = System.currentTimeMillis() - start;
        ModelRun run = new ModelRun(
                0,
                now,
                baskets[0],
                byUser.size(),
                vocabulary.size(),
                weights(learned.weights()),
                learned.tuned(),
                learned.validationUsers(),
                learned.recall10(),
                learned.ndcg10(),
                millis);
        long version = transactions.execute(status -> {
            repository.replaceSimilarities(pairs(components.cf().neighbours(), null, vocabulary));
            AssociationRules rules = components.rules();
            repository.replaceRules(pairs(rules.confidence(), rules.lift(), vocabulary));
            long id = repository.saveRun(run);
            audit.record(
                    actor,
                    "model.trained",
                    "model:" + id,
                    Map.of("baskets", run.baskets(), "users", run.users(), "items", run.items(), "tuned", run.tuned()));
            return id;
        });
        TrainedModel model =
                new TrainedModel(version, now, properties.zone(), vocabulary, purchases.catalogue(), ranker, poolIndex);
        current.set(model);
        events.publishEvent(new ModelTrained(version, byUser.size()));
        return Optional.of(new ModelRun(
                version,
                run.trainedAt(),
                run.baskets(),
                run.users(),
                run.items(),
                run.weights(),
                run.tuned(),
                run.validationUsers(),
                run.validationRecall10(),
                run.validationNdcg10(),
                System.currentTimeMillis() - start));
    }

    public Optional<ModelRun> latestRun() {
        return repository.latestRun();
    }

    /** What the stored tables say about a SKU: its strongest association rules and CF neighbours. */
    public Related related(String sku, int limit) {
        List<Related.Rule> rules = repository.rulesFrom(sku, limit).stream()
                .map(p -> new Related.Rule(p.right(), p.first(), p.second()))
                .toList();
        List<Related.Similar> similar = repository.similarTo(sku, limit).stream()
                .map(p -> new Related.Similar(p.right(), p.first()))
                .toList();
        return new Related(sku, rules, similar);
    }

    private record Learned(
            double[] weights,
            boolean tuned,
            int validationUsers,
            @Nullable Double recall10,
            @Nullable Double ndcg10) {}

    private Learned learnWeights(List<List<Basket>> histories, int itemCount, NextBasketRanker.Settings settings) {
        List<List<Basket>> shortened = new ArrayList<>(histories.size());
        List<Integer> targets = new ArrayList<>();
        for (int u = 0; u < histories.size(); u++) {
            List<Basket> history = histories.get(u);
            shortened.add(history.isEmpty() ? history : history.subList(0, history.size() - 1));
            if (history.size() >= 2) {
                targets.add(u);
            }
        }
        if (targets.size() < properties.minValidationShoppers()) {
            return new Learned(NextBasketRanker.defaultWeights(), false, targets.size(), null, null);
        }
        NextBasketRanker.Components components = NextBasketRanker.Components.fit(shortened, itemCount, settings);
        List<RankerTraining.Example> fit = new ArrayList<>();
        List<RankerTraining.Example> check = new ArrayList<>();
        for (int u : targets) {
            List<Basket> history = shortened.get(u);
            List<Basket> full = histories.get(u);
            RankerTraining.Example example = new RankerTraining.Example(
                    history,
                    full.get(full.size() - 1).day(),
                    u,
                    full.get(full.size() - 1).items());
            (u % 5 == 0 ? check : fit).add(example);
        }
        RankerTraining.Result result = RankerTraining.learn(
                components, settings, fit, new RankerTraining.Settings(0.3, 1, properties.ascentRounds(), 20_000));
        Metrics.Accumulator regression = score(components, settings, result.regressionWeights(), check);
        Metrics.Accumulator ascent = score(components, settings, result.weights(), check);
        boolean useAscent = ascent.recall(10) + ascent.ndcg(10) >= regression.recall(10) + regression.ndcg(10);
        Metrics.Accumulator chosen = useAscent ? ascent : regression;
        return new Learned(
                useAscent ? result.weights() : result.regressionWeights(),
                true,
                targets.size(),
                chosen.recall(10),
                chosen.ndcg(10));
    }

    private static Metrics.Accumulator score(
            NextBasketRanker.Components components,
            NextBasketRanker.Settings settings,
            double[] weights,
            List<RankerTraining.Example> examples) {
        NextBasketRanker ranker = new NextBasketRanker(components, settings, weights);
        Metrics.Accumulator scores = new Metrics.Accumulator(10);
        for (RankerTraining.Example example : examples) {
            scores.add(ranker.top(example.history(), example.day(), 10, example.self()), example.target());
        }
        return scores;
    }

    private static NextBasketRanker provisional(int itemCount, NextBasketRanker.Settings settings) {
        NextBasketRanker.Components empty = NextBasketRanker.Components.fit(List.of(), itemCount, settings);
        return new NextBasketRanker(empty, settings, NextBasketRanker.defaultWeights());
    }

    private static List<ModelRepository.Pair> pairs(
            ItemNeighbours first, @Nullable ItemNeighbours second, List<String> skus) {
        List<ModelRepository.Pair> rows = new ArrayList<>();
        for (int item = 0; item < first.itemCount(); item++) {
            int[] others = first.of(item);
            for (int i = 0; i < Math.min(others.length, TABLE_ROWS_PER_ITEM); i++) {
                rows.add(new ModelRepository.Pair(
                        skus.get(item),
                        skus.get(others[i]),
                        first.scoresOf(item)[i],
                        second == null ? 0 : second.scoresOf(item)[i]));
            }
        }
        return rows;
    }

    static String weights(double[] weights) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < weights.length; j++) {
            text.append(j == 0 ? "" : ",")
                    .append(NextBasketRanker.FEATURES.get(j))
                    .append('=')
                    .append(String.format(Locale.ROOT, "%.4f", weights[j]));
        }
        return text.toString();
    }
}
