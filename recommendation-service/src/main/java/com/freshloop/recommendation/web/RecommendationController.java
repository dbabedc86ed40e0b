package com.freshloop.recommendation.web;

import com.freshloop.recommendation.purchases.PopularItem;
import com.freshloop.recommendation.purchases.PurchaseHistory;
import com.freshloop.recommendation.purchases.Recommendation;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "recommendations")
class RecommendationController {

    private final PurchaseHistory history;

    RecommendationController(PurchaseHistory history) {
        this.history = history;
    }

    /** The recommendations shown to one shopper. */
    record RecommendationsView(String userId, List<Recommendation> items) {}

    @GetMapping("/api/v1/recommendations/me")
    @Operation(
            summary = "Recommendations for the caller",
            description = "The caller's repeat items first (strategy repurchase, with the reason), then items"
                    + " popular with other shoppers that the caller has not bought (strategy popular).")
    RecommendationsView me(
            @Parameter(description = "How many items, 1 to 50") @RequestParam(defaultValue = "10") @Min(1) @Max(50)
                    int limit) {
        String userId = CurrentUser.id();
        return new RecommendationsView(userId, history.recommendFor(userId, limit));
    }

    @GetMapping("/admin/v1/recommendations/popular")
    @Operation(summary = "The most ordered items across all shoppers (operators only)")
    List<PopularItem> popular(
            @Parameter(description = "How many items, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int limit) {
        return history.popular(limit);
    }
}
