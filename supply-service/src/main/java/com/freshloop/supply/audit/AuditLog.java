package com.freshloop.supply.audit;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Records who changed what; joins the caller's transaction so an audited write and its record commit together. */
@Repository
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String target, Map<String, ?> detail) {
        jdbc.sql("""
                        insert into audit_log (actor, action, target, detail)
                        values (:actor, :action, :target, cast(:detail as jsonb))
                        """)
                .param("actor", actor)
                .param("action", action)
                .param("target", target)
                .param("detail", JSON.writeValueAsString(detail))
                .update();
    }
}
