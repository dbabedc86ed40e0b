package com.freshloop.recommendation.web;

import com.freshloop.recommendation.experiments.Experiment;
import com.freshloop.recommendation.experiments.ExperimentResults;
import com.freshloop.recommendation.experiments.Experiments;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/admin/v1/recommendations/experiments")
@Tag(name = "experiments")
class ExperimentsController {

    private final Experiments experiments;

    ExperimentsController(Experiments experiments) {
        this.experiments = experiments;
    }

    @PostMapping
    @Operation(summary = "Create a draft experiment (audited); 409 if the key exists")
    ResponseEntity<Experiment> create(@Valid @RequestBody ExperimentRequest request) {
        Experiment experiment =
                experiments.create(request.key(), request.name(), request.toVariants(), CurrentUser.name());
        return ResponseEntity.created(URI.create("/admin/v1/recommendations/experiments/" + experiment.id()))
                .body(experiment);
    }

    @GetMapping
    @Operation(summary = "All experiments")
    List<Experiment> all() {
        return experiments.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One experiment")
    Experiment get(@PathVariable long id) {
        return experiments.get(id);
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start a draft experiment (audited); 409 if another runs or it is not a draft")
    Experiment start(@PathVariable long id) {
        return experiments.start(id, CurrentUser.name());
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop a running experiment (audited)")
    Experiment stop(@PathVariable long id) {
        return experiments.stop(id, CurrentUser.name());
    }

    @GetMapping("/{id}/results")
    @Operation(
            summary = "Per-variant exposures, click-through, conversion and basket value",
            description = "Each variant against the control (the first) with a two-proportion z-test, and a"
                    + " chi-square sample-ratio-mismatch check of exposed shoppers against the configured split.")
    ExperimentResults results(@PathVariable long id) {
        return experiments.results(id);
    }
}
