package com.freshloop.events.behaviour.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.util.List;

/**
 * A shopper opened a page.
 *
 * @param page the screen, e.g. {@code home}, {@code product}, {@code category}
 * @param sku the product shown, when the page is a product page
 * @param category the category shown or the product's category, if any
 */
public record PageViewed(String page, String sku, String category) implements BehaviourEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("page", page)
                .maxLength("sku", sku, 64)
                .maxLength("category", category, 64)
                .done();
    }
}
