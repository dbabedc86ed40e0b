package com.freshloop.recommendation.web;

import com.freshloop.recommendation.purchases.PopularItem;
import com.freshloop.recommendation.purchases.PurchaseHistory;
import com.freshloop.recommendation.serving.RecommendationService;
import com.freshloop.recommendation.serving.Recommendations;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "recommendations")
class RecommendationController {

    private final RecommendationService recommendations;
    private final PurchaseHistory history;

    RecommendationController(RecommendationService recommendations, PurchaseHistory history) {
        this.recommendations = recommendations;
        this.history = history;
    }

    @GetMapping("/api/v1/recommendations/me")
    @Operation(
            summary = "Recommendations for the caller",
            description = "home: the caller's next basket from the trained ranker (repeat items by purchase cycle,"
                    + " items often bought with theirs, items of similar shoppers, popular items); before any model"
                    + " is trained, the caller's repeat items then popular ones. cart: items often bought with the"
                    + " cart's. product:<sku>: items often bought with that product. Scenario rules put their items"
                    + " first. Every item has a reason and, in an experiment, the experiment and variant. When Redis"
                    + " or the database fails the list is the popular fallback (fallback: true).")
    Recommendations me(
            @Parameter(description = "home, cart or product:<sku>")
                    @RequestParam(defaultValue = "home")
                    @Pattern(regexp = "home|cart|product:[^\\s]{1,64}", message = "must be home, cart or product:<sku>")
                    String context,
            @Parameter(description = "How many items, 1 to 50") @RequestParam(defaultValue = "10") @Min(1) @Max(50)
                    int limit) {
        return recommendations.recommend(CurrentUser.id(), context, limit);
    }

    @GetMapping("/admin/v1/recommendations/popular")
    @Operation(summary = "The most ordered items across all shoppers (operators only)")
    List<PopularItem> popular(
            @Parameter(description = "How many items, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int limit) {
        return history.popular(limit);
    }
}
