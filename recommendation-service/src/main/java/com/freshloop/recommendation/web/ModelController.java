package com.freshloop.recommendation.web;

import com.freshloop.recommendation.training.ModelRun;
import com.freshloop.recommendation.training.ModelTrainer;
import com.freshloop.recommendation.training.Related;
import com.freshloop.recommendation.training.TrainingRuns;
import com.freshloop.starter.runs.BackgroundRuns;
import com.freshloop.starter.security.CurrentUser;
import com.freshloop.starter.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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
    private final TrainingRuns runs;

    ModelController(ModelTrainer trainer, TrainingRuns runs) {
        this.trainer = trainer;
        this.runs = runs;
    }

    @PostMapping("/model/train")
    @Operation(
            summary = "Start training the model now (audited)",
            description = "Runs what the schedule runs, in the background: weights tuned on a validation split when"
                    + " there are enough shoppers, CF and rule tables stored, every shopper's list precomputed."
                    + " The answer is the run (202, its URL in Location) to poll at"
                    + " GET /admin/v1/recommendations/model/train/runs/{runId}; a request while one runs joins it."
                    + " A run without baskets to train on fails with that reason.")
    @ApiResponse(responseCode = "202", description = "The run started, or the one in progress")
    ResponseEntity<BackgroundRuns.Run<ModelRun>> train() {
        BackgroundRuns.Run<ModelRun> run = runs.start(CurrentUser.name()).run();
        return ResponseEntity.accepted()
                .location(URI.create("/admin/v1/recommendations/model/train/runs/" + run.id()))
                .body(run);
    }

    @GetMapping("/model/train/runs/{runId}")
    @Operation(summary = "One requested training: running, succeeded (result: the model run) or failed (error: why)")
    BackgroundRuns.Run<ModelRun> trainingRun(@PathVariable UUID runId) {
        return runs.find(runId).orElseThrow(() -> new NotFoundException("No training run " + runId + " here."));
    }

    @GetMapping("/model/train/runs")
    @Operation(summary = "The recent requested trainings, newest first")
    List<BackgroundRuns.Run<ModelRun>> trainingRuns() {
        return runs.recent();
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
