package io.jobemu.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FaultInjectionTest extends EmulatorTest {

    private static final String JOB = "/jobs/" + "0".repeat(32) + "/exceptions";

    @Test
    void aRespondFaultAnswersInsteadOfTheApiForItsNumberOfTimes() {
        HttpResult added = flink.post("/_emulator/faults", """
                {"api":"flink","method":"GET","path":"/jobs/*/exceptions","action":"RESPOND","status":503,
                 "body":{"errors":["injected"]},"times":1}""");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("id").asText()).isEqualTo("fault-1");
        HttpResult first = flink.get(JOB);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("{\"errors\":[\"injected\"]}");
        assertThat(first.header("content-type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(flink.get(JOB).status()).isEqualTo(404);
        assertThat(flink.get("/_emulator/faults").json().path("faults").path(0).path("hits").asInt()).isEqualTo(1);
    }

    @Test
    void faultsOnlyMatchTheirApiMethodAndPath() {
        flink.post("/_emulator/faults", "{\"api\":\"jobserver\",\"path\":\"/**\",\"action\":\"RESPOND\","
                + "\"status\":500}");
        flink.post("/_emulator/faults", "{\"method\":\"POST\",\"path\":\"/jobs/**\",\"action\":\"RESPOND\","
                + "\"status\":500}");

        assertThat(flink.get(JOB).status()).isEqualTo(404);
        assertThat(flink.get("/config").status()).isEqualTo(200);
    }

    @Test
    void aDropFaultClosesTheConnectionWithoutAnAnswerAndIsJournaled() throws IOException {
        flink.post("/_emulator/faults", "{\"path\":\"/config\",\"action\":\"DROP_CONNECTION\",\"times\":1}");

        assertThat(rawGetAnswer("/config")).isEmpty();
        assertThat(flink.get("/config").status()).isEqualTo(200);
        JsonNode journal = flink.get("/_emulator/journal?path=/config").json().path("entries");
        assertThat(journal).hasSize(2);
        assertThat(journal.path(0).path("status").asInt()).isZero();
        assertThat(journal.path(0).path("fault").asText()).isEqualTo("fault-1");
        assertThat(journal.path(1).path("status").asInt()).isEqualTo(200);
    }

    @Test
    void aDelayFaultStillServesTheRequest() {
        flink.post("/_emulator/faults", "{\"path\":\"/config\",\"action\":\"DELAY\",\"latency\":\"PT0.05S\"}");

        HttpResult result = flink.get("/config");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().path("flink-version").asText()).isEqualTo("2.3.0");
    }

    @Test
    void aSeededProbabilityStrikesTheSameRequestsEveryRun() {
        assertThat(strikePattern()).isEqualTo(strikePattern());
        assertThat(strikePattern()).contains(200, 503);
    }

    @Test
    void invalidFaultsAreRefusedWithTheReason() {
        HttpResult noAction = flink.post("/_emulator/faults", "{\"path\":\"/config\"}");
        HttpResult noStatus = flink.post("/_emulator/faults", "{\"action\":\"RESPOND\"}");
        HttpResult badPath = flink.post("/_emulator/faults", "{\"action\":\"RESPOND\",\"status\":500,\"path\":\"x\"}");

        assertThat(noAction.status()).isEqualTo(400);
        assertThat(noAction.json().path("error").asText()).contains("action is required");
        assertThat(noStatus.json().path("error").asText()).contains("RESPOND needs a status");
        assertThat(badPath.json().path("error").asText()).contains("path must start with /");
        assertThat(flink.delete("/_emulator/faults/fault-9").status()).isEqualTo(404);
    }

    @Test
    void aBadGlobIsRefusedWith400NamingIt() {
        HttpResult threeStars = flink.post("/_emulator/faults", "{\"action\":\"DROP_CONNECTION\",\"path\":\"/a/***\"}");
        HttpResult tooLong = flink.post("/_emulator/faults", "{\"action\":\"DROP_CONNECTION\",\"path\":\"/"
                + "a".repeat(600) + "\"}");

        assertThat(threeStars.status()).isEqualTo(400);
        assertThat(threeStars.json().path("error").asText())
                .contains("path glob \"/a/***\" has 3 * in a row: use * within a segment or ** across segments");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("error").asText()).contains("path glob must be at most 512 characters");
        assertThat(flink.get("/_emulator/faults").json().path("faults")).isEmpty();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aGlobThatWouldBacktrackLeavesEveryPortServing() {
        String glob = "/**a**a**a**a**a**a**a**a**a**a**b";
        assertThat(flink.post("/_emulator/faults", "{\"action\":\"RESPOND\",\"status\":503,\"path\":\"" + glob
                + "\"}").status()).isEqualTo(201);
        String longPath = "/" + "a".repeat(4000);

        for (int i = 0; i < 4; i++) {
            assertThat(flink.get(longPath).status()).isEqualTo(404);
        }
        assertThat(flink.get(longPath + "b").status()).isEqualTo(503);
        assertThat(jobserver.get("/_emulator/health").status()).isEqualTo(200);
        assertThat(streamkap.get("/_emulator/health").status()).isEqualTo(200);
    }

    @Test
    void resetAndClearRemoveEveryFault() {
        flink.post("/_emulator/faults", "{\"path\":\"/config\",\"action\":\"RESPOND\",\"status\":500}");
        flink.post("/_emulator/reset", "");
        assertThat(flink.get("/config").status()).isEqualTo(200);

        flink.post("/_emulator/faults", "{\"path\":\"/config\",\"action\":\"RESPOND\",\"status\":500}");
        assertThat(flink.delete("/_emulator/faults").json().path("faults")).isEmpty();
        assertThat(flink.get("/config").status()).isEqualTo(200);
    }

    @Test
    void controlRequestsAreNeverFaulted() {
        flink.post("/_emulator/faults", "{\"path\":\"/**\",\"action\":\"RESPOND\",\"status\":500}");

        assertThat(flink.get("/_emulator/health").status()).isEqualTo(200);
    }

    /** What the server sends back on a plain socket (HTTP clients retry dropped GETs on their own). */
    private String rawGetAnswer(String path) throws IOException {
        URI base = URI.create(flink.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            } catch (SocketException reset) {
                return "";
            }
        }
    }

    private List<Integer> strikePattern() {
        flink.post("/_emulator/reset", "");
        flink.post("/_emulator/faults", "{\"path\":\"/config\",\"action\":\"RESPOND\",\"status\":503,"
                + "\"probability\":0.5,\"seed\":7}");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(flink.get("/config").status());
        }
        return statuses;
    }
}
