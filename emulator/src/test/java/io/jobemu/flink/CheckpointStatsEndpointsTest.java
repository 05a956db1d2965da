package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobSpec;
import io.jobemu.flink.jobs.JobStatus;
import io.jobemu.flink.jobs.JobVertex;
import io.jobemu.flink.jobs.OperationListener;
import io.jobemu.flink.jobs.SavepointFollowUp;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /jobs/{jobid}/checkpoints[/config|/details/...]}, compared with what a real Flink 2.3.0 answered. */
class CheckpointStatsEndpointsTest extends EmulatorTest {

    private static final String UNKNOWN = "00000000000000000000000000000000";
    private static final String REST_HANDLER = "org.apache.flink.runtime.rest.handler.RestHandlerException: ";
    private static final String NOT_FOUND = "org.apache.flink.runtime.rest.NotFoundException: ";
    private static final JobBehaviour EVERY_SECOND = new JobBehaviour(JobBehaviour.Outcome.RUN, null, null, 0, null,
            null, null, Duration.ofSeconds(1));
    private static final List<String> COMPLETED_KEYS = List.of("className", "id", "status", "is_savepoint",
            "savepointFormat", "trigger_timestamp", "latest_ack_timestamp", "checkpointed_size", "state_size",
            "end_to_end_duration", "alignment_buffered", "processed_data", "persisted_data", "num_subtasks",
            "num_acknowledged_subtasks", "checkpoint_type", "tasks", "external_path", "discarded");
    private static final List<String> SUMMARY_STATS_KEYS = List.of("min", "max", "avg", "p50", "p90", "p95", "p99",
            "p999");
    private static final OperationListener IGNORED = new OperationListener() {
        @Override
        public void completed(long checkpointId, String location) {
        }

        @Override
        public void failed(String exceptionClass, String message) {
        }
    };

    // ---- statistics

