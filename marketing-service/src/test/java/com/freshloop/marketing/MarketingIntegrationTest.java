package com.freshloop.marketing;

import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.PostgresInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Every IT of the module uses this one configuration, so the JVM holds a single application context: two
 * contexts would share the consumer groups on the one in-JVM broker, each seeing only some partitions.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class, MarketingIntegrationTest.Time.class})
public @interface MarketingIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Time {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
