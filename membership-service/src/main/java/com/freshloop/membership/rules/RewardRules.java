package com.freshloop.membership.rules;

import com.freshloop.membership.MembershipProperties;
import com.freshloop.membership.audit.AuditLog;
import com.freshloop.starter.web.NotFoundException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reward amounts and caps by name: the configured default unless an operator has overridden it. */
@Component
public class RewardRules {

    private final Map<String, Long> defaults;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    RewardRules(MembershipProperties properties, JdbcClient jdbc, AuditLog audit) {
        this.defaults = Map.copyOf(properties.rewards());
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The value of a rule; an unknown name is a programming error, not an input error. */
    public long get(String name) {
        Long fallback = defaults.get(name);
        if (fallback == null) {
            throw new IllegalStateException("no reward rule '" + name + "' in membership.rewards");
        }
        return jdbc.sql("select value from reward_rule where name = :name")
                .param("name", name)
                .query(Long.class)
                .optional()
                .orElse(fallback);
    }

    @Transactional(readOnly = true)
    public Map<String, Long> all() {
        Map<String, Long> rules = new TreeMap<>(defaults);
        jdbc
                .sql("select name, value from reward_rule")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .filter(e -> defaults.containsKey(e.getKey()))
                .forEach(e -> rules.put(e.getKey(), e.getValue()));
        return rules;
    }

    @Transactional
    public void set(String name, long value, String actor) {
        if (!defaults.containsKey(name)) {
            throw new NotFoundException("No reward rule named " + name + ".");
        }
        long before = get(name);
        jdbc.sql("""
                        insert into reward_rule (name, value) values (:name, :value)
                        on conflict (name) do update set value = excluded.value, updated_at = now()
                        """).param("name", name).param("value", value).update();
        audit.record(actor, "reward-rule.set", "reward-rule:" + name, Map.of("from", before, "to", value));
    }
}
