package io.jobemu.flink;

import static io.jobemu.flink.JobLifecycleTest.submitRunning;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobStatus;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test-control API: core routes under {@code /_emulator} and Flink's under {@code /_emulator/flink}. */
class FlinkControlTest extends EmulatorTest {

    private static final String BEHAVIOURS = "/_emulator/flink/behaviours";
    private static final String FAILING_BEHAVIOUR = "{\"outcome\":\"FAIL\",\"after\":\"PT30S\",\"exception\":"
            + "{\"class\":\"java.io.IOException\",\"message\":\"disk\"},\"restarts\":2}";

    @Test
    void healthListsEveryApiWithItsBaseUrl() {
        HttpResult health = flink.get("/_emulator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("apis").path("flink").asText()).isEqualTo(flink.baseUrl());
    }

    @Test
    void behavioursAreSetReadAndRemovedPerEntryClass() {
        HttpResult put = flink.put(BEHAVIOURS + "/entry-classes/com.example.Job", FAILING_BEHAVIOUR);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("outcome").asText()).isEqualTo("FAIL");
        assertThat(put.json().path("after").asText()).isEqualTo("PT30S");
        assertThat(put.json().path("exception").path("class").asText()).isEqualTo("java.io.IOException");
        assertThat(put.json().path("restarts").asInt()).isEqualTo(2);

        assertThat(flink.get(BEHAVIOURS + "/entry-classes/com.example.Job").json()).isEqualTo(put.json());
        JsonNode all = flink.get(BEHAVIOURS).json();
        assertThat(all.path("entryClasses").path("com.example.Job")).isEqualTo(put.json());
        assertThat(all.path("jars").size()).isZero();
        JobBehaviour stored = emulator.flink().cluster().behaviours().resolve("any.jar", "com.example.Job");
        assertThat(stored.outcome()).isEqualTo(JobBehaviour.Outcome.FAIL);
        assertThat(stored.after()).isEqualTo(Duration.ofSeconds(30));

        HttpResult delete = flink.delete(BEHAVIOURS + "/entry-classes/com.example.Job");
        assertThat(delete.status()).isEqualTo(200);
        assertThat(delete.body()).isEqualTo("{\"removed\":\"com.example.Job\"}");
        assertThat(emulator.flink().cluster().behaviours().resolve("any.jar", "com.example.Job"))
                .isEqualTo(JobBehaviour.DEFAULT);
        HttpResult deleteAgain = flink.delete(BEHAVIOURS + "/entry-classes/com.example.Job");
        assertThat(deleteAgain.status()).isEqualTo(404);
        assertThat(deleteAgain.body()).isEqualTo("{\"error\":\"no behaviour is set for com.example.Job\"}");
        assertThat(flink.get(BEHAVIOURS + "/entry-classes/com.example.Job").status()).isEqualTo(404);
    }

