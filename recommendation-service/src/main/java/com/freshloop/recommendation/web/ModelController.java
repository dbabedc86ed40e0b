package com.freshloop.recommendation.web;

import com.freshloop.recommendation.training.ModelRun;
import com.freshloop.recommendation.training.ModelTrainer;
import com.freshloop.recommendation.training.Related;
import com.freshloop.starter.security.CurrentUser;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.starter.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/admin/v1/recommendations")
@Tag(name = "model")
class ModelController {

    private final ModelTrainer trainer;

    ModelController(ModelTrainer trainer) {
        this.trainer = trainer;
    }

    @PostMapping("/model/train")
    @Operation(
            summary = "Train the model now (audited)",
            description = "Runs what the schedule runs: weights tuned on a validation split when there are enough"
                    + " shoppers, CF and rule tables stored, every shopper's list precomputed. 422 without baskets.")
    ModelRun train() {
        return trainer.train(CurrentUser.name())
                .orElseThrow(() -> new UnprocessableException("no baskets to train on yet"));
    }

    @GetMapping("/model")
    @Operation(summary = "The latest training run")
    ModelRun latest() {
        return trainer.latestRun().orElseThrow(() -> new NotFoundException("no model trained yet"));
    }

    @GetMapping("/items/{sku}/related")
    @Operation(summary = "A SKU's association rules and CF neighbours from the latest training run")
    Related related(
            @PathVariable @Size(max = 64) String sku,
            @Parameter(description = "How many of each, 1 to 50") @RequestParam(defaultValue = "10") @Min(1) @Max(50)
                    int limit) {
        return trainer.related(sku, limit);
    }
}
