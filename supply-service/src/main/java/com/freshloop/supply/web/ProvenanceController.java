package com.freshloop.supply.web;

import com.freshloop.starter.security.CurrentUser;
import com.freshloop.supply.traceability.Provenance;
import com.freshloop.supply.traceability.ProvenanceRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "supply")
class ProvenanceController {

    private final Provenance provenance;

    ProvenanceController(Provenance provenance) {
        this.provenance = provenance;
    }

    /** A fact about a batch, e.g. kind origin with {farm, country}, or temperature_check with {celsius, warehouse}. */
    record AppendRequest(
            @NotNull @Pattern(regexp = "origin|harvest|warehouse|temperature_check|transport|note")
            String kind,

            @NotEmpty @Size(max = 20)
            Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 512) String> attributes) {}

    @PostMapping("/admin/v1/supply/batches/{batchId}/provenance")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Append a provenance record to a batch's hash chain (operators only, audited)")
    @ApiResponse(responseCode = "201", description = "The appended record with its hash")
    @ApiResponse(responseCode = "400", description = "A malformed batch id, kind or attributes")
    ProvenanceRecord append(
            @PathVariable @Pattern(regexp = InventoryController.CODE) String batchId,
            @RequestBody @Valid AppendRequest request) {
        return provenance.append(batchId, request.kind(), request.attributes(), CurrentUser.name());
    }

    @GetMapping("/admin/v1/supply/batches/{batchId}/provenance")
    @Operation(summary = "A batch's provenance records in order")
    @ApiResponse(responseCode = "200", description = "The chain (empty for an unknown batch)")
    List<ProvenanceRecord> chain(@PathVariable @Pattern(regexp = InventoryController.CODE) String batchId) {
        return provenance.chain(batchId);
    }

    @GetMapping("/admin/v1/supply/batches/{batchId}/provenance/verify")
    @Operation(
            summary = "Recompute a batch's hash chain",
            description = "valid=false names the first broken link (an edited, removed or re-linked record).")
    @ApiResponse(responseCode = "200", description = "The verification result")
    Provenance.Verification verify(@PathVariable @Pattern(regexp = InventoryController.CODE) String batchId) {
        return provenance.verify(batchId);
    }
}
