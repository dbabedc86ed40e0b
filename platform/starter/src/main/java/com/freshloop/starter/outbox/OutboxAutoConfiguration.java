package com.freshloop.starter.outbox;

import com.freshloop.events.EventEnvelope;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.EventSerializer;

/** Wires the outbox: envelopes are externalized to {@code envelope.topic()}, keyed by subject. */
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
}
