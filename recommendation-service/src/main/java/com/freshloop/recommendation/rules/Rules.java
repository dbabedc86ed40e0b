package com.freshloop.recommendation.rules;

import com.freshloop.recommendation.audit.AuditLog;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.starter.web.UnprocessableException;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The scenario rules: operator CRUD (audited) and the in-memory snapshot serving matches against, so
 * that serving never queries the database for rules. Another instance's change is seen within the
 * refresh interval; this instance's at once.
 */
@Service
public class Rules {

    static final Set<String> KINDS = Set.of(ScenarioRule.TIME_OF_DAY, ScenarioRule.WEATHER, ScenarioRule.LIFECYCLE);
    static final Set<String> CONTEXTS = Set.of("home", "cart", "any");
    static final Set<String> LIFECYCLES = Set.of("new", "regular");

    private final RuleRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private volatile List<ScenarioRule> snapshot = List.of();

    Rules(RuleRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ScenarioRule create(RuleDraft draft, String actor) {
        check(draft);
        long id = repository.insert(draft, clock.instant());
        ScenarioRule rule = repository.find(id).orElseThrow();
        audit.record(actor, "rule.created", "rule:" + id, describe(rule));
        refreshAfterCommit();
        return rule;
    }

    @Transactional
    public ScenarioRule update(long id, RuleDraft draft, String actor) {
        check(draft);
        if (!repository.update(id, draft, clock.instant())) {
            throw new NotFoundException("no rule " + id);
        }
        ScenarioRule rule = repository.find(id).orElseThrow();
        audit.record(actor, "rule.updated", "rule:" + id, describe(rule));
        refreshAfterCommit();
        return rule;
    }

    @Transactional
    public void delete(long id, String actor) {
        ScenarioRule rule = repository.find(id).orElseThrow(() -> new NotFoundException("no rule " + id));
        repository.delete(id);
        audit.record(actor, "rule.deleted", "rule:" + id, describe(rule));
        refreshAfterCommit();
    }

    @Transactional(readOnly = true)
    public ScenarioRule get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("no rule " + id));
    }

    @Transactional(readOnly = true)
    public List<ScenarioRule> all() {
        return repository.all();
    }

    /** The enabled rules matching a situation, highest priority first (from the in-memory snapshot). */
    public List<ScenarioRule> matching(Situation situation) {
        return snapshot.stream().filter(rule -> rule.matches(situation)).toList();
    }

    /** Whether any enabled rule looks at the weather (serving skips the weather lookup otherwise). */
    public boolean anyWeatherRule() {
        return snapshot.stream().anyMatch(rule -> rule.enabled() && ScenarioRule.WEATHER.equals(rule.kind()));
    }

    @Scheduled(
            fixedDelayString = "${freshloop.recommendation.rules.refresh:PT15S}",
            initialDelayString = "${freshloop.recommendation.rules.refresh:PT15S}")
    public void refresh() {
        snapshot = List.copyOf(repository.all());
    }

    private void refreshAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refresh();
            }
        });
    }

    @PostConstruct
    void load() {
        refresh();
    }

    static void check(RuleDraft draft) {
        if (!KINDS.contains(draft.kind())) {
            throw new UnprocessableException("kind must be one of time_of_day, weather, lifecycle");
        }
        if (draft.context() != null && !CONTEXTS.contains(draft.context())) {
            throw new UnprocessableException("context must be home, cart or any");
        }
        boolean hasSkus = draft.skus() != null && !draft.skus().isEmpty();
        switch (draft.kind()) {
            case ScenarioRule.TIME_OF_DAY -> {
                if (draft.startHour() == null || draft.endHour() == null) {
                    throw new UnprocessableException("a time_of_day rule needs startHour and endHour");
                }
                if (draft.startHour() < 0 || draft.startHour() > 23 || draft.endHour() < 1 || draft.endHour() > 24) {
                    throw new UnprocessableException("startHour must be 0-23 and endHour 1-24");
                }
                if (draft.startHour().equals(draft.endHour() % 24)) {
                    throw new UnprocessableException("startHour and endHour must differ");
                }
            }
            case ScenarioRule.WEATHER -> {
                if (draft.weather() == null || draft.weather().isBlank()) {
                    throw new UnprocessableException("a weather rule needs weather (hot, cold or a condition)");
                }
            }
            default -> {
                if (draft.lifecycle() == null || !LIFECYCLES.contains(draft.lifecycle())) {
                    throw new UnprocessableException("a lifecycle rule needs lifecycle new or regular");
                }
            }
        }
        boolean reminder = ScenarioRule.LIFECYCLE.equals(draft.kind()) && "regular".equals(draft.lifecycle());
        if (!hasSkus && !reminder) {
            throw new UnprocessableException("skus must not be empty (only a regular rule may leave them out)");
        }
    }

    private static Map<String, Object> describe(ScenarioRule rule) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", rule.name());
        detail.put("kind", rule.kind());
        detail.put("startHour", rule.startHour());
        detail.put("endHour", rule.endHour());
        detail.put("weather", rule.weather());
        detail.put("lifecycle", rule.lifecycle());
        detail.put("context", rule.context());
        detail.put("skus", rule.skus());
        detail.put("reason", rule.reason());
        detail.put("priority", rule.priority());
        detail.put("enabled", rule.enabled());
        return detail;
    }
}
