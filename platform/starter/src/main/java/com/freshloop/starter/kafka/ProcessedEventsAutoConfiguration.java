package com.freshloop.starter.kafka;

import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The platform's own tables (processed events) in every service that has a database. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnClass(JdbcTemplate.class)
public class ProcessedEventsAutoConfiguration {

    static final String PLATFORM_MIGRATIONS = "classpath:db/platform";

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayConfigurationCustomizer.class)
    static class PlatformMigrations {

        @Bean
        FlywayConfigurationCustomizer platformMigrationsLocation() {
            return configuration -> {
                Location[] existing = configuration.getLocations();
                Location[] all = java.util.Arrays.copyOf(existing, existing.length + 1);
                all[existing.length] = new Location(PLATFORM_MIGRATIONS);
                configuration.locations(all);
            };
        }
    }
}
