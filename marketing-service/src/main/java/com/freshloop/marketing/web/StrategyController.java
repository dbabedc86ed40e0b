package com.freshloop.marketing.web;

import com.freshloop.marketing.strategy.Adjustment;
import com.freshloop.marketing.strategy.Strategy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "strategy (operators)")
class StrategyController {

    private final Strategy strategy;

    StrategyController(Strategy strategy) {
        this.strategy = strategy;
    }

    @GetMapping("/admin/v1/marketing/strategy/adjustments")
    @Operation(summary = "Reactions to metric alerts, newest first: the action taken and why")
    List<Adjustment> adjustments() {
        return strategy.adjustments();
    }
}
