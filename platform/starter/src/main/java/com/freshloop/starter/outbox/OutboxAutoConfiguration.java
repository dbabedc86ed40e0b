package com.freshloop.starter.outbox;

import com.freshloop.events.EventEnvelope;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Wires the outbox: envelopes are externalized to {@code envelope.topic()}, keyed by subject, and
 * failed sends are retried every {@code freshloop.outbox.retry-interval} (default 30 s).
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.modulith.events.jackson.JacksonEventSerializationConfiguration",
            "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration"
        })
@ConditionalOnClass({EventExternalizationConfiguration.class, EventSerializer.class})
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventOutbox eventOutbox(ApplicationEventPublisher publisher) {
        return new EventOutbox(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    EventSerializer envelopeEventSerializer() {
        return new EnvelopeEventSerializer();
    }

    @Bean
    @ConditionalOnMissingBean
    EventExternalizationConfiguration envelopeExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof EventEnvelope<?>)
                .route(
                        EventEnvelope.class,
                        event -> RoutingTarget.forTarget(event.topic())
                                .andKey(event.subject() == null ? event.id().toString() : event.subject()))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRetry outboxRetry(
            ObjectProvider<FailedEventPublications> failed,
            @Value("${freshloop.outbox.retry-interval:PT30S}") Duration interval) {
        return new OutboxRetry(failed, interval);
    }
}
