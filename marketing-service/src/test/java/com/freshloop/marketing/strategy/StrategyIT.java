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
import org.junit.jupiter.api.AfterEach;
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

    static final UUID SPEND_50_SAVE_20 = UUID.fromString("00000000-0000-0000-0000-00000000b050");

    @AfterEach
    void restoreTheWinbackCoupon() {
        // Other ITs of the shared context expect the seeded 20 off and budget.
        jdbc.sql("update coupon_template set value = 20, budget = 2000000 where id = :id")
                .param("id", SPEND_50_SAVE_20)
                .update();
    }

    @Test
    void aRepurchaseRateDropWidensTheWinbackAudienceOnceRaisesTheCouponWithinBudgetAndSaysWhy() {
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
            kafka.publish(EventEnvelope.of(
                    "metrics-service",
                    rule,
                    Instant.now(),
                    new MetricAlertRaised(rule, "repurchase_rate_30d", 0.17, 0.21, -0.1904)));
            // 1st: widen and 20 -> 25; 2nd: 25 -> 30; 3rd: nothing, 30 is the most allowed.
            await().atMost(Duration.ofSeconds(30)).until(() -> adjustmentsFor(rule) == 4);
            assertThat(jdbc.sql("select count(*) from winback_extra_stage where stage = 'at_risk'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(actionsFor(rule))
                    .containsExactly("widen_winback_audience", "raise_coupon_value", "raise_coupon_value", "none");
            assertThat(valueOfTheWinbackCoupon()).isEqualByComparingTo("30");
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'coupon_template.change_value'"
                                    + " and target = :t and actor = :a")
                            .param("t", "coupon_template:" + SPEND_50_SAVE_20)
                            .param("a", "strategy:" + rule)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);

            var adjustments =
                    ApiClient.local(port).get("/admin/v1/marketing/strategy/adjustments", TestTokens.operator("ops"));
            assertThat(adjustments.status()).isEqualTo(200);
            assertThat(adjustments.body())
                    .contains("widen_winback_audience")
                    .contains("repurchase_rate_30d fell")
                    .contains("raise_coupon_value")
                    .contains("now takes 25.00 off instead of 20.00")
                    .contains("the most allowed (30)");

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
            // The coupons issued after the raise carry the raised face value.
            assertThat(jdbc.sql("select face_value from coupon where user_id = :u and template_id = :t")
                            .param("u", atRisk)
                            .param("t", SPEND_50_SAVE_20)
                            .query(java.math.BigDecimal.class)
                            .single())
                    .isEqualByComparingTo("30");

            // Back at 20 with a budget that cannot cover a coupon of 25: nothing is raised, and the reason says why.
            jdbc.sql("update coupon_template set value = 20, budget = budget_used + 22 where id = :id")
                    .param("id", SPEND_50_SAVE_20)
                    .update();
            String tight = "rule-" + UUID.randomUUID();
            kafka.publish(EventEnvelope.of(
                    "metrics-service",
                    tight,
                    Instant.now(),
                    new MetricAlertRaised(tight, "repurchase_rate_30d", 0.17, 0.21, -0.1904)));
            await().atMost(Duration.ofSeconds(30)).until(() -> adjustmentsFor(tight) == 1);
            assertThat(actionsFor(tight)).containsExactly("none");
            assertThat(jdbc.sql("select reason from strategy_adjustment where rule_id = :r")
                            .param("r", tight)
                            .query(String.class)
                            .single())
                    .contains("does not cover a coupon of 25");
            assertThat(valueOfTheWinbackCoupon()).isEqualByComparingTo("20");
        }
    }

    private java.util.List<String> actionsFor(String rule) {
        return jdbc.sql("select action from strategy_adjustment where rule_id = :r order by id")
                .param("r", rule)
                .query(String.class)
                .list();
    }

    private java.math.BigDecimal valueOfTheWinbackCoupon() {
        return jdbc.sql("select value from coupon_template where id = :id")
                .param("id", SPEND_50_SAVE_20)
                .query(java.math.BigDecimal.class)
                .single();
    }

    private int adjustmentsFor(String rule) {
        return jdbc.sql("select count(*) from strategy_adjustment where rule_id = :r")
                .param("r", rule)
                .query(Integer.class)
                .single();
    }
}
