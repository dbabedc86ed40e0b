package com.freshloop.recommendation.serving;

import com.freshloop.recommendation.purchases.PurchaseHistory;
import com.freshloop.recommendation.purchases.StoredBasket;
import com.freshloop.recommendation.training.TrainedModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Computes a shopper's list with the current model, from their baskets in the database. */
@Component
class ListBuilder {

    private final PurchaseHistory purchases;
    private final ServingProperties properties;
    private final Clock clock;

    ListBuilder(PurchaseHistory purchases, ServingProperties properties, Clock clock) {
        this.purchases = purchases;
        this.properties = properties;
        this.clock = clock;
    }

    PersonalList build(TrainedModel model, String userId) {
        Instant now = clock.instant();
        List<StoredBasket> baskets = purchases.basketsOf(userId);
        double today = Reasons.today(now, properties.zone());
        List<PersonalList.Item> items = new ArrayList<>();
        for (TrainedModel.Ranked ranked : model.recommend(userId, baskets, now, properties.listSize())) {
            String name = model.info(ranked.sku()).label();
            @Nullable
            String evidence = ranked.evidence() == null
                    ? null
                    : model.info(ranked.evidence()).label();
            boolean due = ranked.stats() != null
                    && ranked.stats().baskets() >= 2
                    && ranked.stats().meanGapDays() > 0
                    && (today - ranked.stats().lastDay())
                            >= properties.dueFrom() * ranked.stats().meanGapDays();
            items.add(new PersonalList.Item(
                    ranked.sku(),
                    model.info(ranked.sku()).name(),
                    model.info(ranked.sku()).category(),
                    Reasons.strategy(ranked.source()),
                    Reasons.of(ranked.source(), name, evidence, ranked.stats(), today),
                    ranked.score(),
                    due));
        }
        String region =
                baskets.isEmpty() ? null : baskets.get(baskets.size() - 1).region();
        return new PersonalList(userId, model.version(), now, baskets.size(), region, items);
    }
}