    @Test
    void periodicCheckpointsAreCountedSummarisedAndListedNewestFirst() {
        FlinkJob job = submit(EVERY_SECOND, 2);
        advance(Duration.ofMillis(3900));

        HttpResult result = flink.get("/jobs/" + job.id() + "/checkpoints");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        JsonNode view = result.json();
        assertThat(keys(view)).containsExactly("counts", "summary", "latest", "history");
        assertThat(view.path("counts").toString())
                .isEqualTo("{\"restored\":0,\"total\":3,\"in_progress\":0,\"completed\":3,\"failed\":0}");
        assertThat(keys(view.path("summary"))).containsExactly("checkpointed_size", "state_size",
                "end_to_end_duration", "alignment_buffered", "processed_data", "persisted_data");
        JsonNode stateSize = view.path("summary").path("state_size");
        assertThat(keys(stateSize)).containsExactlyElementsOf(SUMMARY_STATS_KEYS);
        JsonNode history = view.path("history");
        assertThat(history.findValuesAsText("id")).containsExactly("3", "2", "1");
        assertThat(stateSize.path("min").asLong()).isEqualTo(history.path(2).path("state_size").asLong());
        assertThat(stateSize.path("max").asLong()).isEqualTo(history.path(0).path("state_size").asLong());
        assertThat(stateSize.path("p50").asDouble()).isEqualTo(history.path(1).path("state_size").asDouble());

        JsonNode latest = view.path("latest");
        assertThat(keys(latest)).containsExactly("completed", "savepoint", "failed", "restored");
        assertThat(latest.path("completed")).isEqualTo(history.path(0));
        assertThat(latest.path("savepoint").isNull()).isTrue();
        assertThat(latest.path("failed").isNull()).isTrue();
        assertThat(latest.path("restored").isNull()).isTrue();

        JsonNode newest = history.path(0);
        assertThat(keys(newest)).containsExactlyElementsOf(COMPLETED_KEYS);
        assertThat(newest.path("className").asText()).isEqualTo("completed");
        assertThat(newest.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(newest.path("savepointFormat").isNull()).isTrue();
        assertThat(newest.path("checkpoint_type").asText()).isEqualTo("CHECKPOINT");
        assertThat(newest.path("num_subtasks").asInt()).isEqualTo(4);
        assertThat(newest.path("num_acknowledged_subtasks").asInt()).isEqualTo(4);
        assertThat(newest.path("tasks").size()).isZero();
        assertThat(newest.path("end_to_end_duration").asLong()).isEqualTo(newest.path("latest_ack_timestamp")
                .asLong() - newest.path("trigger_timestamp").asLong());
        assertThat(newest.path("external_path").asText()).isEqualTo("file:/tmp/flink-checkpoints/" + job.id()
                + "/chk-3");
        assertThat(newest.path("discarded").asBoolean()).isFalse();
        assertThat(history.path(1).path("discarded").asBoolean()).isTrue();
    }

    @Test
    void aJobWithoutCheckpointsHasEmptyStatisticsWithNaNPercentiles() {
        FlinkJob job = submit(JobBehaviour.DEFAULT, 1);
        advance(Duration.ofSeconds(5));

        JsonNode view = flink.get("/jobs/" + job.id() + "/checkpoints").json();

        assertThat(view.path("counts").toString())
                .isEqualTo("{\"restored\":0,\"total\":0,\"in_progress\":0,\"completed\":0,\"failed\":0}");
        assertThat(view.path("summary").path("state_size").toString()).isEqualTo("{\"min\":0,\"max\":0,\"avg\":0,"
                + "\"p50\":\"NaN\",\"p90\":\"NaN\",\"p95\":\"NaN\",\"p99\":\"NaN\",\"p999\":\"NaN\"}");
        assertThat(view.path("summary").path("alignment_buffered").toString()).isEqualTo("{\"min\":0,\"max\":0,"
                + "\"avg\":0,\"p50\":0.0,\"p90\":0.0,\"p95\":0.0,\"p99\":0.0,\"p999\":0.0}");
        assertThat(view.path("latest").toString())
                .isEqualTo("{\"completed\":null,\"savepoint\":null,\"failed\":null,\"restored\":null}");
        assertThat(view.path("history").size()).isZero();
    }

    @Test
    void savepointsAreTheirOwnLatestAndNeverDiscarded() {
        FlinkJob job = submit(JobBehaviour.DEFAULT, 1);
        advance(Duration.ofSeconds(1));
        job.triggerSavepoint("file:/tmp/flink-savepoints/savepoint-abc", SavepointFollowUp.KEEP_RUNNING, IGNORED);
        advance(Duration.ofSeconds(1));
        job.triggerCheckpoint(IGNORED);
        advance(Duration.ofSeconds(1));

        JsonNode view = flink.get("/jobs/" + job.id() + "/checkpoints").json();

        JsonNode savepoint = view.path("latest").path("savepoint");
        assertThat(savepoint.path("id").asLong()).isEqualTo(1);
        assertThat(savepoint.path("is_savepoint").asBoolean()).isTrue();
        assertThat(savepoint.path("savepointFormat").asText()).isEqualTo("CANONICAL");
        assertThat(savepoint.path("checkpoint_type").asText()).isEqualTo("SAVEPOINT");
        assertThat(savepoint.path("external_path").asText()).isEqualTo("file:/tmp/flink-savepoints/savepoint-abc");
        assertThat(savepoint.path("discarded").asBoolean()).isFalse();
        assertThat(view.path("latest").path("completed").path("id").asLong()).isEqualTo(2);
        assertThat(view.path("counts").path("completed").asInt()).isEqualTo(2);
    }

    @Test
    void aCheckpointStillRunningIsInProgressWithoutAcknowledgements() {
        FlinkJob job = submit(JobBehaviour.DEFAULT, 2);
        advance(Duration.ofSeconds(1));
        job.triggerCheckpoint(IGNORED);

        JsonNode view = flink.get("/jobs/" + job.id() + "/checkpoints").json();
        assertThat(view.path("counts").path("in_progress").asInt()).isEqualTo(1);
        assertThat(view.path("counts").path("total").asInt()).isEqualTo(1);
        JsonNode pending = view.path("history").path(0);
        assertThat(keys(pending)).containsExactlyElementsOf(COMPLETED_KEYS.subList(0, COMPLETED_KEYS.size() - 2));
        assertThat(pending.path("className").asText()).isEqualTo("in_progress");
        assertThat(pending.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(pending.path("latest_ack_timestamp").asLong()).isEqualTo(-1);
        assertThat(pending.path("end_to_end_duration").asLong()).isEqualTo(-1);
        assertThat(pending.path("num_acknowledged_subtasks").asInt()).isZero();

        JsonNode subtasks = flink.get("/jobs/" + job.id() + "/checkpoints/details/1/subtasks/"
                + job.vertices().get(0).id()).json().path("subtasks");
        assertThat(subtasks.toString()).isEqualTo("[{\"className\":\"pending\",\"index\":0,\"status\":"
                + "\"pending_or_failed\"},{\"className\":\"pending\",\"index\":1,\"status\":\"pending_or_failed\"}]");
    }

    @Test
    void aCheckpointAbortedByCancellationFailsAndTheJobsCheckpointsAreDiscarded() {
        FlinkJob job = submit(EVERY_SECOND, 1);
        advance(Duration.ofMillis(1900));
        job.triggerCheckpoint(IGNORED);
        job.cancel();
        advance(Duration.ofSeconds(1));
        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);

        JsonNode view = flink.get("/jobs/" + job.id() + "/checkpoints").json();

        assertThat(view.path("counts").path("completed").asInt()).isEqualTo(1);
        assertThat(view.path("counts").path("failed").asInt()).isEqualTo(1);
        JsonNode failed = view.path("latest").path("failed");
        assertThat(keys(failed)).endsWith("tasks", "failure_timestamp", "failure_message");
        assertThat(failed.path("className").asText()).isEqualTo("failed");
        assertThat(failed.path("latest_ack_timestamp").asLong()).isEqualTo(-1);
        assertThat(failed.path("end_to_end_duration").asLong()).isEqualTo(failed.path("failure_timestamp").asLong()
                - failed.path("trigger_timestamp").asLong());
        assertThat(failed.path("failure_message").asText()).isNotEmpty();
        assertThat(view.path("latest").path("completed").path("discarded").asBoolean()).isTrue();
    }

    @Test
    void aJobStartedFromASavepointReportsWhereItWasRestoredFrom() {
        String savepoint = "file:/tmp/flink-savepoints/savepoint-123456-abcdef";
        FlinkJob job = emulator.flink().cluster().jobs().submit(new JobSpec(null, "x.jar", "example.Job", List.of(),
                1, savepoint, false, JobBehaviour.DEFAULT)).orElseThrow();
        long submitted = emulator.clock().millis();
        advance(Duration.ofSeconds(1));

        JsonNode view = flink.get("/jobs/" + job.id() + "/checkpoints").json();

        assertThat(view.path("counts").path("restored").asInt()).isEqualTo(1);
        JsonNode restored = view.path("latest").path("restored");
        assertThat(keys(restored)).containsExactly("id", "restore_timestamp", "is_savepoint", "external_path");
        assertThat(restored.path("id").asLong()).isEqualTo(job.checkpoints().restored().orElseThrow().id());
        assertThat(restored.path("restore_timestamp").asLong()).isEqualTo(submitted);
        assertThat(restored.path("is_savepoint").asBoolean()).isTrue();
        assertThat(restored.path("external_path").asText()).isEqualTo(savepoint);
    }

    // ---- config

    @Test
    void configShowsTheJobsCheckpointInterval() {
        FlinkJob job = submit(EVERY_SECOND, 1);

        HttpResult result = flink.get("/jobs/" + job.id() + "/checkpoints/config");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{\"mode\":\"exactly_once\",\"interval\":1000,\"timeout\":600000,"
                + "\"min_pause\":0,\"max_concurrent\":1,\"externalization\":{\"enabled\":false,"
                + "\"delete_on_cancellation\":true},\"state_backend\":\"HashMapStateBackend\","
                + "\"checkpoint_storage\":\"FileSystemCheckpointStorage\",\"unaligned_checkpoints\":false,"
                + "\"tolerable_failed_checkpoints\":0,\"aligned_checkpoint_timeout\":0,"
                + "\"checkpoints_after_tasks_finish\":true,\"state_changelog_enabled\":false,"
                + "\"changelog_periodic_materialization_interval\":600000,\"changelog_storage\":\"memory\"}");
    }

    @Test
    void withoutCheckpointingTheIntervalIsFlinksDisabledValueAndTheModeAtLeastOnce() {
        FlinkJob job = submit(JobBehaviour.DEFAULT, 1);

        JsonNode config = flink.get("/jobs/" + job.id() + "/checkpoints/config").json();

        assertThat(config.path("interval").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(config.path("mode").asText()).isEqualTo("at_least_once");
    }

    // ---- details

    @Test
    void detailsBreakACheckpointDownByVertexAndSubtask() {
        FlinkJob job = submit(EVERY_SECOND, 2);
        advance(Duration.ofMillis(2900));
        JobVertex sink = job.vertices().get(1);

        JsonNode details = flink.get("/jobs/" + job.id() + "/checkpoints/details/2").json();

        assertThat(keys(details)).containsExactlyElementsOf(COMPLETED_KEYS);
        assertThat(keys(details.path("tasks"))).containsExactly(job.vertices().get(0).id(), sink.id());
        JsonNode task = details.path("tasks").path(sink.id());
        assertThat(keys(task)).containsExactly("id", "status", "latest_ack_timestamp", "checkpointed_size",
                "state_size", "end_to_end_duration", "alignment_buffered", "processed_data", "persisted_data",
                "num_subtasks", "num_acknowledged_subtasks");
        long vertexSizes = details.path("tasks").path(job.vertices().get(0).id()).path("state_size").asLong()
                + task.path("state_size").asLong();
        assertThat(vertexSizes).isEqualTo(details.path("state_size").asLong());

        JsonNode subtaskDetails = flink.get("/jobs/" + job.id() + "/checkpoints/details/2/subtasks/" + sink.id())
                .json();
        assertThat(keys(subtaskDetails)).containsExactly("id", "status", "latest_ack_timestamp",
                "checkpointed_size", "state_size", "end_to_end_duration", "alignment_buffered", "processed_data",
                "persisted_data", "num_subtasks", "num_acknowledged_subtasks", "summary", "subtasks");
        assertThat(keys(subtaskDetails.path("summary"))).containsExactly("checkpointed_size", "state_size",
                "end_to_end_duration", "checkpoint_duration", "alignment", "start_delay");
        assertThat(subtaskDetails.path("summary").path("state_size").path("p50").asText()).isEqualTo("NaN");
        JsonNode subtasks = subtaskDetails.path("subtasks");
        assertThat(subtasks).hasSize(2);
        assertThat(keys(subtasks.path(1))).containsExactly("className", "index", "ack_timestamp",
                "end_to_end_duration", "checkpointed_size", "state_size", "checkpoint", "alignment", "start_delay",
                "unaligned_checkpoint", "aborted", "status");
        assertThat(subtasks.path(0).path("state_size").asLong() + subtasks.path(1).path("state_size").asLong())
                .isEqualTo(task.path("state_size").asLong());
        assertThat(subtasks.path(1).path("ack_timestamp").asLong())
                .isEqualTo(details.path("latest_ack_timestamp").asLong());
    }

    // ---- errors

    @ParameterizedTest
    @ValueSource(strings = {"", "/config", "/details/1", "/details/1/subtasks/" + UNKNOWN})
    void anUnknownJobIsNotFound(String endpoint) {
        HttpResult result = flink.get("/jobs/" + UNKNOWN + "/checkpoints" + endpoint);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.firstErrorLine()).isEqualTo(NOT_FOUND + "Job " + UNKNOWN + " not found");
    }

    @Test
    void anUnknownCheckpointHasNoStatistics() {
        FlinkJob job = submit(EVERY_SECOND, 1);
        advance(Duration.ofSeconds(3));

        for (String path : List.of("/details/99999", "/details/99999/subtasks/" + job.vertices().get(0).id())) {
            HttpResult result = flink.get("/jobs/" + job.id() + "/checkpoints" + path);
            assertThat(result.status()).as(path).isEqualTo(404);
            assertThat(result.firstErrorLine()).isEqualTo(REST_HANDLER
                    + "Could not find checkpointing statistics for checkpoint 99999.");
        }
    }

    @Test
    void anUnknownVertexHasNoCheckpointStatistics() {
        FlinkJob job = submit(EVERY_SECOND, 1);
        advance(Duration.ofSeconds(3));

        HttpResult result = flink.get("/jobs/" + job.id() + "/checkpoints/details/1/subtasks/" + UNKNOWN);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.firstErrorLine()).isEqualTo(NOT_FOUND + "There is no checkpoint statistics for task "
                + UNKNOWN + ".");
    }

