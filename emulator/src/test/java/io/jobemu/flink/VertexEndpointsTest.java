package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobSpec;
import io.jobemu.flink.jobs.JobStatus;
import io.jobemu.flink.jobs.JobVertex;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /jobs/{jobid}/vertices/{vertexid}/...}, compared with what a real Flink 2.3.0 answered. */
class VertexEndpointsTest extends EmulatorTest {

    private static final String UNKNOWN = "00000000000000000000000000000000";
    private static final String REST_HANDLER = "org.apache.flink.runtime.rest.handler.RestHandlerException: ";
    private static final String NOT_FOUND = "org.apache.flink.runtime.rest.NotFoundException: ";
    private static final String BAD_PATH = REST_HANDLER
            + "Bad request, could not parse parameters: Cannot resolve path parameter ";
    private static final String NO_WATERMARK = String.valueOf(Long.MIN_VALUE);
    private static final List<String> SUBTASK_KEYS = List.of("subtask", "status", "attempt", "endpoint",
            "start-time", "end-time", "duration", "metrics", "taskmanager-id", "status-duration", "start_time");
    private static final List<String> STATS_KEYS = List.of("p25", "min", "avg", "median", "max", "sum", "p95",
            "p75");

    // ---- vertex details

    @Test
    void detailsOfARunningVertexListEveryRunningSubtaskOnTheListedTaskManager() {
        FlinkJob job = runningJob(3);
        JobVertex source = job.vertices().get(0);
        String taskManagerId = flink.get("/taskmanagers").json().path("taskmanagers").path(0).path("id").asText();

        HttpResult result = flink.get(vertexPath(job, source));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        JsonNode view = result.json();
        assertThat(keys(view)).containsExactly("id", "name", "parallelism", "maxParallelism", "now", "subtasks",
                "aggregated");
        assertThat(view.path("id").asText()).isEqualTo(source.id());
        assertThat(view.path("name").asText()).isEqualTo("Source: Emulated Source");
        assertThat(view.path("parallelism").asInt()).isEqualTo(3);
        assertThat(view.path("maxParallelism").asInt()).isEqualTo(128);
        assertThat(view.path("now").asLong()).isEqualTo(now());
        JsonNode subtasks = view.path("subtasks");
        assertThat(subtasks).hasSize(3);
        long deploying = job.vertexStartTime();
        for (int i = 0; i < 3; i++) {
            JsonNode subtask = subtasks.path(i);
            assertThat(keys(subtask)).containsExactlyElementsOf(SUBTASK_KEYS);
            assertThat(subtask.path("subtask").asInt()).isEqualTo(i);
            assertThat(subtask.path("status").asText()).isEqualTo("RUNNING");
            assertThat(subtask.path("attempt").asInt()).isZero();
            assertThat(subtask.path("endpoint").asText()).isEqualTo("localhost:-1");
            assertThat(subtask.path("taskmanager-id").asText()).isEqualTo(taskManagerId);
            assertThat(subtask.path("start-time").asLong()).isEqualTo(deploying);
            assertThat(subtask.path("start_time").asLong()).isEqualTo(deploying);
            assertThat(subtask.path("end-time").asLong()).isEqualTo(-1);
            assertThat(subtask.path("duration").asLong()).isEqualTo(now() - deploying);
            assertThat(keys(subtask.path("status-duration"))).containsExactly("SCHEDULED", "RUNNING", "DEPLOYING",
                    "INITIALIZING", "CREATED");
            assertThat(subtask.path("status-duration").path("RUNNING").asLong())
                    .isEqualTo(now() - job.tasksRunningSince());
            assertThat(subtask.path("status-duration").path("DEPLOYING").asLong())
                    .isEqualTo(job.tasksRunningSince() - deploying);
        }
        JsonNode aggregated = view.path("aggregated");
        assertThat(keys(aggregated.path("metrics"))).containsExactly("write-records",
                "accumulated-backpressured-time", "accumulated-idle-time", "write-bytes", "read-bytes",
                "read-records", "accumulated-busy-time");
        assertThat(keys(aggregated.path("status-duration"))).containsExactly("CREATED", "RUNNING", "INITIALIZING",
                "SCHEDULED", "DEPLOYING");
        JsonNode running = aggregated.path("status-duration").path("RUNNING");
        assertThat(keys(running)).containsExactlyElementsOf(STATS_KEYS);
        assertThat(running.path("sum").asLong()).isEqualTo(3 * (now() - job.tasksRunningSince()));
    }

