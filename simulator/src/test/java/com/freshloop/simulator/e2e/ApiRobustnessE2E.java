package com.freshloop.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.testing.ApiClient;
import com.freshloop.testing.LocalServers;
import com.freshloop.testing.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint every service documents in its OpenAPI document, read through the gateway, is
 * called as nobody, as a shopper, as another shopper and as an operator (the authorisation matrix),
 * and then with malformed, oversized, wrongly typed and boundary inputs (the fuzz). Expected: no
 * 5xx anywhere, every rejection a problem detail, and shopper APIs never take a user id.
 */
class ApiRobustnessE2E {

    static final String GATEWAY = LocalServers.get("FRESHLOOP_GATEWAY_URL", "http://localhost:8080");
    static final List<String> SERVICES = List.of(
            "gateway-service",
            "profile-service",
            "recommendation-service",
            "marketing-service",
            "supply-service",
            "membership-service",
            "metrics-service");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One documented operation. */
    record Operation(String service, String method, String path, JsonNode spec, JsonNode document) {
        boolean admin() {
            return path.startsWith("/admin/");
        }

        boolean hasBody() {
            return spec.has("requestBody");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Operation> operations = new ArrayList<>();
    static String shopper;
    static String otherShopper;
    static String operator;
    final ApiClient gateway = new ApiClient(GATEWAY);

    @BeforeAll
    static void readDocuments() {
        String secret = LocalServers.require("FRESHLOOP_JWT_SECRET");
        shopper = TestTokens.sign("fuzz-" + UUID.randomUUID(), "shopper", secret, Duration.ofHours(1));
        otherShopper = TestTokens.sign("fuzz-other-" + UUID.randomUUID(), "shopper", secret, Duration.ofHours(1));
        operator = TestTokens.sign("fuzz-operator", "operator", secret, Duration.ofHours(1));
        ApiClient client = new ApiClient(GATEWAY);
        for (String service : SERVICES) {
            var response =
                    client.get(service.equals("gateway-service") ? "/v3/api-docs" : "/v3/api-docs/" + service, null);
            assertThat(response.status()).as(service + " OpenAPI document").isEqualTo(200);
            JsonNode document = response.json();
            for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    operations.add(
                            new Operation(service, op.getKey().toUpperCase(), path.getKey(), op.getValue(), document));
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(15);
    }

    @Test
    void authorisationMatrixHoldsForEveryDocumentedEndpoint() {
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Operation op : operations) {
            String url = concretePath(op, "x1");
            String body = op.hasBody() ? "{}" : null;
            var anonymous = call(op.method(), url, null, body);
            cases++;
            if (anonymous.status() != 401) {
                failures.add(op + " without a token: " + anonymous.status());
            }
            var asShopper = call(op.method(), url, shopper, body);
            cases++;
            if (op.admin() && asShopper.status() != 403) {
                failures.add(op + " as a shopper: " + asShopper.status() + " (expected 403)");
            }
            if (!op.admin() && (asShopper.status() == 401 || asShopper.status() == 403 || asShopper.status() >= 500)) {
                failures.add(op + " as a shopper: " + asShopper.status());
            }
            if (op.admin()) {
                var asOperator = call(op.method(), url, operator, body);
                cases++;
                if (asOperator.status() == 401 || asOperator.status() == 403 || asOperator.status() >= 500) {
                    failures.add(op + " as an operator: " + asOperator.status() + " " + asOperator.body());
                }
            } else {
                // shopper A on B's data: shopper paths never name a user, so B's token only reaches B
                cases++;
                if (op.path().contains("{userId}") || parameterNames(op).contains("userId")) {
                    failures.add(op + " lets a shopper name a user id");
                }
                var asOther = call(op.method(), url, otherShopper, body);
                if (asOther.status() == 200
                        && asShopper.status() == 200
                        && op.method().equals("GET")) {
                    JsonNode mine = tryJson(asShopper.body());
                    JsonNode theirs = tryJson(asOther.body());
                    if (mine != null && mine.has("userId") && mine.get("userId").equals(theirs.get("userId"))) {
                        failures.add(op + " shows the same user to two shoppers");
                    }
                }
            }
        }
        System.out.printf("authorisation matrix: %d endpoints x roles = %d cases%n", operations.size(), cases);
        assertThat(failures).isEmpty();
    }

    @Test
    void malformedOversizedWronglyTypedAndBoundaryInputsNeverCauseA5xx() {
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Operation op : operations) {
            String token = op.admin() ? operator : shopper;
            List<String[]> inputs = new ArrayList<>(); // {path, body}
            for (String weird :
                    List.of("%00", "..%2F..%2Fetc", "a".repeat(5_000), "-1", "99999999999999999999", "'\"<>{}")) {
                inputs.add(new String[] {concretePath(op, weird), op.hasBody() ? "{}" : null});
            }
            for (String param : queryParameterNames(op)) {
                for (String weird : List.of(
                        "abc", "-1", "0", "1e309", "99999999999999999999", "", "x".repeat(5_000), "2026-13-45")) {
                    inputs.add(new String[] {
                        concretePath(op, "x1") + "?" + param + "=" + URLEncoder.encode(weird, StandardCharsets.UTF_8),
                        op.hasBody() ? "{}" : null
                    });
                }
            }
            if (op.hasBody()) {
                for (String body : List.of(
                        "",
                        "not json",
                        "[]",
                        "null",
                        "{\"a\":",
                        "{\"events\":\"x\",\"points\":\"many\",\"onHand\":-5,\"name\":" + "1".repeat(400) + "}",
                        "{\"name\":\"" + "x".repeat(100_000) + "\"}",
                        "[".repeat(2_000) + "]".repeat(2_000),
                        wronglyTyped(op))) {
                    inputs.add(new String[] {concretePath(op, "x1"), body});
                }
            }
            for (String[] input : inputs) {
                cases++;
                var response = call(op.method(), input[0], token, input[1]);
                if (response.status() >= 500) {
                    failures.add(op + " " + abbreviate(input[0]) + " body " + abbreviate(input[1]) + " -> "
                            + response.status() + " " + abbreviate(response.body()));
                } else if (response.status() >= 400 && response.status() != 404 && !response.isProblem()) {
                    failures.add(op + " " + abbreviate(input[0]) + " -> " + response.status()
                            + " without a problem detail: " + response.contentType());
                }
            }
        }
        System.out.printf("fuzz: %d endpoints, %d cases%n", operations.size(), cases);
        assertThat(failures).isEmpty();
    }

