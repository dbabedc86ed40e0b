package com.freshloop.marketing.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.marketing.MovableClock;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.TestTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketingIntegrationTest
class ExpiryRemindersIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    ExpiryReminders reminders;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void aCouponCloseToExpiryGetsOneReminderAtTheDefaultHour() {
        ApiClient api = ApiClient.local(port);
        String user = "exp-" + UUID.randomUUID();
        var template = api.post("/admin/v1/marketing/coupon-templates", TestTokens.operator("ops"), """
                {"name": "3 day coupon", "kind": "no_threshold", "value": 5, "validDays": 3,
                 "totalStock": 10, "perUserLimit": 1}
                """);
        String templateId = template.json().get("id").asString();
        // 10:00 in Shanghai on the day the coupon is issued
        clock.set(Instant.parse("2026-03-02T02:00:00Z"));
        var coupon = api.post(
                "/admin/v1/marketing/coupon-templates/" + templateId + "/issues",
                TestTokens.operator("ops"),
                "{\"userId\": \"%s\", \"requestId\": \"r-%s\"}".formatted(user, UUID.randomUUID()));
        assertThat(coupon.status()).as(coupon.body()).isEqualTo(201);

        reminders.scheduleReminders();
        assertThat(remindersOf(user)).isZero();

        clock.advance(Duration.ofDays(1).plusHours(1)); // expires in 47 hours: within the 2-day lead time
        reminders.scheduleReminders();
        reminders.scheduleReminders();
        assertThat(remindersOf(user)).isEqualTo(1);
        // the next 19:00 in Shanghai (the default active hour) after 11:00 on 3 March
        assertThat(jdbc.sql("select due_at from scheduled_message where user_id = :u")
                        .param("u", user)
                        .query(Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(Instant.parse("2026-03-03T11:00:00Z"));
    }

    private int remindersOf(String user) {
        return jdbc.sql("select count(*) from scheduled_message where user_id = :u and kind = 'coupon_expiry'")
                .param("u", user)
                .query(Integer.class)
                .single();
    }
}
