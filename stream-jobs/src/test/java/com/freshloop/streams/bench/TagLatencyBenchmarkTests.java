package com.freshloop.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TagLatencyBenchmarkTests {

    @Test
    void sendsBatchesTheCollectorAccepts() {
        JsonNode batch = EventCodec.json().mapper().readTree(TagLatencyBenchmark.batch("bench-u1", 500));

        assertThat(batch.get("events")).hasSize(500);
        for (JsonNode event : batch.get("events")) {
            // What the collector adds before validating: the caller as subject, the app as source.
            ObjectNode owned = ((ObjectNode) event).deepCopy();
            owned.put("subject", "bench-u1");
            owned.put("source", "app");
            assertThat(EventCodec.json().validate(owned, "").violations())
                    .as(event.toString())
                    .isEmpty();
        }
    }

    @Test
    void signsShopperTokensWithTheSharedSecret() throws Exception {
        var options = TagLatencyBenchmark.Options.fromArgs();
        String token = new TagLatencyBenchmark(options, "00ff").token("bench-u1");

        String[] parts = token.split("\\.");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("00ff".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8)));
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);

        assertThat(parts[2]).isEqualTo(expected);
        assertThat(claims).contains("\"sub\":\"bench-u1\"", "\"roles\":[\"shopper\"]", "\"iss\":\"freshloop-local\"");
        assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(options.rate()).isEqualTo(2_000);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
    }
}
