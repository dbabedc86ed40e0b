package com.freshloop.recommendation.web;

import com.freshloop.recommendation.rules.Rules;
import com.freshloop.recommendation.rules.ScenarioRule;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/admin/v1/recommendations/rules")
@Tag(name = "scenario rules")
class RulesController {

    private final Rules rules;

    RulesController(Rules rules) {
        this.rules = rules;
    }

    @PostMapping
    @Operation(
            summary = "Create a scenario rule",
            description = "Kind-specific rules (a time window for time_of_day, a weather for weather, new or regular"
                    + " for lifecycle, items unless a regular repurchase reminder) are checked with 422. Audited.")
    ResponseEntity<ScenarioRule> create(@Valid @RequestBody RuleRequest request) {
        ScenarioRule rule = rules.create(request.draft(), CurrentUser.name());
        return ResponseEntity.created(URI.create("/admin/v1/recommendations/rules/" + rule.id()))
                .body(rule);
    }

    @GetMapping
    @Operation(summary = "All scenario rules, highest priority first")
    List<ScenarioRule> all() {
        return rules.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One scenario rule")
    ScenarioRule get(@PathVariable long id) {
        return rules.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a scenario rule (audited)")
    ScenarioRule update(@PathVariable long id, @Valid @RequestBody RuleRequest request) {
        return rules.update(id, request.draft(), CurrentUser.name());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a scenario rule (audited)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        rules.delete(id, CurrentUser.name());
        return ResponseEntity.noContent().build();
    }
}
