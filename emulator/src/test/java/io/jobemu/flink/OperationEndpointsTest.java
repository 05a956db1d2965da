package io.jobemu.flink;

import static io.jobemu.flink.JobLifecycleTest.keys;
import static io.jobemu.flink.JobLifecycleTest.submit;
import static io.jobemu.flink.JobLifecycleTest.submitRunning;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.flink.jobs.CheckpointRecord;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobStatus;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flink's trigger-and-poll operations: savepoints, stop-with-savepoint, checkpoints, rescaling, savepoint disposal
 * and data set deletion. With the REALISTIC profile a savepoint (and a disposal) takes 250 ms, a checkpoint 150 ms.
 */
class OperationEndpointsTest extends EmulatorTest {

    private static final String UNKNOWN = "00000000000000000000000000000000";
    private static final String REST_HANDLER = "org.apache.flink.runtime.rest.handler.RestHandlerException: ";
    private static final String IN_PROGRESS = "{\"status\":{\"id\":\"IN_PROGRESS\"},\"operation\":null}";
    private static final String TRIGGER_ID = "fedcba9876543210fedcba9876543210";
    private static final Duration SAVEPOINT = Duration.ofMillis(250);
    private static final Duration CHECKPOINT = Duration.ofMillis(150);

    private FlinkJob job;

    @BeforeEach
    void runAJob() {
        job = submitRunning(emulator);
        advance(Duration.ofSeconds(1));
    }

