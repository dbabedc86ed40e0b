package com.freshloop.recommendation.offline;

import com.freshloop.recommendation.model.Basket;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A next-basket data set split by its protocol: every shopper's history, and for the test shoppers only,
 * the basket to predict. Targets of the other shoppers are not loaded, so nothing can train on them.
 *
 * @param itemLabels a readable label per dense item id
 */
public record NextBasketData(String name, int itemCount, List<String> itemLabels, List<User> users) {

    /** A shopper: external id, history in time order, and the target basket if a test shopper. */
    public record User(String id, List<Basket> history, int @Nullable [] target) {

        public boolean test() {
            return target != null;
        }
    }

    public List<List<Basket>> histories() {
        List<List<Basket>> histories = new ArrayList<>(users.size());
        for (User user : users) {
            histories.add(user.history());
        }
        return histories;
    }

    public List<Integer> testUsers() {
        List<Integer> test = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            if (users.get(u).test()) {
                test.add(u);
            }
        }
        return test;
    }

    /**
     * The validation split used for tuning: each non-test shopper with at least two history baskets
     * predicts their last history basket from the earlier ones. Every shopper's history loses its last
     * basket, so the global statistics are computed exactly as at test time, one basket earlier; test
     * shoppers keep their shortened histories as training data but are never validation targets.
     */
    public NextBasketData validationSplit() {
        List<User> shifted = new ArrayList<>(users.size());
        for (User user : users) {
            List<Basket> history = user.history();
            if (history.isEmpty()) {
                shifted.add(new User(user.id(), history, null));
                continue;
            }
            List<Basket> earlier = history.subList(0, history.size() - 1);
            int[] target = !user.test() && !earlier.isEmpty()
                    ? history.get(history.size() - 1).items()
                    : null;
            shifted.add(new User(user.id(), earlier, target));
        }
        return new NextBasketData(name + " (validation)", itemCount, itemLabels, shifted);
    }
}
