package io.jobemu.flink;

import static io.jobemu.flink.JobLifecycleTest.keys;
import static io.jobemu.flink.JobLifecycleTest.submit;
import static io.jobemu.flink.JobLifecycleTest.submitRunning;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobStatus;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job endpoints under {@code /jobs}, compared with what a real Flink 2.3.0 answered. */
class JobEndpointsTest extends EmulatorTest {

    private static final String UNKNOWN = "00000000000000000000000000000000";
    private static final String REST_HANDLER = "org.apache.flink.runtime.rest.handler.RestHandlerException: ";
    private static final String NOT_FOUND = "org.apache.flink.runtime.rest.NotFoundException: ";
    private static final String JOB_NOT_FOUND = "org.apache.flink.runtime.messages.FlinkJobNotFoundException: "
            + "Could not find Flink job (" + UNKNOWN + ")";
    private static final String STOP_REMOVED = REST_HANDLER + "The termination mode \"stop\" has been removed. For "
            + "an ungraceful shutdown, please use \"cancel\" instead. For a graceful shutdown, please use "
            + "\"jobs/:jobId/stop\" instead.";
    private static final List<String> METRIC_NAMES = List.of("lastCheckpointSize", "lastCheckpointExternalPath",
            "failingTime", "numRescales", "restartingTime", "lastCheckpointMetadataSize",
            "numberOfInProgressCheckpoints", "numberOfCompletedCheckpoints", "lastCheckpointProcessedData",
            "numRestarts", "deployingTime", "createdTime", "lastCheckpointDuration", "numberOfFailedCheckpoints",
            "cancellingTime", "lastCheckpointCompletedTimestamp", "totalNumberOfCheckpoints",
            "lastCompletedCheckpointId", "lastCheckpointRestoreTimestamp", "runningTime", "uptime",
            "allSubTasksRunningOrFinishedTime", "initializingTime", "downtime", "lastCheckpointFullSize",
            "lastCheckpointPersistedData");

    @Test
    void listsAreEmptyWithoutJobs() {
        assertThat(flink.get("/jobs").body()).isEqualTo("{\"jobs\":[]}");
        assertThat(flink.get("/jobs/overview").body()).isEqualTo("{\"jobs\":[]}");
    }

    @Test
    void listsShowTheNewestJobFirstWithTaskCountsThatAddUp() {
        FlinkJob oldest = submit(emulator, JobBehaviour.DEFAULT, 2);
        advance(Duration.ofSeconds(1));
        FlinkJob middle = submit(emulator, JobLifecycleTest.behaviour(JobBehaviour.Outcome.FINISH,
                Duration.ofMillis(100), 0), 1);
        advance(Duration.ofSeconds(1));
        FlinkJob newest = submitRunning(emulator);

        HttpResult list = flink.get("/jobs");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(list.body()).isEqualTo("{\"jobs\":[{\"id\":\"" + newest.id() + "\",\"status\":\"INITIALIZING\"},"
                + "{\"id\":\"" + middle.id() + "\",\"status\":\"FINISHED\"},{\"id\":\"" + oldest.id()
                + "\",\"status\":\"RUNNING\"}]}");

        JsonNode jobs = flink.get("/jobs/overview").json().path("jobs");
        assertThat(jobs.findValuesAsText("jid")).containsExactly(newest.id(), middle.id(), oldest.id());
        JsonNode running = jobs.path(2);
        assertThat(keys(running)).containsExactly("jid", "name", "jobType", "schedulerType", "start-time",
                "end-time", "duration", "state", "last-modification", "tasks", "pending-operators");
        assertThat(keys(running.path("tasks"))).containsExactly("running", "canceling", "canceled", "total",
                "created", "scheduled", "deploying", "reconciling", "finished", "initializing", "failed");
        assertThat(running.path("tasks").path("running").asInt()).isEqualTo(2 * 2);
        assertThat(running.path("tasks").path("total").asInt()).isEqualTo(2 * 2);
        assertThat(running.path("duration").asLong()).isEqualTo(2000);
        assertThat(running.path("end-time").asLong()).isEqualTo(-1);
        JsonNode finished = jobs.path(1);
        assertThat(finished.path("tasks").path("finished").asInt()).isEqualTo(2);
        assertThat(finished.path("last-modification").asLong()).isEqualTo(finished.path("end-time").asLong());
        assertThat(finished.path("duration").asLong()).isEqualTo(700);
    }

