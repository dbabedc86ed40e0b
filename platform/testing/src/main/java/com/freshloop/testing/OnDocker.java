package com.freshloop.testing;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when a Docker engine is reachable: infrastructure comes from Testcontainers. */
class OnDocker implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Docker.available();
    }

    /** Matches when there is no Docker engine: infrastructure is the locally started servers. */
    static class Not implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !Docker.available();
        }
    }
}
