package com.freshloop.marketing.coupons;

import static com.freshloop.marketing.coupons.TemplateRequests.TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketingIntegrationTest
class CouponTemplatesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String operator;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        operator = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void operatorCreatesATemplateThatCanBeReadBackAndIsAudited() {
        var created = api.post(TEMPLATES, TestTokens.operator(operator), """
                {"name": "free scallion", "kind": "free_gift", "threshold": 30, "giftSku": "scallion-100g",
                 "validDays": 7, "totalStock": 500, "perUserLimit": 1}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("kind").asString()).isEqualTo("free_gift");
        assertThat(created.json().get("issued").asInt()).isZero();
        assertThat(created.json().get("createdBy").asString()).isEqualTo(operator);

        var read = api.get(TEMPLATES + "/" + id, TestTokens.operator(operator));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("giftSku").asString()).isEqualTo("scallion-100g");
        assertThat(read.json().get("threshold").decimalValue()).isEqualByComparingTo("30");
        assertThat(api.get(TEMPLATES, TestTokens.operator(operator)).body()).contains(id);

        Map<String, Object> audit = jdbc.sql(
                        "select actor, action, detail::text as detail from audit_log where target = :target")
                .param("target", "coupon_template:" + id)
                .query()
                .singleRow();
        assertThat(audit.get("actor")).isEqualTo(operator);
        assertThat(audit.get("action")).isEqualTo("coupon_template.create");
        assertThat((String) audit.get("detail")).contains("scallion-100g");
    }

    @Test
    void createdTemplateHasALocationThatResolves() throws Exception {
        // ApiClient does not expose headers, so this one request goes through the JDK client
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + TEMPLATES))
                                .header("Authorization", "Bearer " + TestTokens.operator(operator))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(TemplateRequests.spendSave(10, 1)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).startsWith(TEMPLATES + "/");
        var read = api.get(location.getPath(), TestTokens.operator(operator));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("kind").asString()).isEqualTo("spend_save");
    }

    @Test
    void kindSpecificRuleViolationsAreUnprocessable() {
        for (String body : new String[] {"""
            {"name": "bad", "kind": "spend_save", "threshold": 20, "value": 20, "validDays": 7, "totalStock": 5, "perUserLimit": 1}""", """
            {"name": "bad", "kind": "percentage", "value": 95, "validDays": 7, "totalStock": 5, "perUserLimit": 1}""", """
            {"name": "bad", "kind": "free_gift", "validDays": 7, "totalStock": 5, "perUserLimit": 1}""", """
            {"name": "bad", "kind": "no_threshold", "value": 5, "giftSku": "garlic", "validDays": 7, "totalStock": 5, "perUserLimit": 1}"""}) {
            var response = api.post(TEMPLATES, TestTokens.operator(operator), body);
            assertThat(response.status()).as(body).isEqualTo(422);
            assertThat(response.isProblem()).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from coupon_template where name = 'bad'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badFieldsAreAProblemNamingEachField() {
        assertBadField("""
                {"name": "x", "kind": "no_threshold", "value": 5, "validDays": 0, "totalStock": 5, "perUserLimit": 1}""", "validDays");
        assertBadField("""
                {"name": "x", "kind": "bogus", "value": 5, "validDays": 7, "totalStock": 5, "perUserLimit": 1}""", "kind");
        assertBadField("""
                {"name": "x", "kind": "no_threshold", "value": 5, "validDays": 7, "totalStock": 0, "perUserLimit": 1}""", "totalStock");
        assertBadField("""
                {"name": "x", "kind": "no_threshold", "value": 5, "validDays": 7, "totalStock": 5, "perUserLimit": 0}""", "perUserLimit");
        assertBadField("""
                {"kind": "no_threshold", "value": 5, "validDays": 7, "totalStock": 5, "perUserLimit": 1}""", "name");
        assertBadField("""
                {"name": "x", "kind": "no_threshold", "value": -5, "validDays": 7, "totalStock": 5, "perUserLimit": 1}""", "value");

        var malformed = api.post(TEMPLATES, TestTokens.operator(operator), "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();

        var badId = api.get(TEMPLATES + "/not-a-uuid", TestTokens.operator(operator));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void unknownTemplateIsNotFound() {
        var response = api.get(TEMPLATES + "/" + UUID.randomUUID(), TestTokens.operator(operator));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void templatesNeedATokenWithTheOperatorRole() {
        String body = TemplateRequests.spendSave(5, 1);
        assertThat(api.post(TEMPLATES, null, body).status()).isEqualTo(401);
        assertThat(api.get(TEMPLATES, null).status()).isEqualTo(401);
        var forbidden = api.post(TEMPLATES, TestTokens.shopper("u-1"), body);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(api.get(TEMPLATES, TestTokens.shopper("u-1")).status()).isEqualTo(403);
    }

    @Test
    void apiIsDocumentedWithoutAToken() {
        var docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has(TEMPLATES + "/{id}/issues")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/marketing/me/coupons")).isTrue();
        tools.jackson.databind.JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/admin/v1/marketing/group-buys"))
                .as("/admin/v1/marketing/group-buys")
                .isTrue();
        assertThat(paths.has("/admin/v1/marketing/group-buys/{id}"))
                .as("/admin/v1/marketing/group-buys/{id}")
                .isTrue();
        assertThat(paths.has("/api/v1/marketing/me/group-buys/{offerId}/teams"))
                .as("/api/v1/marketing/me/group-buys/{offerId}/teams")
                .isTrue();
        assertThat(paths.has("/api/v1/marketing/me/group-buy-teams/{teamId}/members"))
                .as("/api/v1/marketing/me/group-buy-teams/{teamId}/members")
                .isTrue();
        assertThat(paths.has("/api/v1/marketing/me/group-buy-teams"))
                .as("/api/v1/marketing/me/group-buy-teams")
                .isTrue();
        assertThat(paths.has("/api/v1/marketing/me/referral-code"))
                .as("/api/v1/marketing/me/referral-code")
                .isTrue();
        assertThat(paths.has("/api/v1/marketing/me/referrals"))
                .as("/api/v1/marketing/me/referrals")
                .isTrue();
        assertThat(paths.has("/admin/v1/marketing/strategy/adjustments"))
                .as("/admin/v1/marketing/strategy/adjustments")
                .isTrue();
        assertThat(docs.body()).contains("budget");
    }

    private void assertBadField(String body, String field) {
        var response = api.post(TEMPLATES, TestTokens.operator(operator), body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        List<String> fields = new ArrayList<>();
        response.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(response.body()).contains(field);
    }
}