    @Test
    void savepointIsInProgressThenCompletesWithItsLocation() {
        HttpResult trigger = flink.post(savepoints(job), "{}");
        assertThat(trigger.status()).isEqualTo(202);
        assertThat(trigger.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(keys(trigger.json())).containsExactly("request-id");
        String triggerId = trigger.json().path("request-id").asText();
        assertThat(triggerId).matches("[0-9a-f]{32}");

        assertThat(flink.get(savepoints(job) + "/" + triggerId).body()).isEqualTo(IN_PROGRESS);
        advance(SAVEPOINT);

        HttpResult done = flink.get(savepoints(job) + "/" + triggerId);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("status").path("id").asText()).isEqualTo("COMPLETED");
        assertThat(keys(done.json().path("operation"))).containsExactly("location");
        assertThat(done.json().path("operation").path("location").asText())
                .matches("file:/tmp/flink-savepoints/savepoint-" + job.id().substring(0, 6) + "-[0-9a-f]{12}");
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void savepointWithoutBodyIsAcceptedToo() {
        String triggerId = flink.post(savepoints(job), null).json().path("request-id").asText();
        advance(SAVEPOINT);

        assertThat(location(triggerId)).startsWith("file:/tmp/flink-savepoints/savepoint-");
    }

    @ParameterizedTest
    @CsvSource({
        "file:///work/sp-custom, file:/work/sp-custom/savepoint-",
        "file:/work/sp-custom/, file:/work/sp-custom/savepoint-",
        "/plain/dir, file:/plain/dir/savepoint-",
        "s3://bucket/savepoints/, s3://bucket/savepoints/savepoint-"})
    void targetDirectoryIsHonouredAndNormalised(String directory, String expectedPrefix) {
        String triggerId = trigger(savepoints(job), "{\"target-directory\":\"" + directory + "\"}");
        advance(SAVEPOINT);

        assertThat(location(triggerId)).startsWith(expectedPrefix).matches(".*savepoint-[0-9a-f]{6}-[0-9a-f]{12}");
    }

    @Test
    void clientTriggerIdIsHonouredAndTriggersOnlyOneSavepoint() {
        String body = "{\"triggerId\":\"" + TRIGGER_ID.toUpperCase() + "\"}";

        assertThat(trigger(savepoints(job), body)).isEqualTo(TRIGGER_ID);
        assertThat(trigger(savepoints(job), body)).isEqualTo(TRIGGER_ID);
        advance(SAVEPOINT);
        String location = location(TRIGGER_ID);
        assertThat(trigger(savepoints(job), body)).as("after completion").isEqualTo(TRIGGER_ID);
        advance(SAVEPOINT);

        assertThat(location(TRIGGER_ID)).isEqualTo(location);
        assertThat(checkpointCount(job, CheckpointRecord.Status.COMPLETED)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"formatType\":\"BOGUS\"}", "{", "{\"triggerId\":\"xyz\"}", "{\"cancel-job\":\"maybe\"}",
        "[]", "{\"cancel-job\":1,\"cancel-job\":2}"})
    void badSavepointRequestsAreRefused(String body) {
        HttpResult result = flink.post(savepoints(job), body);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(REST_HANDLER + "Request did not match expected format "
                + "SavepointTriggerRequestBody.");
        assertThat(checkpointCount(job, null)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"formatType\":\"NATIVE\"}", "{\"cancel-job\":null,\"triggerId\":null}",
        "{\"unknown\":1}"})
    void optionalFieldsAndUnknownOnesAreAccepted(String body) {
        String triggerId = trigger(savepoints(job), body);
        advance(SAVEPOINT);

        assertThat(location(triggerId)).contains("/savepoint-");
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void unknownOrMalformedTriggerIds() {
        HttpResult unknown = flink.get(savepoints(job) + "/" + UNKNOWN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.firstErrorLine()).isEqualTo(REST_HANDLER + "There is no savepoint operation with "
                + "triggerId=" + UNKNOWN + " for job " + job.id() + ".");
        HttpResult malformed = flink.get(savepoints(job) + "/nothex");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse parameters: "
                + "Cannot resolve path parameter (triggerid) from value \"nothex\".");
        HttpResult malformedJob = flink.post("/jobs/nothex/savepoints", "{}");
        assertThat(malformedJob.status()).isEqualTo(400);
        assertThat(malformedJob.firstErrorLine()).contains("Cannot resolve path parameter (jobid) from value "
                + "\"nothex\".");
    }

    @Test
    void savepointOfAnUnknownOrCancelledJobIsAcceptedAndFailsInItsStatus() {
        String forUnknown = trigger("/jobs/" + UNKNOWN + "/savepoints", "{}");
        assertJobNotFound(flink.get("/jobs/" + UNKNOWN + "/savepoints/" + forUnknown), "failure-cause", UNKNOWN);

        flink.patch("/jobs/" + job.id());
        advance(Duration.ofSeconds(1));
        String forCancelled = trigger(savepoints(job), "{}");
        assertJobNotFound(flink.get(savepoints(job) + "/" + forCancelled), "failure-cause", job.id());
    }

    @Test
    void savepointWhileTasksAreDeployingFails() {
        FlinkJob deploying = submitRunning(emulator);
        advance(Duration.ofMillis(300));

        String triggerId = trigger(savepoints(deploying), "{}");

        JsonNode cause = flink.get(savepoints(deploying) + "/" + triggerId).json().path("operation")
                .path("failure-cause");
        assertThat(cause.path("class").asText()).isEqualTo("java.util.concurrent.CompletionException");
        assertThat(cause.path("stack-trace").asText()).startsWith("java.util.concurrent.CompletionException: "
                + "org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint triggering task Source: "
                + "numbers -> map (1/1) of job " + deploying.id() + " is not being executed at the moment.");
    }

    @Test
    void savepointInFlightWhenTheJobIsCancelledFails() {
        String triggerId = trigger(savepoints(job), "{}");
        flink.patch("/jobs/" + job.id());
        advance(SAVEPOINT);

        JsonNode cause = flink.get(savepoints(job) + "/" + triggerId).json().path("operation").path("failure-cause");
        assertThat(cause.path("stack-trace").asText()).startsWith("java.util.concurrent.CompletionException: "
                + "org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint Coordinator is suspending.\n");
        assertThat(checkpointCount(job, CheckpointRecord.Status.FAILED)).isEqualTo(1);
    }

    @Test
    void cancelJobTrueCancelsTheJobAfterTheSavepoint() {
        String triggerId = trigger(savepoints(job), "{\"cancel-job\":true,\"target-directory\":\"file:///sp\"}");
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);

        advance(SAVEPOINT);
        assertThat(location(triggerId)).startsWith("file:/sp/savepoint-");
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLING);
        advance(Duration.ofMillis(50));
        assertThat(flink.get("/jobs/" + job.id() + "/status").body()).isEqualTo("{\"status\":\"CANCELED\"}");
    }

    @Test
    void completedResultsAreEvictedAfterFiveMinutes() {
        String triggerId = trigger(savepoints(job), "{}");
        advance(SAVEPOINT);
        advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(flink.get(savepoints(job) + "/" + triggerId).status()).isEqualTo(200);

        advance(Duration.ofMillis(1));
        HttpResult evicted = flink.get(savepoints(job) + "/" + triggerId);
        assertThat(evicted.status()).isEqualTo(404);
        assertThat(evicted.firstErrorLine()).isEqualTo(REST_HANDLER + "There is no savepoint operation with "
                + "triggerId=" + triggerId + " for job " + job.id() + ".");
    }

    @Test
    void anEvictedTriggerIdStartsANewSavepoint() {
        trigger(savepoints(job), "{\"triggerId\":\"" + TRIGGER_ID + "\"}");
        advance(SAVEPOINT.plus(Duration.ofMinutes(5)));

        assertThat(trigger(savepoints(job), "{\"triggerId\":\"" + TRIGGER_ID + "\"}")).isEqualTo(TRIGGER_ID);
        assertThat(flink.get(savepoints(job) + "/" + TRIGGER_ID).body()).isEqualTo(IN_PROGRESS);
        advance(SAVEPOINT);
        assertThat(checkpointCount(job, CheckpointRecord.Status.COMPLETED)).isEqualTo(2);
    }

    @Test
    void stopWithSavepointFinishesTheJobAndIsPolledUnderSavepoints() {
        HttpResult stop = flink.post("/jobs/" + job.id() + "/stop", "{\"drain\":false}");
        assertThat(stop.status()).isEqualTo(202);
        String triggerId = stop.json().path("request-id").asText();

        assertThat(flink.get(savepoints(job) + "/" + triggerId).body()).isEqualTo(IN_PROGRESS);
        HttpResult viaCheckpoints = flink.get("/jobs/" + job.id() + "/checkpoints/" + triggerId);
        assertThat(viaCheckpoints.status()).isEqualTo(404);
        assertThat(viaCheckpoints.firstErrorLine()).isEqualTo(REST_HANDLER + "There is no checkpoint operation with "
                + "triggerId=" + triggerId + " for job " + job.id() + ".");

        advance(SAVEPOINT);
        assertThat(location(triggerId)).startsWith("file:/tmp/flink-savepoints/savepoint-" + job.id().substring(0, 6));
        assertThat(flink.get("/jobs/" + job.id() + "/status").body()).isEqualTo("{\"status\":\"FINISHED\"}");
        assertThat(flink.get("/jobs/" + job.id()).json().path("vertices").findValuesAsText("status"))
                .containsOnly("FINISHED");
        JobLifecycleTest.assertLegalPath(job, JobStatus.CREATED, JobStatus.RUNNING, JobStatus.FINISHED);

        String again = trigger("/jobs/" + job.id() + "/stop", "{\"drain\":false}");
        assertJobNotFound(flink.get(savepoints(job) + "/" + again), "failure-cause", job.id());
    }

    @Test
    void stopTakesItsTargetDirectoryInCamelCaseAndDrains() {
        String camel = trigger("/jobs/" + job.id() + "/stop", "{\"drain\":true,\"targetDirectory\":\"file:///sp\"}");
        advance(SAVEPOINT);
        assertThat(location(camel)).startsWith("file:/sp/savepoint-");
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);

        FlinkJob other = submitRunning(emulator);
        advance(Duration.ofSeconds(1));
        String kebab = trigger("/jobs/" + other.id() + "/stop", "{\"target-directory\":\"file:///sp\"}");
        advance(SAVEPOINT);
        assertThat(flink.get(savepoints(other) + "/" + kebab).json().path("operation").path("location").asText())
                .as("unknown fields are ignored, so the default directory is used")
                .startsWith("file:/tmp/flink-savepoints/");

        HttpResult malformed = flink.post("/jobs/" + other.id() + "/stop", "{\"drain\":\"maybe\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.firstErrorLine()).isEqualTo(REST_HANDLER + "Request did not match expected format "
                + "StopWithSavepointRequestBody.");
    }

    @Test
    void checkpointIsInProgressThenCompletesWithItsId() {
        String savepoint = trigger(savepoints(job), "{}");
        advance(SAVEPOINT);
        assertThat(location(savepoint)).isNotEmpty();

        HttpResult trigger = flink.post(checkpoints(job), "{}");
        assertThat(trigger.status()).isEqualTo(202);
        String triggerId = trigger.json().path("request-id").asText();
        assertThat(flink.get(checkpoints(job) + "/" + triggerId).body()).isEqualTo(IN_PROGRESS);
        advance(CHECKPOINT);

        assertThat(flink.get(checkpoints(job) + "/" + triggerId).body())
                .as("checkpoints and savepoints share one id sequence")
                .isEqualTo("{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"checkpointId\":2}}");
        assertThat(flink.get(savepoints(job) + "/" + triggerId).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FULL", "CONFIGURED"})
    void checkpointTypesFullAndConfiguredAreAccepted(String type) {
        String triggerId = trigger(checkpoints(job), "{\"checkpointType\":\"" + type + "\"}");
        advance(CHECKPOINT);

        assertThat(flink.get(checkpoints(job) + "/" + triggerId).json().path("operation").path("checkpointId")
                .asLong()).isEqualTo(1);
    }

    @Test
    void checkpointRequestErrors() {
        HttpResult incremental = flink.post(checkpoints(job), "{\"checkpointType\":\"INCREMENTAL\"}");
        assertThat(incremental.status()).isEqualTo(500);
        assertThat(incremental.json().path("errors").path(0).asText()).isEqualTo("Internal server error.");
        assertThat(incremental.json().path("errors").path(1).asText()).startsWith("<Exception on server side:\n"
                + "java.lang.IllegalStateException: Flink does not support triggering incremental checkpoint "
                + "explicitly. See FLINK-33723.\n");

        HttpResult bogus = flink.post(checkpoints(job), "{\"checkpointType\":\"BOGUS\"}");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.firstErrorLine()).isEqualTo(REST_HANDLER + "Request did not match expected format "
                + "CheckpointTriggerRequestBody.");

        HttpResult unknown = flink.get(checkpoints(job) + "/" + UNKNOWN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.firstErrorLine()).isEqualTo(REST_HANDLER + "There is no checkpoint operation with "
                + "triggerId=" + UNKNOWN + " for job " + job.id() + ".");
        assertThat(checkpointCount(job, null)).isZero();
    }

    @Test
    void checkpointHonoursTheClientTriggerIdAndFailsForAnUnknownJob() {
        assertThat(trigger(checkpoints(job), "{\"triggerId\":\"" + TRIGGER_ID + "\"}")).isEqualTo(TRIGGER_ID);
        assertThat(trigger(checkpoints(job), "{\"triggerId\":\"" + TRIGGER_ID + "\"}")).isEqualTo(TRIGGER_ID);
        advance(CHECKPOINT);
        assertThat(checkpointCount(job, CheckpointRecord.Status.COMPLETED)).isEqualTo(1);

        String forUnknown = trigger("/jobs/" + UNKNOWN + "/checkpoints", "{}");
        assertJobNotFound(flink.get("/jobs/" + UNKNOWN + "/checkpoints/" + forUnknown), "failureCause", UNKNOWN);
    }

    @Test
    void rescalingIsDisabled() {
        String disabled = REST_HANDLER + "Rescaling is temporarily disabled. See FLINK-12312.";
        for (HttpResult result : new HttpResult[] {
            flink.send("PATCH", "/jobs/" + job.id() + "/rescaling?parallelism=3", null, null),
            flink.patch("/jobs/" + job.id() + "/rescaling"),
            flink.get("/jobs/" + job.id() + "/rescaling/" + UNKNOWN)}) {
            assertThat(result.status()).isEqualTo(503);
            assertThat(result.firstErrorLine()).isEqualTo(disabled);
            assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        }
    }

    @Test
    void disposingASavepointTheClusterWroteCompletesEmpty() {
        String savepoint = trigger(savepoints(job), "{}");
        advance(SAVEPOINT);
        String location = location(savepoint);

        HttpResult dispose = flink.post("/savepoint-disposal", "{\"savepoint-path\":\"" + location + "\"}");
        assertThat(dispose.status()).isEqualTo(200);
        assertThat(keys(dispose.json())).containsExactly("request-id");
        String triggerId = dispose.json().path("request-id").asText();
        assertThat(flink.get("/savepoint-disposal/" + triggerId).body()).isEqualTo(IN_PROGRESS);
        advance(SAVEPOINT);
        assertThat(flink.get("/savepoint-disposal/" + triggerId).body())
                .isEqualTo("{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{}}");

        String again = flink.post("/savepoint-disposal", "{\"savepoint-path\":\"" + location + "\"}").json()
                .path("request-id").asText();
        advance(SAVEPOINT);
        assertThat(disposalFailure(again)).startsWith("org.apache.flink.util.FlinkException: Could not dispose "
                + "savepoint " + location + ".\n");
    }

    @Test
    void disposalAcceptsTheTripleSlashFormOfALocation() {
        String savepoint = trigger(savepoints(job), "{}");
        advance(SAVEPOINT);
        String location = location(savepoint).replace("file:/", "file:///");

        String triggerId = flink.post("/savepoint-disposal", "{\"savepoint-path\":\"" + location + "\"}").json()
                .path("request-id").asText();
        advance(SAVEPOINT);

        assertThat(flink.get("/savepoint-disposal/" + triggerId).json().path("operation").toString()).isEqualTo("{}");
    }

    @Test
    void disposalOfAnUnknownPathFailsInItsStatus() {
        String triggerId = flink.post("/savepoint-disposal", "{\"savepoint-path\":\"file:///nonexistent/savepoint-x\"}")
                .json().path("request-id").asText();
        advance(SAVEPOINT);

        JsonNode cause = flink.get("/savepoint-disposal/" + triggerId).json().path("operation").path("failure-cause");
        assertThat(cause.path("class").asText()).isEqualTo("org.apache.flink.util.FlinkException");
        assertThat(disposalFailure(triggerId)).startsWith("org.apache.flink.util.FlinkException: Could not dispose "
                + "savepoint file:///nonexistent/savepoint-x.\n");
    }

    @Test
    void disposalRequestErrors() {
        HttpResult noPath = flink.post("/savepoint-disposal", "{}");
        assertThat(noPath.status()).isEqualTo(400);
        assertThat(noPath.firstErrorLine()).isEqualTo(REST_HANDLER + "Field savepoint-path must not be omitted or be "
                + "null.");
        HttpResult malformed = flink.post("/savepoint-disposal", "{");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.firstErrorLine()).isEqualTo(REST_HANDLER + "Request did not match expected format "
                + "SavepointDisposalRequest.");

        assertOperationNotFound(flink.get("/savepoint-disposal/" + UNKNOWN), "1f");
        assertOperationNotFound(flink.get("/savepoint-disposal/00000000000000000000000000000001"), "20");
        assertOperationNotFound(flink.get("/savepoint-disposal/ffffffffffffffff0000000000000000"), "1f");
        assertOperationNotFound(flink.get("/savepoint-disposal/00000001000000000000000000000002"), "22");
    }

    @Test
    void deletingADataSetCompletesAtOnce() {
        HttpResult delete = flink.delete("/datasets/" + UNKNOWN);
        assertThat(delete.status()).isEqualTo(202);
        String triggerId = delete.json().path("request-id").asText();

        assertThat(flink.get("/datasets/delete/" + triggerId).body())
                .isEqualTo("{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{}}");
        assertOperationNotFound(flink.get("/datasets/delete/" + UNKNOWN), "1f");
        assertThat(flink.delete("/datasets/nothex").firstErrorLine()).contains("Cannot resolve path parameter "
                + "(datasetid) from value \"nothex\".");
    }

    @Test
    void operationsOfAFailedJobFailAsForAnUnknownJob() {
        FlinkJob failed = submit(emulator, JobLifecycleTest.behaviour(JobBehaviour.Outcome.FAIL, Duration.ZERO, 0), 1);
        advance(Duration.ofSeconds(5));

        String triggerId = trigger(checkpoints(failed), "{}");

        assertJobNotFound(flink.get(checkpoints(failed) + "/" + triggerId), "failureCause", failed.id());
    }

    /** Checkpoints and savepoints the job has taken with {@code status}, or all of them for null. */
    private static long checkpointCount(FlinkJob job, CheckpointRecord.Status status) {
        List<CheckpointRecord> history = job.inspect(j -> j.checkpoints().history());
        return history.stream().filter(record -> status == null || record.status() == status).count();
    }

    private String trigger(String path, String body) {
        HttpResult result = flink.post(path, body);
        assertThat(result.status()).as(result.body()).isEqualTo(202);
        return result.json().path("request-id").asText();
    }

    private String location(String savepointTriggerId) {
        JsonNode status = flink.get(savepoints(job) + "/" + savepointTriggerId).json();
        assertThat(status.path("status").path("id").asText()).as(status.toString()).isEqualTo("COMPLETED");
        return status.path("operation").path("location").asText();
    }

    private String disposalFailure(String triggerId) {
        return flink.get("/savepoint-disposal/" + triggerId).json().path("operation").path("failure-cause")
                .path("stack-trace").asText();
    }

    private static void assertJobNotFound(HttpResult status, String causeField, String jobId) {
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("status").path("id").asText()).isEqualTo("COMPLETED");
        JsonNode cause = status.json().path("operation").path(causeField);
        assertThat(keys(cause)).containsExactly("class", "stack-trace", "serialized-throwable");
        assertThat(cause.path("class").asText()).isEqualTo("java.util.concurrent.CompletionException");
        assertThat(cause.path("stack-trace").asText()).startsWith("java.util.concurrent.CompletionException: "
                + "org.apache.flink.runtime.messages.FlinkJobNotFoundException: Could not find Flink job (" + jobId
                + ")\n");
    }

    private static void assertOperationNotFound(HttpResult result, String keyHash) {
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.firstErrorLine()).isEqualTo("org.apache.flink.runtime.rest.NotFoundException: Operation "
                + "not found under key: org.apache.flink.runtime.rest.handler.async.OperationKey@" + keyHash);
    }

    private static String savepoints(FlinkJob job) {
        return "/jobs/" + job.id() + "/savepoints";
    }

    private static String checkpoints(FlinkJob job) {
        return "/jobs/" + job.id() + "/checkpoints";
    }
}
