package com.freshloop.metrics.audit.web;

import com.freshloop.metrics.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit (operators)", description = "What operators changed in metrics-service")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/v1/metrics/audit")
    @Operation(summary = "The latest audit entries, newest first")
    List<AuditLog.Entry> entries(
            @Parameter(description = "only entries about this target, e.g. a rule id")
                    @RequestParam(required = false)
                    @Nullable
                    @Size(max = 200)
                    String target,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return audit.latest(target == null || target.isBlank() ? null : target, limit);
    }
}