    @Test
    void detailsHaveFlinksKeysInFlinksOrder() {
        FlinkJob job = submit(emulator, JobBehaviour.DEFAULT, 2);
        advance(Duration.ofSeconds(1));

        JsonNode details = flink.get("/jobs/" + job.id()).json();

        assertThat(keys(details)).containsExactly("jid", "application-id", "name", "isStoppable", "state",
                "job-type", "schedulerType", "start-time", "end-time", "duration", "maxParallelism", "now",
                "timestamps", "vertices", "status-counts", "plan", "pending-operators");
        assertThat(details.path("name").asText()).isEqualTo("lifecycle-job");
        assertThat(details.path("job-type").asText()).isEqualTo("STREAMING");
        assertThat(details.path("maxParallelism").asInt()).isEqualTo(-1);
        assertThat(details.path("now").asLong()).isEqualTo(emulator.clock().millis());
        assertThat(keys(details.path("timestamps"))).isEqualTo(JobLifecycleTest.TIMESTAMP_KEYS);
        JsonNode vertex = details.path("vertices").path(0);
        assertThat(keys(vertex)).containsExactly("id", "slotSharingGroupId", "name", "maxParallelism",
                "parallelism", "status", "start-time", "end-time", "duration", "tasks", "metrics");
        assertThat(keys(vertex.path("tasks"))).isEqualTo(JobLifecycleTest.TASK_STATE_KEYS);
        assertThat(keys(vertex.path("metrics"))).containsExactly("read-bytes", "read-bytes-complete",
                "write-bytes", "write-bytes-complete", "read-records", "read-records-complete", "write-records",
                "write-records-complete", "accumulated-backpressured-time", "accumulated-idle-time",
                "accumulated-busy-time");
        assertThat(vertex.path("metrics").path("accumulated-busy-time").isDouble()).isTrue();
        assertThat(vertex.path("maxParallelism").asInt()).isEqualTo(128);
        assertThat(details.path("vertices").findValuesAsText("slotSharingGroupId")).containsOnly(
                vertex.path("slotSharingGroupId").asText());
        assertThat(details.path("status-counts").path("RUNNING").asInt()).isEqualTo(2);
    }

    @Test
    void planListsTheSinkFirstAndLinksEachNodeToItsInput() {
        FlinkJob job = submit(emulator, JobBehaviour.DEFAULT, 3);
        advance(Duration.ofSeconds(1));
        String source = job.vertices().get(0).id();
        String sink = job.vertices().get(1).id();

        JsonNode plan = flink.get("/jobs/" + job.id() + "/plan").json();

        assertThat(plan.toString()).isEqualTo("{\"plan\":{\"jid\":\"" + job.id() + "\",\"name\":\"lifecycle-job\","
                + "\"type\":\"STREAMING\",\"nodes\":[{\"id\":\"" + sink + "\",\"operator\":\"\",\"parallelism\":3,"
                + "\"operator_strategy\":\"\",\"description\":\"Sink: print<br/>\",\"optimizer_properties\":{},"
                + "\"inputs\":[{\"id\":\"" + source + "\",\"num\":0,\"exchange\":\"pipelined_bounded\","
                + "\"ship_strategy\":\"HASH\"}]},{\"id\":\"" + source + "\",\"operator\":\"\",\"parallelism\":3,"
                + "\"operator_strategy\":\"\",\"description\":\"Source: numbers<br/>+- map<br/>\","
                + "\"optimizer_properties\":{}}]}}");
        assertThat(flink.get("/jobs/" + job.id()).json().path("plan")).isEqualTo(plan.path("plan"));
    }

    @Test
    void theSameProgramGetsTheSameVertexIdsInEveryRun() {
        FlinkJob first = submitRunning(emulator);
        FlinkJob second = submitRunning(emulator);

        assertThat(second.vertices()).extracting(v -> v.id())
                .isEqualTo(first.vertices().stream().map(v -> v.id()).toList())
                .allMatch(id -> id.matches("[0-9a-f]{32}"));
        assertThat(second.vertices().get(0).slotSharingGroupId())
                .isNotEqualTo(first.vertices().get(0).slotSharingGroupId());
    }

