package com.freshloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** docker/healthcheck.sh, the images' curl-less healthcheck, against a real HTTP server. */
class HealthcheckScriptTests {

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        answer("/actuator/health/readiness", 200, "{\"status\":\"UP\"}");
        answer("/down", 503, "{\"status\":\"OUT_OF_SERVICE\"}");
        answer("/starting", 200, "{\"status\":\"UNKNOWN\"}");
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void succeedsOnAnUpAnswer() throws Exception {
        assertThat(run(port(), "/actuator/health/readiness", "UP")).isZero();
    }

    @Test
    void failsOnAnErrorStatus() throws Exception {
        assertThat(run(port(), "/down", "")).isNotZero();
    }

    @Test
    void failsWhenTheBodyLacksTheExpectedText() throws Exception {
        assertThat(run(port(), "/starting", "UP")).isNotZero();
    }

    @Test
    void failsWhenNothingListens() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(run(closed, "/", "")).isNotZero();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private void answer(String path, int status, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    private static int run(int port, String path, String expect) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "bash",
                Fixtures.repository().docker().resolve("healthcheck.sh").toString(),
                String.valueOf(port),
                path));
        if (!expect.isEmpty()) {
            command.add(expect);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(process.waitFor(20, TimeUnit.SECONDS))
                .as("healthcheck.sh finished")
                .isTrue();
        return process.exitValue();
    }
}
