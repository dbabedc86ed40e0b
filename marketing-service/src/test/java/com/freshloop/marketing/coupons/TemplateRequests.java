package com.freshloop.marketing.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.testing.ApiClient;
import com.freshloop.testing.TestTokens;
import java.util.UUID;

/** Request bodies and steps the coupon ITs share. */
final class TemplateRequests {

    static final String TEMPLATES = "/admin/v1/marketing/coupon-templates";

    private TemplateRequests() {}

    static String spendSave(int totalStock, int perUserLimit) {
        return """
                {"name": "spend 50 save 20", "kind": "spend_save", "threshold": 50, "value": 20,
                 "validDays": 14, "totalStock": %d, "perUserLimit": %d}
                """.formatted(totalStock, perUserLimit);
    }

    static String issue(String userId, String requestId) {
        return """
                {"userId": "%s", "requestId": "%s"}
                """.formatted(userId, requestId);
    }

    static UUID createTemplate(ApiClient api, String body) {
        var response = api.post(TEMPLATES, TestTokens.operator("ops"), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    static String issuesOf(UUID templateId) {
        return TEMPLATES + "/" + templateId + "/issues";
    }
}