    @Test
    void statusConfigAndAccumulatorsOfARunningJob() {
        FlinkJob job = submit(emulator, JobBehaviour.DEFAULT, 2);
        advance(Duration.ofSeconds(1));

        assertThat(flink.get("/jobs/" + job.id() + "/status").body()).isEqualTo("{\"status\":\"RUNNING\"}");
        assertThat(flink.get("/jobs/" + job.id() + "/config").body()).isEqualTo("{\"jid\":\"" + job.id()
                + "\",\"name\":\"lifecycle-job\",\"execution-config\":{\"restart-strategy\":\"Cluster level default "
                + "restart strategy\",\"job-parallelism\":2,\"object-reuse-mode\":false,\"user-config\":{}}}");
        String accumulators = "{\"job-accumulators\":[],\"user-task-accumulators\":[],"
                + "\"serialized-user-task-accumulators\":{}}";
        assertThat(flink.get("/jobs/" + job.id() + "/accumulators").body()).isEqualTo(accumulators);
        assertThat(flink.get("/jobs/" + job.id() + "/accumulators?includeSerializedValue=true").body())
                .isEqualTo(accumulators);
        assertThat(flink.get("/jobs/" + job.id() + "/exceptions").body())
                .isEqualTo("{\"exceptionHistory\":{\"entries\":[],\"truncated\":false}}");
        assertThat(flink.get("/jobs/" + job.id() + "/execution-result").body())
                .isEqualTo("{\"status\":{\"id\":\"IN_PROGRESS\"}}");
    }

    @Test
    void metricsListTheJobGaugesAndAnswerGetInFlinksOrder() {
        FlinkJob job = submitRunning(emulator);
        advance(Duration.ofMillis(1600));

        JsonNode names = flink.get("/jobs/" + job.id() + "/metrics").json();
        assertThat(names.findValuesAsText("id")).isEqualTo(METRIC_NAMES);
        assertThat(keys(names.path(0))).containsExactly("id");

        HttpResult values = flink.get("/jobs/" + job.id() + "/metrics?get=uptime,numRestarts,lastCheckpointSize,nope");
        assertThat(values.body()).isEqualTo("[{\"id\":\"lastCheckpointSize\",\"value\":\"-1\"},"
                + "{\"id\":\"numRestarts\",\"value\":\"0\"},{\"id\":\"uptime\",\"value\":\"1300\"}]");
        assertThat(flink.get("/jobs/" + job.id() + "/metrics?get=runningTime,deployingTime,"
                + "allSubTasksRunningOrFinishedTime,lastCheckpointExternalPath").json().toString())
                .contains("{\"id\":\"runningTime\",\"value\":\"1300\"}", "{\"id\":\"deployingTime\",\"value\":\"0\"}",
                        "{\"id\":\"allSubTasksRunningOrFinishedTime\",\"value\":\"1000\"}",
                        "{\"id\":\"lastCheckpointExternalPath\",\"value\":\"n/a\"}");
        assertThat(flink.get("/jobs/" + job.id() + "/metrics?get=createdTime,uptime,numRestarts").json()
                .findValuesAsText("id")).as("Flink's HashSet order").containsExactly("numRestarts", "createdTime",
                "uptime");
        assertThat(flink.get("/jobs/" + UNKNOWN + "/metrics").body()).isEqualTo("[]");
        assertThat(flink.get("/jobs/" + UNKNOWN + "/metrics?get=uptime").body()).isEqualTo("[]");
    }

    @Test
    void maxExceptionsLimitsTheHistoryAndMarksItTruncated() {
        FlinkJob job = submit(emulator, JobLifecycleTest.behaviour(JobBehaviour.Outcome.FAIL, Duration.ZERO, 1), 1);
        advance(Duration.ofMinutes(1));
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);

        JsonNode all = flink.get("/jobs/" + job.id() + "/exceptions").json().path("exceptionHistory");
        assertThat(all.path("entries").size()).isEqualTo(2);
        assertThat(all.path("truncated").asBoolean()).isFalse();
        JsonNode one = flink.get("/jobs/" + job.id() + "/exceptions?maxExceptions=1").json().path("exceptionHistory");
        assertThat(one.path("entries").size()).isEqualTo(1);
        assertThat(one.path("entries").path(0)).isEqualTo(all.path("entries").path(0));
        assertThat(one.path("truncated").asBoolean()).isTrue();

