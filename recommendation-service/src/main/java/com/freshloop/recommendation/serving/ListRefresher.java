package com.freshloop.recommendation.serving;

import com.freshloop.recommendation.training.CurrentModel;
import com.freshloop.recommendation.training.ModelTrained;
import com.freshloop.recommendation.training.TrainedModel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the precomputed lists current: every shopper's after a training run, one shopper's after each
 * of their orders (so an order changes the list within the consumer's latency). A failure only leaves
 * the old list in place; serving computes a missing list itself.
 */
@Component
public class ListRefresher {

    private static final Logger log = LoggerFactory.getLogger(ListRefresher.class);

    private final CurrentModel current;
    private final ListBuilder builder;
    private final StateStore state;

    ListRefresher(CurrentModel current, ListBuilder builder, StateStore state) {
        this.current = current;
        this.builder = builder;
        this.state = state;
    }

    @EventListener
    void on(ModelTrained trained) {
        Optional<TrainedModel> model = current.get();
        if (model.isEmpty()) {
            return;
        }
        long start = System.currentTimeMillis();
        int refreshed = 0;
        for (String user : model.get().users()) {
            if (refresh(model.get(), user)) {
                refreshed++;
            }
        }
        log.info(
                "Precomputed {} of {} lists for model {} in {} ms",
                refreshed,
                trained.users(),
                trained.version(),
                System.currentTimeMillis() - start);
    }

    /** Recomputes one shopper's list after an order; without a model the stale list is dropped. */
    public void refresh(String userId) {
        Optional<TrainedModel> model = current.get();
        try {
            if (model.isPresent()) {
                refresh(model.get(), userId);
            } else {
                state.dropList(userId);
            }
        } catch (StateUnavailable e) {
            log.debug("Could not refresh the list of {}: {}", userId, e.getMessage());
        }
    }

    private boolean refresh(TrainedModel model, String userId) {
        try {
            state.putList(builder.build(model, userId));
            return true;
        } catch (StateUnavailable e) {
            log.debug("Could not store the list of {}: {}", userId, e.getMessage());
            return false;
        }
    }
}
