package com.freshloop.supply.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freshloop.outbox.retry-interval=PT1S")
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class})
class ProvenanceIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String batch;
    String operator;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        batch = "b-" + UUID.randomUUID().toString().substring(0, 8);
        operator = TestTokens.operator("qa-" + batch);
    }

    private void append(String kind, String attributes) {
        var response = api.post(
                "/admin/v1/supply/batches/" + batch + "/provenance",
                operator,
                "{\"kind\": \"" + kind + "\", \"attributes\": " + attributes + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private void recordBatch() {
        append("origin", "{\"farm\": \"Green Valley\", \"country\": \"CN\"}");
        append("harvest", "{\"date\": \"2026-11-20\"}");
        append("warehouse", "{\"warehouse\": \"sh-wh-1\"}");
        append("temperature_check", "{\"celsius\": \"3.5\", \"warehouse\": \"sh-wh-1\"}");
    }

    @Test
    void anUntouchedChainVerifies() {
        recordBatch();
        var chain = api.get("/admin/v1/supply/batches/" + batch + "/provenance", operator);
        assertThat(chain.json()).hasSize(4);
        assertThat(chain.json().get(1).get("prevHash").asString())
                .isEqualTo(chain.json().get(0).get("hash").asString());
        var verify = api.get("/admin/v1/supply/batches/" + batch + "/provenance/verify", operator);
        assertThat(verify.json().get("valid").asBoolean()).isTrue();
        assertThat(verify.json().get("records").asInt()).isEqualTo(4);
    }

    @Test
    void tamperingWithARowInTheDatabaseFailsVerificationAtTheFirstBrokenLink() {
        recordBatch();
        // someone with database access "fixes" a temperature excursion... in the harvest record
        int updated = jdbc.sql(
                        "update provenance_record set attributes = 'date=2026-11-22' where batch_id = :b and seq = 2")
                .param("b", batch)
                .update();
        assertThat(updated).isEqualTo(1);

        var verify = api.get("/admin/v1/supply/batches/" + batch + "/provenance/verify", operator)
                .json();
        assertThat(verify.get("valid").asBoolean()).isFalse();
        assertThat(verify.get("firstBrokenSeq").asInt()).isEqualTo(2);
        assertThat(verify.get("reason").asString()).contains("record 2");
    }

    @Test
    void recomputingTheTamperedHashStillBreaksTheNextLink() {
        recordBatch();
        jdbc.sql("update provenance_record set hash = :h where batch_id = :b and seq = 3")
                .param("h", "f".repeat(64))
                .param("b", batch)
                .update();
        var verify = api.get("/admin/v1/supply/batches/" + batch + "/provenance/verify", operator)
                .json();
        assertThat(verify.get("valid").asBoolean()).isFalse();
        assertThat(verify.get("firstBrokenSeq").asInt()).isEqualTo(3);
    }

    @Test
    void deletingARecordIsDetected() {
        recordBatch();
        jdbc.sql("delete from provenance_record where batch_id = :b and seq = 2")
                .param("b", batch)
                .update();
        var verify = api.get("/admin/v1/supply/batches/" + batch + "/provenance/verify", operator)
                .json();
        assertThat(verify.get("valid").asBoolean()).isFalse();
        assertThat(verify.get("firstBrokenSeq").asInt()).isEqualTo(2);
    }

    @Test
    void badInputAndMissingRolesAreRejected() {
        var bad = api.post(
                "/admin/v1/supply/batches/" + batch + "/provenance",
                operator,
                "{\"kind\": \"gossip\", \"attributes\": {}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).contains("kind", "attributes");
        assertThat(api.get("/admin/v1/supply/batches/" + batch + "/provenance/verify", TestTokens.shopper("u-1"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/admin/v1/supply/batches/" + batch + "/provenance/verify", null)
                        .status())
                .isEqualTo(401);
    }
}
