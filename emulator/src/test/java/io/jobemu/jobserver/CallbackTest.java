package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.jobemu.core.http.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallbackTest extends JobserverTest {

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(Json.MAPPER.readTree(exchange.getRequestBody()));
            int status = failuresToAnswer.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aFinishedJobPostsItsResult() throws Exception {
        String id = startJob(WORD_COUNT, "&callbackUrl=" + hook(), "input.string = a a");

        advance(Duration.ofMillis(500));

        JsonNode body = received.poll(10, TimeUnit.SECONDS);
        assertThat(body).isNotNull();
        assertThat(body.toString()).isEqualTo("{\"jobId\":\"" + id + "\",\"result\":{\"a\":2}}");
    }

    @Test
    void aFailedJobPostsItsErrorAndAKilledOneNothing() throws Exception {
        String failed = startJob(ERROR_JOB, "&callbackUrl=" + hook(), "");
        String killed = startJob(LONG_PI, "&callbackUrl=" + hook(), "");
        jobserver.delete("/jobs/" + killed);

        advance(Duration.ofSeconds(10));

        JsonNode body = received.poll(10, TimeUnit.SECONDS);
        assertThat(keys(body)).containsExactly("jobId", "status", "result");
        assertThat(body.path("jobId").asText()).isEqualTo(failed);
        assertThat(body.path("result").path("message").asText()).isEqualTo("Foobar");
        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aRefusedCallbackIsRetriedTenSecondsLater() throws Exception {
        failuresToAnswer.set(1);
        startJob("spark.jobserver.NoOpJob", "&callbackUrl=" + hook(), "");
        advance(Duration.ZERO);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        awaitTrue(() -> emulator.clock().pendingEvents() == 1);

        advance(Duration.ofSeconds(10));

        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }
}