    @Test
    void aJarBehaviourWinsOverTheEntryClassOne() {
        flink.put(BEHAVIOURS + "/entry-classes/com.example.Job", "{\"outcome\":\"RUN\"}");
        HttpResult put = flink.put(BEHAVIOURS + "/jars/abc_job.jar", "{\"outcome\":\"FINISH\",\"after\":\"PT1S\"}");
        assertThat(put.status()).isEqualTo(200);

        assertThat(flink.get(BEHAVIOURS + "/jars/abc_job.jar").json().path("outcome").asText()).isEqualTo("FINISH");
        assertThat(emulator.flink().cluster().behaviours().resolve("abc_job.jar", "com.example.Job").outcome())
                .isEqualTo(JobBehaviour.Outcome.FINISH);
        assertThat(emulator.flink().cluster().behaviours().resolve("other.jar", "com.example.Job").outcome())
                .isEqualTo(JobBehaviour.Outcome.RUN);

        assertThat(flink.delete(BEHAVIOURS + "/jars/abc_job.jar").status()).isEqualTo(200);
        assertThat(flink.get(BEHAVIOURS + "/jars/abc_job.jar").status()).isEqualTo(404);
        assertThat(flink.delete(BEHAVIOURS + "/jars/abc_job.jar").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "", "{\"outcome\":\"EXPLODE\"}", "{\"restarts\":-1}", "{\"after\":\"soon\"}",
        "{\"checkpointInterval\":\"PT0S\"}", "{\"vertices\":[]}"})
    void invalidBehavioursAreRefusedWithAControlError(String body) {
        HttpResult put = flink.put(BEHAVIOURS + "/entry-classes/com.example.Job", body);

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().path("error").asText()).startsWith("invalid job behaviour: ");
        assertThat(put.header("access-control-allow-origin")).isNull();
        assertThat(flink.get(BEHAVIOURS).json().path("entryClasses").size()).isZero();
    }

    @Test
    void forcingFailedFromRunningGoesThroughFailing() {
        FlinkJob job = submitRunning(emulator);
        advance(Duration.ofSeconds(1));

        HttpResult forced = flink.post("/_emulator/flink/jobs/" + job.id() + "/state?to=FAILED", null);

        assertThat(forced.status()).isEqualTo(200);
        assertThat(forced.json().path("state").asText()).isEqualTo("FAILED");
        assertThat(forced.json().path("transitions").findValuesAsText("to")).containsExactly("CREATED", "RUNNING",
                "FAILING", "FAILED");
        JobLifecycleTest.assertLegalPath(job, JobStatus.CREATED, JobStatus.RUNNING, JobStatus.FAILING,
                JobStatus.FAILED);
        assertThat(flink.get("/jobs/" + job.id() + "/exceptions").json().path("exceptionHistory").path("entries")
                .path(0).path("exceptionName").asText()).isEqualTo("org.apache.flink.runtime.JobException");
        assertThat(flink.get("/jobs/" + job.id() + "/execution-result").json().path("job-execution-result")
                .path("application-status").asText()).isEqualTo("FAILED");
    }

    @Test
    void forcingAnImpossibleStateIsAConflict() {
        FlinkJob job = submitRunning(emulator);
        flink.post("/_emulator/flink/jobs/" + job.id() + "/state?to=finished", null);
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);

        HttpResult back = flink.post("/_emulator/flink/jobs/" + job.id() + "/state?to=RUNNING", null);

        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().path("error").asText()).isEqualTo("job " + job.id() + " cannot move from FINISHED to "
                + "RUNNING through Flink's legal transitions");
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(flink.post("/_emulator/flink/jobs/" + job.id() + "/state?to=INITIALIZING", null).status())
                .isEqualTo(409);
    }

    @Test
    void forcingAnInterimStateLetsTheLifecycleCarryOn() {
        FlinkJob job = submitRunning(emulator);
        advance(Duration.ofSeconds(1));

        flink.post("/_emulator/flink/jobs/" + job.id() + "/state?to=CANCELLING", null);
        assertThat(flink.get("/jobs/" + job.id() + "/status").body()).isEqualTo("{\"status\":\"CANCELLING\"}");
        advance(Duration.ofMillis(50));

        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void forcingSuspendedAndBackThroughReconciling() {
        FlinkJob job = submitRunning(emulator);
        advance(Duration.ofSeconds(1));

        flink.post("/_emulator/flink/jobs/" + job.id() + "/state?to=SUSPENDED", null);
        assertThat(flink.patch("/jobs/" + job.id()).firstErrorLine()).endsWith("another terminal state (SUSPENDED).");
        HttpResult reconciling = flink.post("/_emulator/flink/jobs/" + job.id() + "/state?to=RECONCILING", null);
        assertThat(reconciling.json().path("state").asText()).isEqualTo("RECONCILING");
        advance(Duration.ofMillis(100));

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        JobLifecycleTest.assertLegalPath(job, JobStatus.CREATED, JobStatus.RUNNING, JobStatus.SUSPENDED,
                JobStatus.RECONCILING, JobStatus.RUNNING);
    }

    @Test
    void forcingAnInitializingJobToFailedLeavesAJobMasterStartFailure() {
        FlinkJob job = submitRunning(emulator);

        flink.post("/_emulator/flink/jobs/" + job.id() + "/state?to=FAILED", null);

        JsonNode details = flink.get("/jobs/" + job.id()).json();
        assertThat(details.path("state").asText()).isEqualTo("FAILED");
        assertThat(details.path("vertices").size()).isZero();
        assertThat(details.get("application-id").isNull()).isTrue();
        JsonNode entry = flink.get("/jobs/" + job.id() + "/exceptions").json().path("exceptionHistory")
                .path("entries").path(0);
        assertThat(entry.path("exceptionName").asText())
                .isEqualTo("org.apache.flink.runtime.client.JobInitializationException");
        assertThat(entry.path("stacktrace").asText()).startsWith("org.apache.flink.runtime.client."
                + "JobInitializationException: Could not start the JobMaster.\n");
        assertThat(entry.path("concurrentExceptions").size()).isZero();
        assertThat(flink.get("/jobs/" + job.id() + "/execution-result").json().path("job-execution-result")
                .path("failure-cause").path("class").asText())
                .isEqualTo("org.apache.flink.runtime.client.JobInitializationException");
    }

    @Test
    void forceStateErrors() {
        FlinkJob job = submitRunning(emulator);
        String base = "/_emulator/flink/jobs/" + job.id() + "/state";

        assertThat(flink.post(base, null).body()).isEqualTo("{\"error\":\"query parameter to is required\"}");
        HttpResult bogus = flink.post(base + "?to=BOGUS", null);
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().path("error").asText()).startsWith("to must be one of [INITIALIZING, CREATED");
        HttpResult unknown = flink.post("/_emulator/flink/jobs/00000000000000000000000000000000/state?to=FAILED",
                null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"no job 00000000000000000000000000000000\"}");
        assertThat(flink.get("/_emulator/flink/jobs/nothex/transitions").status()).isEqualTo(404);
        assertThat(job.status()).isEqualTo(JobStatus.INITIALIZING);
    }

    @Test
    void transitionsListEveryStepWithItsInstant() {
        FlinkJob job = submitRunning(emulator);
        Instant start = Instant.ofEpochMilli(job.startTime());
        assertThat(flink.get("/_emulator/flink/jobs/" + job.id() + "/transitions").body())
                .isEqualTo("{\"state\":\"INITIALIZING\",\"transitions\":[]}");
        advance(Duration.ofSeconds(1));

        JsonNode view = flink.get("/_emulator/flink/jobs/" + job.id().toUpperCase() + "/transitions").json();

        assertThat(view.path("state").asText()).isEqualTo("RUNNING");
        assertThat(view.path("transitions").toString()).isEqualTo("[{\"from\":\"INITIALIZING\",\"to\":\"CREATED\","
                + "\"at\":\"" + start.plusMillis(200) + "\"},{\"from\":\"CREATED\",\"to\":\"RUNNING\",\"at\":\""
                + start.plusMillis(300) + "\"}]");
    }

    @Test
    void resetForgetsJobsJarsBehavioursOperationsAndPendingEvents() {
        FlinkJob job = submitRunning(emulator);
        advance(Duration.ofSeconds(1));
        String triggerId = flink.post("/jobs/" + job.id() + "/savepoints", "{}").json().path("request-id").asText();
        flink.put(BEHAVIOURS + "/jars/abc_job.jar", "{\"outcome\":\"FINISH\"}");
        uploadJar("com.example.Job");
        assertThat(flink.get("/jars").json().path("files").size()).isEqualTo(1);
        assertThat(pendingEvents()).isPositive();

        HttpResult reset = flink.post("/_emulator/reset", null);

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("{\"status\":\"reset\"}");
        assertThat(pendingEvents()).isZero();
        assertThat(flink.get("/jobs").body()).isEqualTo("{\"jobs\":[]}");
        assertThat(flink.get("/jobs/overview").body()).isEqualTo("{\"jobs\":[]}");
        assertThat(flink.get("/jars").json().path("files").size()).isZero();
        assertThat(flink.get(BEHAVIOURS).body()).isEqualTo("{\"entryClasses\":{},\"jars\":{},\"jobNames\":{}}");
        assertThat(flink.get("/jobs/" + job.id() + "/savepoints/" + triggerId).status()).isEqualTo(404);
        advance(Duration.ofMinutes(1));
        assertThat(job.status()).as("the forgotten job no longer moves").isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void clockIsReadAndAdvancedOverHttp() {
        JsonNode clock = flink.get("/_emulator/clock").json();
        assertThat(clock.path("mode").asText()).isEqualTo("MANUAL");
        long now = clock.path("epochMillis").asLong();
        assertThat(clock.path("now").asText()).isEqualTo(Instant.ofEpochMilli(now).toString());
        FlinkJob job = submitRunning(emulator);

        JsonNode advanced = flink.post("/_emulator/clock/advance?by=PT5S", null).json();

        assertThat(advanced.path("epochMillis").asLong()).isEqualTo(now + 5000);
        assertThat(job.status()).as("events on the way ran").isEqualTo(JobStatus.RUNNING);
        assertThat(flink.get("/jobs/" + job.id()).json().path("now").asLong()).isEqualTo(now + 5000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?by=abc", "?by=-PT1S", ""})
    void badAdvanceIsRefused(String query) {
        long before = emulator.clock().millis();

        HttpResult result = flink.post("/_emulator/clock/advance" + query, null);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().path("error").asText()).isNotEmpty();
        assertThat(emulator.clock().millis()).isEqualTo(before);
    }

    @Test
    void clockIsSetForwardOnlyAndItsModeSwitches() {
        Instant target = emulator.clock().instant().plusSeconds(3600);
        FlinkJob job = submitRunning(emulator);

        HttpResult set = flink.post("/_emulator/clock/set?to=" + target, null);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("now").asText()).isEqualTo(target.toString());
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(flink.post("/_emulator/clock/set?to=" + target.minusSeconds(1), null).status()).isEqualTo(400);
        assertThat(flink.post("/_emulator/clock/set?to=tomorrow", null).status()).isEqualTo(400);

        assertThat(flink.post("/_emulator/clock/mode?mode=real", null).json().path("mode").asText())
                .isEqualTo("REAL");
        assertThat(flink.post("/_emulator/clock/mode?mode=MANUAL", null).json().path("mode").asText())
                .isEqualTo("MANUAL");
        assertThat(flink.post("/_emulator/clock/mode?mode=sundial", null).status()).isEqualTo(400);
    }

    @Test
    void unknownControlRoutesAndMethodsAreControlErrors() {
        HttpResult unknown = flink.get("/_emulator/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asText()).isEqualTo("no control endpoint GET /_emulator/nope");

        HttpResult wrongMethod = flink.get("/_emulator/reset");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("error").asText()).contains("allowed: POST");
    }

    private int pendingEvents() {
        return flink.get("/_emulator/clock").json().path("pendingEvents").asInt();
    }
}
