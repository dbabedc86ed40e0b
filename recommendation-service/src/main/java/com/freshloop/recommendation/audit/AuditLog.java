package com.freshloop.recommendation.audit;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Who changed what and when; written in the transaction of the change so neither exists without the other. */
@Service
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String target, Map<String, ?> detail) {
        jdbc.sql("insert into audit_log (actor, action, target, detail)"
                        + " values (:actor, :action, :target, cast(:detail as jsonb))")
                .param("actor", actor)
                .param("action", action)
                .param("target", target)
                .param("detail", JSON.writeValueAsString(detail))
                .update();
    }
}