    private ApiClient.Response call(String method, String url, String token, String body) {
        return switch (method) {
            case "GET" -> gateway.get(url, token);
            case "POST" -> gateway.post(url, token, body == null ? "" : body);
            case "PUT" -> gateway.put(url, token, body == null ? "" : body);
            case "DELETE" -> gateway.delete(url, token);
            default -> gateway.get(url, token);
        };
    }

    /** The operation's path with every template variable replaced by {@code value} (URL-encoded). */
    static String concretePath(Operation op, String value) {
        String encoded = value.startsWith("%") || value.contains("%2F")
                ? value
                : URLEncoder.encode(value, StandardCharsets.UTF_8);
        return op.path().replaceAll("\\{[^}]+}", encoded.replace("$", "\\$"));
    }

    static List<String> parameterNames(Operation op) {
        List<String> names = new ArrayList<>();
        JsonNode parameters = op.spec().get("parameters");
        if (parameters != null) {
            for (JsonNode p : parameters) {
                names.add(p.get("name").asString());
            }
        }
        return names;
    }

    static List<String> queryParameterNames(Operation op) {
        List<String> names = new ArrayList<>();
        JsonNode parameters = op.spec().get("parameters");
        if (parameters != null) {
            for (JsonNode p : parameters) {
                if ("query".equals(p.path("in").asString())) {
                    names.add(p.get("name").asString());
                }
            }
        }
        return names;
    }

    /** A body whose every documented property has the wrong JSON type. */
    static String wronglyTyped(Operation op) {
        JsonNode schema = op.spec()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            schema = op.document().path("components").path("schemas").path(name);
        }
        StringBuilder body = new StringBuilder("{");
        Iterator<Map.Entry<String, JsonNode>> properties =
                schema.path("properties").properties().iterator();
        boolean first = true;
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String type = property.getValue().path("type").asString("");
            String wrong = switch (type) {
                case "string" -> "12345";
                case "integer", "number" -> "\"not a number\"";
                case "boolean" -> "\"maybe\"";
                case "array" -> "{\"not\":\"an array\"}";
                default -> "[1,2,3]";
            };
            body.append(first ? "" : ",")
                    .append('"')
                    .append(property.getKey())
                    .append("\":")
                    .append(wrong);
            first = false;
        }
        return body.append('}').toString();
    }

    private static JsonNode tryJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "-";
        }
        return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
    }
}
