package com.freshloop.recommendation.web;

import com.freshloop.recommendation.experiments.Experiment;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new experiment; the first variant is the control. */
record ExperimentRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}", message = "must be lower-case letters, digits, - or _")
        String key,

        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(min = 2, max = 10) List<@Valid @NotNull VariantRequest> variants) {

    /** A variant and its share of traffic. */
    record VariantRequest(
            @NotBlank @Size(max = 64) String name,
            @Min(1) @Max(1000) int weight,

            @Schema(description = "ranker, repurchase or popular")
            @NotBlank
            @Pattern(regexp = "ranker|repurchase|popular", message = "must be ranker, repurchase or popular")
            String algorithm) {}

    List<Experiment.Variant> toVariants() {
        return variants.stream()
                .map(v -> new Experiment.Variant(v.name(), v.weight(), v.algorithm()))
                .toList();
    }
}
