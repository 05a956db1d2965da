package io.jobemu.junit;

import static io.jobemu.junit.EmulatorAssertions.assertThat;
import static io.jobemu.junit.HttpMethod.GET;
import static io.jobemu.junit.HttpMethod.POST;
import static io.jobemu.junit.RequestPattern.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.core.journal.JournalEntry;
import io.jobemu.core.journal.JournalQuery.Match;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every API's handle has the same shape: behaviours, states, awaits, journal verification, faults. */
@WithEmulator
class UniformHandlesTest {

    private static final Duration STEP = Duration.ofMillis(100);
    private static final Duration LIMIT = Duration.ofMinutes(1);

    @Test
    void verifyMatchesHeadersAndJsonPathsOfTheBodyTheClientSent(EmulatorHandle emulator) {
        FlinkClient client = new FlinkClient(emulator);
        String jarId = client.uploadJar("com.example.WordCount");
        client.http().send("POST", "/jars/" + jarId + "/run", bytes("{\"entryClass\":\"com.example.WordCount\","
                + "\"parallelism\":2}"), "application/json", "X-Client", "ours/1.0");

        RequestPattern run = requested(POST, "/jars/*/run").withHeader("X-Client", "ours/1.0")
                .withHeader("Content-Type", Match.containing("json"))
                .withBodyAt("$.parallelism", "2").withBodyAt("$.entryClass", Match.matching("com\\.example\\..*"));
        emulator.flink().verify(run);
        emulator.flink().verify(1, run);
        emulator.journal().verify(run.forApi("flink"));
        assertThat(emulator.flink()).received(run).once().received(POST, "/jars/upload").once();
        JournalEntry entry = emulator.flink().awaitRequest(run, Duration.ofSeconds(5));
        assertThat(entry.header("x-client")).isEqualTo("ours/1.0");
        assertThat(emulator.flink().requests(requested(POST, "/jars/**").withBodyContaining("WordCount")))
                .hasSize(1);

        assertThatThrownBy(() -> emulator.flink().verify(run.withBodyAt("$.parallelism", "3")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected flink to have received POST /jars/*/run with header X-Client = "
                        + "\"ours/1.0\" with header Content-Type containing \"json\" with body $.parallelism = \"3\" "
                        + "with body $.entryClass matching /com\\.example\\..*/ at least once, but no request matched."
                        + "\nflink received 2 requests:\n  POST /jars/upload -> 200\n  POST /jars/" + jarId
                        + "/run -> 200");
        assertThatThrownBy(() -> emulator.jobserver().verify(requested(GET, "/jobs")))
                .hasMessage("Expected jobserver to have received GET /jobs at least once, but no request matched.\n"
                        + "jobserver received no requests.");
        assertThatThrownBy(() -> requested(GET, "/jobs").withBodyAt("$.a[", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON path");
    }

    @Test
    void jobserverBehavioursAreBuiltAndItsClockAdvancedUntilAState(EmulatorHandle emulator) {
        emulator.jobserver().setBehaviour("com.example.Etl",
                JobserverBehaviour.finishesWith("{\"rows\": 42}").after(Duration.ofSeconds(2)));
        TestHttp jobserver = new TestHttp(emulator.jobserverUrl());
        jobserver.send("POST", "/binaries/etl", EmulatorJars.withEntryClass("com.example.Etl"),
                "application/java-archive");
        String jobId = jobserver.post("/jobs?cp=etl&mainClass=com.example.Etl", "").json().path("jobId").asText();

        assertThat(emulator.jobserver().jobState(jobId)).isEqualTo("RUNNING");
        emulator.jobserver().advanceUntilJobState(jobId, "finished", STEP, LIMIT);
        HttpResult done = jobserver.get("/jobs/" + jobId);
        assertThat(done.json().path("status").asText()).isEqualTo("FINISHED");
        assertThat(done.json().path("result").toString()).isEqualTo("{\"rows\":42}");

        emulator.jobserver().setBehaviour("com.example.Etl",
                JobserverBehaviour.failsWith("java.io.IOException", "disk full"));
        String failing = jobserver.post("/jobs?cp=etl&mainClass=com.example.Etl", "").json().path("jobId").asText();
        assertThatThrownBy(() -> emulator.jobserver().advanceUntilJobState(failing, "FINISHED", STEP, LIMIT))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Gave up waiting for jobserver job " + failing + " to be FINISHED: it can no "
                        + "longer happen; job " + failing + " is ERROR");
        assertThatThrownBy(() -> JobserverBehaviour.finishesWith("{oops"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the result is not JSON: {oops");
    }

    @Test
    void streamkapHandsOutTokensAndFollowsAJobToRunning(EmulatorHandle emulator) {
        StreamkapHandle streamkap = emulator.streamkap();
        String token = streamkap.accessToken();
        assertThat(streamkap.validTokens()).isEqualTo(1);

        String jobId = deploy(new TestHttp(emulator.streamkapUrl()), token);
        assertThat(streamkap.jobState(jobId)).isIn("CREATED", "DEPLOYING");
        streamkap.advanceUntilJobState(jobId, "RUNNING", STEP, LIMIT);
        streamkap.awaitJobState(jobId, "running", Duration.ofSeconds(5));
        assertThat(streamkap.jobState(jobId)).isEqualTo("RUNNING");
        streamkap.verify(requested(POST, "/auth/access-token").withBodyAt("$.client_id", "jobemu-client-id"));

        streamkap.revokeTokens();
        assertThat(streamkap.validTokens()).isZero();
        assertThatThrownBy(() -> streamkap.jobState("nope")).isInstanceOf(EmulatorControlException.class)
                .hasMessageEndingWith("answered 404: no Streamkap job nope");
        assertThatThrownBy(() -> streamkap.awaitJobState(jobId, "BOGUS", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no Streamkap job state BOGUS");
    }

    @Test
    void faultsAreAimedAndClearedPerApi(EmulatorHandle emulator) {
        emulator.flink().inject(Fault.respond(503).path("/jobs"));
        emulator.jobserver().inject(Fault.respond(500).path("/jobs"));
        emulator.flink().clearFaults();
        assertThat(emulator.faults().list()).extracting(fault -> fault.spec().api()).containsExactly("jobserver");
    }

    private static String deploy(TestHttp streamkap, String token) {
        String boundary = "jobemu-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "name", "orders");
        field(body, boundary, "main_class", "com.example.Job");
        body.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jar_file\"; "
                + "filename=\"job.jar\"\r\nContent-Type: application/java-archive\r\n\r\n"));
        body.writeBytes(EmulatorJars.withEntryClass("com.example.Job"));
        body.writeBytes(bytes("\r\n--" + boundary + "--\r\n"));
        HttpResult deployed = streamkap.send("POST", "/flink_jobs/jar", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary, "Authorization", "Bearer " + token);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        return deployed.json().path("_id").asText();
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
