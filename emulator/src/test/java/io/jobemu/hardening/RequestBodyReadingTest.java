package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.http.Json;
import io.jobemu.testing.EmulatorTest;
import org.junit.jupiter.api.Test;

/**
 * Small bodies are read without blocking before their handler runs, both for routes answered on the I/O thread
 * ({@code /jobs/...}) and for those a worker answers ({@code /jars/...}): a body that comes late is waited for, and
 * one cut short gets no answer, is journaled with status 0 and changes nothing.
 */
class RequestBodyReadingTest extends EmulatorTest {

    private static final String UNKNOWN_JOB = "0".repeat(32);
    private static final String SAVEPOINT_FORMAT_ERROR =
            "Request did not match expected format SavepointTriggerRequestBody.";

    @Test
    void aLateBodyToARouteAnsweredOnTheIoThreadIsWaitedFor() {
        RawHttp.Response response = raw().send(RawHttp.Request.of("POST", "/jobs/" + UNKNOWN_JOB + "/savepoints")
                .withHeader("Content-Type", "application/json").withBody("{not json".getBytes(UTF_8))
                .withFraming(RawHttp.Framing.LATE));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains(SAVEPOINT_FORMAT_ERROR);
    }

    @Test
    void aLateBodyToARouteAWorkerAnswersIsWaitedFor() throws Exception {
        String jarId = uploadJar("com.example.Job");

        RawHttp.Response response = raw().send(RawHttp.Request.of("POST", "/jars/" + jarId + "/run")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"entryClass\":\"com.example.Job\"}".getBytes(UTF_8)).withFraming(RawHttp.Framing.LATE));

        assertThat(response.status()).isEqualTo(200);
        String jobId = Json.MAPPER.readTree(response.body()).path("jobid").asText();
        assertThat(flink.get("/jobs/" + jobId).status()).isEqualTo(200);
    }

    @Test
    void aBodyCutShortGetsNoAnswerIsJournaledWithStatusZeroAndStartsNothing() {
        String jarId = uploadJar("com.example.Job");
        String runPath = "/jars/" + jarId + "/run";
        String savepointPath = "/jobs/" + UNKNOWN_JOB + "/savepoints";

        RawHttp.Response run = raw().send(RawHttp.Request.of("POST", runPath)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"entryClass\":\"com.example.Job\"}".getBytes(UTF_8))
                .withFraming(RawHttp.Framing.TRUNCATED));
        RawHttp.Response savepoint = raw().send(RawHttp.Request.of("POST", savepointPath)
                .withHeader("Content-Type", "application/json").withBody("{}".getBytes(UTF_8))
                .withFraming(RawHttp.Framing.TRUNCATED));

        assertThat(run.failure()).startsWith("closed");
        assertThat(savepoint.failure()).startsWith("closed");
        assertThat(statusJournaledFor(runPath)).isZero();
        assertThat(statusJournaledFor(savepointPath)).isZero();
        assertThat(flink.get("/jobs/overview").json().path("jobs")).isEmpty();
    }

    private RawHttp raw() {
        return new RawHttp(flink.baseUrl(), 10_000);
    }

    private int statusJournaledFor(String path) {
        JsonNode entries = flink.get("/_emulator/journal?path=" + path).json().path("entries");
        assertThat(entries).hasSize(1);
        return entries.path(0).path("status").asInt();
    }
}