    @Test
    void subtaskMetricsAddUpToTheVertexMetricsOfTheJobDetails() {
        FlinkJob job = runningJob(2);
        JobVertex sink = job.vertices().get(1);

        JsonNode jobVertex = flink.get("/jobs/" + job.id()).json().path("vertices").path(1);
        JsonNode subtask = flink.get(vertexPath(job, sink)).json().path("subtasks").path(0);

        assertThat(subtask.path("metrics")).isEqualTo(jobVertex.path("metrics"));
        assertThat(subtask.path("start-time")).isEqualTo(jobVertex.path("start-time"));
        assertThat(subtask.path("status")).isEqualTo(jobVertex.path("status"));
    }

    @Test
    void subtasksOfACancelledJobAreCanceledAtTheJobsEndTime() {
        FlinkJob job = runningJob(2);
        job.cancel();
        advance(Duration.ofSeconds(1));
        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);

        JsonNode subtasks = flink.get(vertexPath(job, job.vertices().get(0))).json().path("subtasks");

        assertThat(subtasks).hasSize(2);
        for (JsonNode subtask : subtasks) {
            assertThat(subtask.path("status").asText()).isEqualTo("CANCELED");
            assertThat(subtask.path("end-time").asLong()).isEqualTo(job.endTime());
            assertThat(subtask.path("duration").asLong()).isEqualTo(job.endTime() - job.vertexStartTime());
        }
        JsonNode times = flink.get(vertexPath(job, job.vertices().get(0)) + "/subtasktimes").json();
        JsonNode timestamps = times.path("subtasks").path(0).path("timestamps");
        assertThat(timestamps.path("CANCELED").asLong()).isEqualTo(job.endTime());
        assertThat(timestamps.path("CANCELING").asLong()).isEqualTo(job.timestamps().get(JobStatus.CANCELLING));
    }

    @Test
    void subtasksAreDeployingAndUnassignedBeforeThat() {
        FlinkJob job = submit(JobBehaviour.DEFAULT, 2);
        advance(Duration.ofMillis(250));
        assertThat(job.status()).isEqualTo(JobStatus.CREATED);

        JsonNode created = flink.get(vertexPath(job, job.vertices().get(0)) + "/subtasks/1").json();
        assertThat(created.path("status").asText()).isEqualTo("CREATED");
        assertThat(created.path("endpoint").asText()).isEqualTo("(unassigned)");
        assertThat(created.path("taskmanager-id").asText()).isEqualTo("(unassigned)");
        assertThat(created.path("start-time").asLong()).isEqualTo(-1);
        assertThat(created.path("duration").asLong()).isEqualTo(-1);
        assertThat(created.path("status-duration").path("RUNNING").asLong()).isEqualTo(-1);

        advance(Duration.ofMillis(100));
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        JsonNode deploying = flink.get(vertexPath(job, job.vertices().get(0)) + "/subtasks/1").json();
        assertThat(deploying.path("status").asText()).isEqualTo("DEPLOYING");
        assertThat(deploying.path("endpoint").asText()).isEqualTo("localhost:-1");
        assertThat(deploying.path("start-time").asLong()).isEqualTo(job.vertexStartTime());
    }

    @Test
    void aRestartedJobRunsItsSubtasksAsANewAttempt() {
        JobBehaviour restartOnce = new JobBehaviour(JobBehaviour.Outcome.RUN, null, null, 1, Duration.ofSeconds(2),
                null, null, null);
        FlinkJob job = submit(restartOnce, 1);
        advance(Duration.ofSeconds(5));
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        String subtask = vertexPath(job, job.vertices().get(0)) + "/subtasks/0";

        assertThat(flink.get(subtask).json().path("attempt").asInt()).isEqualTo(1);
        HttpResult current = flink.get(subtask + "/attempts/1");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().path("status").asText()).isEqualTo("RUNNING");
        HttpResult earlier = flink.get(subtask + "/attempts/0");
        assertThat(earlier.status()).isEqualTo(404);
        assertThat(earlier.firstErrorLine()).isEqualTo(REST_HANDLER
                + "Attempt 0 not found in subtask Source: Emulated Source (1/1)");
    }

    // ---- subtasks

    @Test
    void aSubtaskAndItsCurrentAttemptAreTheSameView() {
        FlinkJob job = runningJob(2);
        String subtask = vertexPath(job, job.vertices().get(0)) + "/subtasks/1";

        HttpResult current = flink.get(subtask);
        HttpResult attempt = flink.get(subtask + "/attempts/0");

        assertThat(current.status()).isEqualTo(200);
        assertThat(attempt.status()).isEqualTo(200);
        assertThat(keys(current.json())).containsExactlyElementsOf(SUBTASK_KEYS);
        assertThat(attempt.json()).isEqualTo(current.json());
        assertThat(current.json().path("subtask").asInt()).isEqualTo(1);
    }

    @Test
    void subtaskTimesHaveATimestampForEveryTaskState() {
        FlinkJob job = runningJob(2);

        JsonNode view = flink.get(vertexPath(job, job.vertices().get(1)) + "/subtasktimes").json();

        assertThat(keys(view)).containsExactly("id", "name", "now", "subtasks");
        JsonNode subtask = view.path("subtasks").path(1);
        assertThat(keys(subtask)).containsExactly("subtask", "endpoint", "duration", "timestamps");
        assertThat(keys(subtask.path("timestamps"))).containsExactly("CANCELING", "SCHEDULED", "RUNNING", "FAILED",
                "DEPLOYING", "FINISHED", "INITIALIZING", "CANCELED", "RECONCILING", "CREATED");
        JsonNode timestamps = subtask.path("timestamps");
        assertThat(timestamps.path("CREATED").asLong()).isEqualTo(job.timestamps().get(JobStatus.CREATED));
        assertThat(timestamps.path("DEPLOYING").asLong()).isEqualTo(job.vertexStartTime());
        assertThat(timestamps.path("RUNNING").asLong()).isEqualTo(job.tasksRunningSince());
        assertThat(timestamps.path("CANCELED").asLong()).isZero();
        assertThat(subtask.path("duration").asLong()).isEqualTo(now() - timestamps.path("SCHEDULED").asLong());
    }

    @Test
    void taskManagersViewGroupsAllSubtasksOnTheOneTaskManager() {
        FlinkJob job = runningJob(2);
        String taskManagerId = flink.get("/taskmanagers").json().path("taskmanagers").path(0).path("id").asText();

        JsonNode view = flink.get(vertexPath(job, job.vertices().get(0)) + "/taskmanagers").json();

        assertThat(keys(view)).containsExactly("id", "name", "now", "taskmanagers");
        assertThat(view.path("taskmanagers")).hasSize(1);
        JsonNode entry = view.path("taskmanagers").path(0);
        assertThat(keys(entry)).containsExactly("endpoint", "status", "start-time", "end-time", "duration",
                "metrics", "status-counts", "taskmanager-id", "aggregated");
        assertThat(entry.path("taskmanager-id").asText()).isEqualTo(taskManagerId);
        assertThat(entry.path("status").asText()).isEqualTo("RUNNING");
        assertThat(entry.path("status-counts").path("RUNNING").asInt()).isEqualTo(2);
        assertThat(entry.path("status-counts").path("CANCELED").asInt()).isZero();
        assertThat(entry.path("start-time").asLong()).isEqualTo(job.vertexStartTime());
        assertThat(entry.path("end-time").asLong()).isEqualTo(-1);
    }

    @Test
    void accumulatorsAreEmptyButNameTheirSubtasksAndAttempts() {
        FlinkJob job = runningJob(2);
        JobVertex source = job.vertices().get(0);

        assertThat(flink.get(vertexPath(job, source) + "/accumulators").body())
                .isEqualTo("{\"id\":\"" + source.id() + "\",\"user-accumulators\":[]}");
        assertThat(flink.get(vertexPath(job, source) + "/subtasks/accumulators").body())
                .isEqualTo("{\"id\":\"" + source.id() + "\",\"parallelism\":2,\"subtasks\":["
                        + "{\"subtask\":0,\"attempt\":0,\"endpoint\":\"localhost:-1\",\"user-accumulators\":[]},"
                        + "{\"subtask\":1,\"attempt\":0,\"endpoint\":\"localhost:-1\",\"user-accumulators\":[]}]}");
        JsonNode attempt = flink.get(vertexPath(job, source) + "/subtasks/1/attempts/0/accumulators").json();
        assertThat(keys(attempt)).containsExactly("subtask", "attempt", "id", "user-accumulators");
        assertThat(attempt.path("id").asText()).matches("[0-9a-f]{32}_" + source.id() + "_1_0");
    }

    // ---- metrics, back pressure, watermarks, flame graphs

    @Test
    void vertexMetricsAreListedPerSubtaskAndAnsweredAsStrings() {
        FlinkJob job = runningJob(2);
        String metrics = vertexPath(job, job.vertices().get(0)) + "/metrics";

        List<String> names = ids(flink.get(metrics).json());
        assertThat(names).contains("0.numRecordsOut", "1.numRecordsOut", "0.Source__Emulated_Source.numRecordsOut",
                "1.busyTimeMsPerSecond");

        HttpResult values = flink.get(metrics + "?get=0.numRecordsOut,1.numRecordsOut,no.such.metric");
        assertThat(values.status()).isEqualTo(200);
        assertThat(values.body()).isEqualTo("[{\"id\":\"1.numRecordsOut\",\"value\":\"0\"},"
                + "{\"id\":\"0.numRecordsOut\",\"value\":\"0\"}]");
    }

    @Test
    void subtaskMetricsAreAggregatedOverTheChosenSubtasks() {
        FlinkJob job = runningJob(2);
        String metrics = vertexPath(job, job.vertices().get(0)) + "/subtasks/metrics";

        assertThat(ids(flink.get(metrics).json())).contains("numRecordsOut", "idleTimeMsPerSecond");
        assertThat(flink.get(metrics + "?get=numRecordsOut").body())
                .isEqualTo("[{\"id\":\"numRecordsOut\",\"min\":0.0,\"max\":0.0,\"avg\":0.0,\"sum\":0.0,\"skew\":0.0}]");
        assertThat(flink.get(metrics + "?get=idleTimeMsPerSecond&agg=sum,avg&subtasks=0-1").body())
                .isEqualTo("[{\"id\":\"idleTimeMsPerSecond\",\"avg\":1000.0,\"sum\":2000.0}]");
        assertThat(flink.get(metrics + "?get=idleTimeMsPerSecond&agg=sum&subtasks=1,x").body())
                .isEqualTo("[{\"id\":\"idleTimeMsPerSecond\",\"sum\":1000.0}]");

        HttpResult badAggregation = flink.get(metrics + "?get=numRecordsOut&agg=bogus");
        assertThat(badAggregation.status()).isEqualTo(400);
        assertThat(badAggregation.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse "
                + "parameters: Cannot resolve query parameter (agg) from value \"bogus\".");
    }

    @Test
    void oneSubtasksMetricsAreItsOwn() {
        FlinkJob job = runningJob(2);
        String subtask = vertexPath(job, job.vertices().get(1)) + "/subtasks/0/metrics";

        assertThat(ids(flink.get(subtask).json())).contains("numRecordsIn", "currentInputWatermark",
                "Sink__Emulated_Sink.currentInputWatermark").doesNotContain("0.numRecordsIn");
        assertThat(flink.get(subtask + "?get=numRecordsOut,numRecordsIn").body())
                .isEqualTo("[{\"id\":\"numRecordsOut\",\"value\":\"0\"},{\"id\":\"numRecordsIn\",\"value\":\"0\"}]");
        assertThat(flink.get(vertexPath(job, job.vertices().get(1)) + "/subtasks/7/metrics").body())
                .isEqualTo("[]");
    }

    @Test
    void metricEndpointsAnswerAnEmptyListForWhatTheMetricStoreDoesNotKnow() {
        FlinkJob job = submit(JobBehaviour.DEFAULT, 2);
        String vertex = vertexPath(job, job.vertices().get(0));
        assertThat(flink.get(vertex + "/metrics").body()).isEqualTo("[]");

        advance(Duration.ofSeconds(1));
        for (String path : List.of("/jobs/" + job.id() + "/vertices/" + UNKNOWN + "/metrics",
                "/jobs/" + UNKNOWN + "/vertices/" + UNKNOWN + "/metrics",
                "/jobs/" + UNKNOWN + "/vertices/" + UNKNOWN + "/subtasks/metrics?get=numRecordsOut",
                "/jobs/" + UNKNOWN + "/vertices/" + UNKNOWN + "/subtasks/0/metrics",
                "/jobs/" + UNKNOWN + "/vertices/" + UNKNOWN + "/jm-operator-metrics")) {
            HttpResult result = flink.get(path);
            assertThat(result.status()).as(path).isEqualTo(200);
            assertThat(result.body()).as(path).isEqualTo("[]");
        }
    }

    @Test
    void onlyTheSourceHasJobManagerOperatorMetrics() {
        FlinkJob job = runningJob(1);

        assertThat(flink.get(vertexPath(job, job.vertices().get(0)) + "/jm-operator-metrics").body())
                .isEqualTo("[{\"id\":\"Source__Emulated_Source.coordinator.enumerator.unassignedSplits\"}]");
        assertThat(flink.get(vertexPath(job, job.vertices().get(1)) + "/jm-operator-metrics").body())
                .isEqualTo("[]");
    }

    @Test
    void backPressureIsReportedPerSubtaskOnceTheTasksRun() {
        FlinkJob job = runningJob(2);

        JsonNode view = flink.get(vertexPath(job, job.vertices().get(0)) + "/backpressure").json();

        assertThat(keys(view)).containsExactly("status", "backpressureLevel", "end-timestamp", "subtasks",
                "backpressure-level");
        assertThat(view.path("status").asText()).isEqualTo("ok");
        assertThat(view.path("end-timestamp").asLong()).isBetween(job.vertexStartTime(), now());
        assertThat(view.path("subtasks")).hasSize(2);
        JsonNode subtask = view.path("subtasks").path(1);
        assertThat(keys(subtask)).containsExactly("subtask", "backpressureLevel", "ratio", "idleRatio", "busyRatio",
                "backpressure-level");
        assertThat(subtask.path("idleRatio").asDouble()).isEqualTo(1.0);
        assertThat(subtask.path("ratio").asDouble()).isEqualTo(0.0);
    }

    @Test
    void backPressureIsDeprecatedWithoutMetricsEvenForUnknownJobsAndVertices() {
        FlinkJob job = submit(JobBehaviour.DEFAULT, 2);
        String deprecated = "{\"status\":\"deprecated\"}";

        assertThat(flink.get(vertexPath(job, job.vertices().get(0)) + "/backpressure").body()).isEqualTo(deprecated);
        advance(Duration.ofSeconds(1));
        HttpResult unknownVertex = flink.get("/jobs/" + job.id() + "/vertices/" + UNKNOWN + "/backpressure");
        assertThat(unknownVertex.status()).isEqualTo(200);
        assertThat(unknownVertex.body()).isEqualTo(deprecated);
        assertThat(flink.get("/jobs/" + UNKNOWN + "/vertices/" + UNKNOWN + "/backpressure").body())
                .isEqualTo(deprecated);
    }

    @Test
    void watermarksArePerSubtaskInputWatermarksWhichASourceHasNot() {
        FlinkJob job = runningJob(2);

        assertThat(flink.get(vertexPath(job, job.vertices().get(0)) + "/watermarks").body()).isEqualTo("[]");
        assertThat(flink.get(vertexPath(job, job.vertices().get(1)) + "/watermarks").body())
                .isEqualTo("[{\"id\":\"0.currentInputWatermark\",\"value\":\"" + NO_WATERMARK + "\"},"
                        + "{\"id\":\"1.currentInputWatermark\",\"value\":\"" + NO_WATERMARK + "\"}]");
    }

    @Test
    void flameGraphsAreDisabled() {
        FlinkJob job = runningJob(1);
        String flameGraph = vertexPath(job, job.vertices().get(0)) + "/flamegraph";

        assertThat(flink.get(flameGraph).body()).isEqualTo("{\"endTimestamp\":-2}");
        assertThat(flink.get(flameGraph + "?type=off_cpu&subtaskindex=0").body()).isEqualTo("{\"endTimestamp\":-2}");
        HttpResult badType = flink.get(flameGraph + "?type=bogus");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse parameters: "
                + "Cannot resolve query parameter (type) from value \"bogus\".");
    }

    // ---- errors

    @ParameterizedTest
    @ValueSource(strings = {"", "/accumulators", "/subtasks/accumulators", "/subtasks/0", "/subtasks/0/attempts/0",
            "/subtasks/0/attempts/0/accumulators", "/subtasktimes", "/taskmanagers", "/watermarks"})
    void anUnknownJobIsNotFound(String endpoint) {
        HttpResult result = flink.get("/jobs/" + UNKNOWN + "/vertices/" + UNKNOWN + endpoint);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.firstErrorLine()).isEqualTo(NOT_FOUND + "Job " + UNKNOWN + " not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/taskmanagers"})
    void anUnknownVertexIsAJobVertexNotFoundForDetailsAndTaskManagers(String endpoint) {
        FlinkJob job = runningJob(1);

        HttpResult result = flink.get("/jobs/" + job.id() + "/vertices/" + UNKNOWN + endpoint);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.firstErrorLine()).isEqualTo(NOT_FOUND + "JobVertex " + UNKNOWN + " not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/accumulators", "/subtasks/accumulators", "/subtasks/0", "/subtasks/0/attempts/0",
            "/subtasks/0/attempts/0/accumulators", "/subtasktimes", "/watermarks"})
    void anUnknownVertexHasNoSuchIdForTheOtherExecutionGraphEndpoints(String endpoint) {
        FlinkJob job = runningJob(1);

        HttpResult result = flink.get("/jobs/" + job.id() + "/vertices/" + UNKNOWN + endpoint);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.firstErrorLine()).isEqualTo(REST_HANDLER + "No vertex with ID '" + UNKNOWN + "' exists.");
    }

    @Test
    void aJobStillInitializingHasNoVerticesYet() {
        FlinkJob job = submit(JobBehaviour.DEFAULT, 1);

        HttpResult result = flink.get(vertexPath(job, job.vertices().get(0)));

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.firstErrorLine()).isEqualTo(NOT_FOUND + "JobVertex " + job.vertices().get(0).id()
                + " not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/subtasks/0", "/metrics", "/backpressure", "/flamegraph", "/watermarks"})
    void aMalformedVertexIdIsABadRequest(String endpoint) {
        FlinkJob job = runningJob(1);

        HttpResult result = flink.get("/jobs/" + job.id() + "/vertices/xyz" + endpoint);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(BAD_PATH + "(vertexid) from value \"xyz\".");
    }

    @Test
    void aSubtaskIndexMustBeANonNegativeNumberBelowTheParallelism() {
        FlinkJob job = runningJob(2);
        JobVertex source = job.vertices().get(0);
        String subtasks = vertexPath(job, source) + "/subtasks/";

        HttpResult outOfRange = flink.get(subtasks + "7");
        assertThat(outOfRange.status()).isEqualTo(404);
        assertThat(outOfRange.firstErrorLine()).isEqualTo(REST_HANDLER + "Invalid subtask index for vertex "
                + source.id());
        assertThat(flink.get(subtasks + "2/attempts/0").status()).isEqualTo(404);
        for (String index : List.of("-1", "abc", "99999999999")) {
            HttpResult malformed = flink.get(subtasks + index);
            assertThat(malformed.status()).as(index).isEqualTo(400);
            assertThat(malformed.firstErrorLine()).isEqualTo(BAD_PATH + "(subtaskindex) from value \"" + index
                    + "\".");
        }
        assertThat(flink.get(subtasks + "-1/metrics").status()).isEqualTo(400);
    }

    @Test
    void anAttemptOtherThanTheCurrentOneIsInvalid() {
        FlinkJob job = runningJob(1);
        String attempts = vertexPath(job, job.vertices().get(0)) + "/subtasks/0/attempts/";

        for (String attempt : List.of("5", "-1")) {
            HttpResult result = flink.get(attempts + attempt);
            assertThat(result.status()).as(attempt).isEqualTo(404);
            assertThat(result.firstErrorLine()).isEqualTo(REST_HANDLER + "Invalid attempt num " + attempt);
        }
        HttpResult accumulators = flink.get(attempts + "5/accumulators");
        assertThat(accumulators.status()).isEqualTo(404);
        HttpResult malformed = flink.get(attempts + "x");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.firstErrorLine()).isEqualTo(BAD_PATH + "(attempt) from value \"x\".");
    }

    // ---- helpers

    private FlinkJob submit(JobBehaviour behaviour, int parallelism) {
        return emulator.flink().cluster().jobs().submit(new JobSpec(null, "x.jar", "example.Job", List.of(),
                parallelism, null, false, behaviour)).orElseThrow();
    }

    /** A job whose tasks are all RUNNING. */
    private FlinkJob runningJob(int parallelism) {
        FlinkJob job = submit(JobBehaviour.DEFAULT, parallelism);
        advance(Duration.ofSeconds(1));
        assertThat(job.tasksRunningSince()).isPositive();
        return job;
    }

    private static String vertexPath(FlinkJob job, JobVertex vertex) {
        return "/jobs/" + job.id() + "/vertices/" + vertex.id();
    }

    private long now() {
        return emulator.clock().millis();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(entry -> ids.add(entry.path("id").asText()));
        return ids;
    }
}
