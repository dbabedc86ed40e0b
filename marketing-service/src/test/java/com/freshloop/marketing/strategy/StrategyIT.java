package com.freshloop.marketing.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.metrics.v1.MetricAlertRaised;
import com.freshloop.events.profile.v1.LifecycleStageChanged;
import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.marketing.winback.ControlGroup;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketingIntegrationTest
class StrategyIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRepurchaseRateDropWidensTheWinbackAudienceOnceAndSaysWhy() {
        String rule = "rule-" + UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.publish(EventEnvelope.of(
                    "metrics-service",
                    rule,
                    Instant.now(),
                    new MetricAlertRaised(rule, "repurchase_rate_30d", 0.19, 0.21, -0.0952)));
            kafka.publish(EventEnvelope.of(
                    "metrics-service",
                    rule,
                    Instant.now(),
                    new MetricAlertRaised(rule, "repurchase_rate_30d", 0.18, 0.21, -0.1428)));
            await().atMost(Duration.ofSeconds(30)).until(() -> adjustmentsFor(rule) == 2);
            assertThat(jdbc.sql("select count(*) from winback_extra_stage where stage = 'at_risk'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);

            var adjustments =
                    ApiClient.local(port).get("/admin/v1/marketing/strategy/adjustments", TestTokens.operator("ops"));
            assertThat(adjustments.status()).isEqualTo(200);
            assertThat(adjustments.body()).contains("widen_winback_audience").contains("repurchase_rate_30d fell");

            // An at_risk shopper now enters the win-back campaign.
            String user;
            do {
                user = "risk-" + UUID.randomUUID();
            } while (ControlGroup.isControl("winback-silent", user, 0.10));
            String atRisk = user;
            kafka.publish(EventEnvelope.of(
                    "profile-service",
                    atRisk,
                    Instant.now(),
                    new LifecycleStageChanged("active", "at_risk", Instant.now().minus(Duration.ofDays(20)))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("select count(*) from coupon where user_id = :u")
                                    .param("u", atRisk)
                                    .query(Integer.class)
                                    .single()
                            == 2);
        }
    }

    private int adjustmentsFor(String rule) {
        return jdbc.sql("select count(*) from strategy_adjustment where rule_id = :r")
                .param("r", rule)
                .query(Integer.class)
                .single();
    }
}