        HttpResult bad = flink.get("/jobs/" + job.id() + "/exceptions?maxExceptions=abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse parameters: Cannot "
                + "resolve query parameter (maxExceptions) from value \"abc\".");
    }

    @Test
    void aFailureLabelFilterMatchesNoEmulatedFailureAndAMalformedOneIsRefusedBeforeTheJobLookup() {
        FlinkJob job = submit(emulator, JobLifecycleTest.behaviour(JobBehaviour.Outcome.FAIL, Duration.ZERO, 1), 1);
        advance(Duration.ofMinutes(1));

        JsonNode filtered = flink.get("/jobs/" + job.id() + "/exceptions?failureLabelFilter=type:user")
                .json().path("exceptionHistory");
        assertThat(filtered.toString()).isEqualTo("{\"entries\":[],\"truncated\":false}");
        for (String malformed : List.of("bad", "a:b:c", "a:", "")) {
            HttpResult bad = flink.get("/jobs/" + UNKNOWN + "/exceptions?failureLabelFilter=" + malformed);
            assertThat(bad.status()).as(malformed).isEqualTo(400);
            assertThat(bad.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse parameters: "
                    + "Cannot resolve query parameter (failureLabelFilter) from value \"" + malformed + "\".");
        }
        HttpResult badMax = flink.get("/jobs/" + UNKNOWN + "/exceptions?maxExceptions=abc");
        assertThat(badMax.status()).isEqualTo(400);
    }

    @Test
    void historyShowsTwentyExceptionsUnlessAskedForMore() {
        FlinkJob job = submit(emulator, JobLifecycleTest.behaviour(JobBehaviour.Outcome.FAIL, Duration.ZERO, 25), 1);
        advance(Duration.ofMinutes(10));
        assertThat(job.failures()).hasSize(26);

        JsonNode defaults = flink.get("/jobs/" + job.id() + "/exceptions").json().path("exceptionHistory");
        assertThat(defaults.path("entries").size()).isEqualTo(20);
        assertThat(defaults.path("truncated").asBoolean()).isTrue();
        JsonNode all = flink.get("/jobs/" + job.id() + "/exceptions?maxExceptions=30").json().path("exceptionHistory");
        assertThat(all.path("entries").size()).isEqualTo(26);
        assertThat(all.path("truncated").asBoolean()).isFalse();
    }

    @Test
    void cancelAnswers202WithAnEmptyObjectAndAgainOnceCanceled() {
        FlinkJob job = submitRunning(emulator);
        advance(Duration.ofSeconds(1));

        HttpResult cancel = flink.patch("/jobs/" + job.id() + "?mode=cancel");
        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.body()).isEqualTo("{}");
        assertThat(cancel.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(flink.patch("/jobs/" + job.id()).status()).as("while CANCELLING").isEqualTo(202);
        advance(Duration.ofSeconds(1));
        assertThat(flink.patch("/jobs/" + job.id() + "?mode=CANCEL").status()).isEqualTo(202);
        assertThat(flink.get("/jobs/" + job.id() + "/yarn-cancel").body()).isEqualTo("{}");
        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FINISH", "FAIL"})
    void cancelOfAJobThatEndedOtherwiseIsAConflict(String outcome) {
        FlinkJob job = submit(emulator, JobLifecycleTest.behaviour(JobBehaviour.Outcome.valueOf(outcome),
                Duration.ofMillis(10), 0), 1);
        advance(Duration.ofMinutes(1));
        String state = job.status().name();

        HttpResult cancel = flink.patch("/jobs/" + job.id() + "?mode=cancel");

        assertThat(state).isIn("FINISHED", "FAILED");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.firstErrorLine()).isEqualTo(REST_HANDLER + "Job cancellation failed because the job has "
                + "already reached another terminal state (" + state + ").");
        assertThat(job.status().name()).isEqualTo(state);
    }

    @Test
    void cancelErrors() {
        FlinkJob job = submitRunning(emulator);
        advance(Duration.ofSeconds(1));

        HttpResult unknown = flink.patch("/jobs/" + UNKNOWN + "?mode=cancel");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.firstErrorLine()).isEqualTo(REST_HANDLER + "Job could not be found.");
        assertThat(flink.get("/jobs/" + UNKNOWN + "/yarn-cancel").firstErrorLine())
                .isEqualTo(REST_HANDLER + "Job could not be found.");

        HttpResult stop = flink.patch("/jobs/" + job.id() + "?mode=stop");
        assertThat(stop.status()).isEqualTo(308);
        assertThat(stop.firstErrorLine()).isEqualTo(STOP_REMOVED);
        HttpResult yarnStop = flink.get("/jobs/" + job.id() + "/yarn-stop");
        assertThat(yarnStop.status()).isEqualTo(308);
        assertThat(yarnStop.firstErrorLine()).isEqualTo(STOP_REMOVED);

        HttpResult bogus = flink.patch("/jobs/" + job.id() + "?mode=bogus");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse parameters: "
                + "Cannot resolve query parameter (mode) from value \"bogus\".");

        HttpResult malformed = flink.patch("/jobs/nothex");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse parameters: "
                + "Cannot resolve path parameter (jobid) from value \"nothex\".");
        assertThat(job.status()).as("none of these cancelled the job").isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void unknownJobAnswersPerEndpointAsFlinkDoes() {
        String base = "/jobs/" + UNKNOWN;
        for (String path : List.of("", "/exceptions", "/config", "/plan", "/accumulators")) {
            HttpResult result = flink.get(base + path);
            assertThat(result.status()).as(path).isEqualTo(404);
            assertThat(result.firstErrorLine()).as(path).isEqualTo(NOT_FOUND + "Job " + UNKNOWN + " not found");
            assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        }
        for (String path : List.of("/status", "/resource-requirements")) {
            HttpResult result = flink.get(base + path);
            assertThat(result.status()).as(path).isEqualTo(500);
            assertThat(result.json().path("errors").path(0).asText()).isEqualTo("Internal server error.");
            assertThat(result.json().path("errors").path(1).asText()).startsWith("<Exception on server side:\n"
                    + JOB_NOT_FOUND + "\n");
        }
        HttpResult executionResult = flink.get(base + "/execution-result");
        assertThat(executionResult.status()).isEqualTo(404);
        assertThat(executionResult.firstErrorLine()).isEqualTo(REST_HANDLER + JOB_NOT_FOUND);
        HttpResult metrics = flink.get(base + "/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).isEqualTo("[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nothex", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdeg"})
    void malformedJobIdsAreABadPathParameter(String id) {
        for (String path : List.of("/jobs/" + id, "/jobs/" + id + "/status", "/jobs/" + id + "/metrics",
                "/jobs/" + id + "/execution-result")) {
            HttpResult result = flink.get(path);
            assertThat(result.status()).as(path).isEqualTo(400);
            assertThat(result.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse parameters: "
                    + "Cannot resolve path parameter (jobid) from value \"" + id + "\".");
        }
    }

    @Test
    void jobIdsAreParsedAsFlinkDoesUpperCaseAndA33rdCharacterAccepted() {
        FlinkJob job = submitRunning(emulator);
        advance(Duration.ofSeconds(1));

        HttpResult upper = flink.get("/jobs/" + job.id().toUpperCase(Locale.ROOT));
        assertThat(upper.status()).isEqualTo(200);
        assertThat(upper.json().path("jid").asText()).isEqualTo(job.id());
        assertThat(flink.get("/jobs/" + job.id() + "0/status").body()).isEqualTo("{\"status\":\"RUNNING\"}");
        assertThat(flink.patch("/jobs/" + job.id().toUpperCase(Locale.ROOT) + "f").status()).isEqualTo(202);
    }

    @Test
    void pathsAreMatchedByTokensAndServedUnderV1() {
        FlinkJob job = submitRunning(emulator);
        String expected = "{\"jobs\":[{\"id\":\"" + job.id() + "\",\"status\":\"INITIALIZING\"}]}";

        assertThat(flink.get("/jobs/").body()).isEqualTo(expected);
        assertThat(flink.get("//jobs").body()).isEqualTo(expected);
        assertThat(flink.get("/v1/jobs").body()).isEqualTo(expected);
        assertThat(flink.get("/v1/jobs//" + job.id() + "/status/").body()).isEqualTo("{\"status\":\"INITIALIZING\"}");
        assertThat(flink.get("/v1/jobs/overview").json().path("jobs").path(0).path("jid").asText())
                .isEqualTo(job.id());
        assertThat(flink.get("/jobs/" + job.id() + "/nope").status()).isEqualTo(404);
    }

    @Test
    void resourceRequirementsAreUnsupportedByTheDefaultScheduler() {
        FlinkJob job = submitRunning(emulator);
        advance(Duration.ofSeconds(1));

        HttpResult get = flink.get("/jobs/" + job.id() + "/resource-requirements");
        assertThat(get.status()).isEqualTo(500);
        assertThat(get.json().path("errors").path(1).asText()).startsWith("<Exception on server side:\njava.lang."
                + "UnsupportedOperationException: The DefaultScheduler does not support changing the parallelism "
                + "without a job restart. This feature is currently only expected to work with the "
                + "AdaptiveScheduler.\n");

        String source = job.vertices().get(0).id();
        HttpResult put = flink.put("/jobs/" + job.id() + "/resource-requirements", "{\"" + source
                + "\":{\"parallelism\":{\"lowerBound\":1,\"upperBound\":3}}}");
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.firstErrorLine()).isEqualTo(REST_HANDLER + "The request is incomplete, missing job vertex ["
                + job.vertices().get(1).id() + "] resource requirements.");
    }

    @Test
    void rescaleViewsNeedTheAdaptiveScheduler() {
        FlinkJob job = submitRunning(emulator);
        advance(Duration.ofSeconds(1));
        String base = "/jobs/" + job.id() + "/rescales/";

        HttpResult config = flink.get(base + "config");
        assertThat(config.status()).isEqualTo(404);
        assertThat(config.firstErrorLine()).isEqualTo(REST_HANDLER + "AdaptiveScheduler is not enabled for this job ("
                + job.id() + ").");
        for (String view : List.of("history", "overview", "summary")) {
            HttpResult result = flink.get(base + view);
            assertThat(result.status()).isEqualTo(404);
            assertThat(result.firstErrorLine()).isEqualTo("org.apache.flink.runtime.rest.handler.job.rescales."
                    + "RescalesUnavailableException: The job `" + job.id() + "` has not enabled the `Adaptive` "
                    + "scheduler, or it has been enabled but the value of configuration option "
                    + "`web.adaptive-scheduler.rescale-history.size` has not been set to greater than `0`.");
        }
        assertThat(flink.get(base + "details/" + UNKNOWN).firstErrorLine()).isEqualTo(REST_HANDLER
                + "AdaptiveScheduler rescales was not enabled for job " + job.id() + ".");
        assertThat(flink.get("/jobs/" + UNKNOWN + "/rescales/config").firstErrorLine())
                .isEqualTo(NOT_FOUND + "Job " + UNKNOWN + " not found");
    }

    @Test
    void clientHeartbeatIsAcceptedAndLogUrlsPointIntoTheWebUi() {
        FlinkJob job = submitRunning(emulator);

        HttpResult heartbeat = flink.send("PATCH", "/jobs/" + job.id() + "/clientHeartbeat",
                "{\"expiredTimestamp\":1795425645185}".getBytes(), "application/json");
        assertThat(heartbeat.status()).isEqualTo(202);
        assertThat(heartbeat.body()).isEqualTo("{}");

        HttpResult jobManager = flink.get("/jobs/" + job.id() + "/jobmanager/log-url");
        assertThat(jobManager.body()).isEqualTo("{\"url\":\"" + flink.baseUrl() + "/#/job-manager/logs\"}");
        assertThat(jobManager.header("access-control-allow-origin")).isNull();
        HttpResult taskManager = flink.get("/jobs/" + job.id() + "/taskmanagers/tm-1/log-url");
        assertThat(taskManager.body()).isEqualTo("{\"url\":\"" + flink.baseUrl() + "/#/task-manager/tm-1/logs\"}");
    }

    @Test
    void theJobsJobManagerIsTheClustersEvenForAnUnknownJob() {
        for (String view : List.of("config", "environment")) {
            HttpResult result = flink.get("/jobs/" + UNKNOWN + "/jobmanager/" + view);
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.json()).isEqualTo(flink.get("/jobmanager/" + view).json());
        }
        assertThat(flink.get("/jobs/nothex/jobmanager/config").status()).isEqualTo(400);
    }

    @Test
    void submittingAJobGraphWithoutItsFileIsRefused() {
        HttpResult result = flink.post("/jobs", "{}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(REST_HANDLER + "The jobGraphFileName field must not be omitted "
                + "or be null.");
    }
}