    @Test
    void malformedCheckpointAndVertexIdsAreBadRequests() {
        FlinkJob job = submit(EVERY_SECOND, 1);
        String checkpoints = "/jobs/" + job.id() + "/checkpoints/details/";
        String badPath = REST_HANDLER + "Bad request, could not parse parameters: Cannot resolve path parameter ";

        HttpResult checkpointId = flink.get(checkpoints + "abc");
        assertThat(checkpointId.status()).isEqualTo(400);
        assertThat(checkpointId.firstErrorLine()).isEqualTo(badPath + "(checkpointid) from value \"abc\".");
        HttpResult vertexId = flink.get(checkpoints + "1/subtasks/xyz");
        assertThat(vertexId.status()).isEqualTo(400);
        assertThat(vertexId.firstErrorLine()).isEqualTo(badPath + "(vertexid) from value \"xyz\".");
        HttpResult jobId = flink.get("/jobs/nothex/checkpoints/config");
        assertThat(jobId.status()).isEqualTo(400);
        assertThat(jobId.firstErrorLine()).isEqualTo(badPath + "(jobid) from value \"nothex\".");
    }

    // ---- helpers

    private FlinkJob submit(JobBehaviour behaviour, int parallelism) {
        return emulator.flink().cluster().jobs().submit(new JobSpec(null, "x.jar", "example.Job", List.of(),
                parallelism, null, false, behaviour)).orElseThrow();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
