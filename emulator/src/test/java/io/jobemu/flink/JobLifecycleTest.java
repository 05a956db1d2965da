package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.Emulator;
import io.jobemu.core.state.StateMachine;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobSpec;
import io.jobemu.flink.jobs.JobStatus;
import io.jobemu.testing.EmulatorTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A job's lifecycle on the manual clock with the REALISTIC profile: INITIALIZING 200 ms, CREATED 100 ms, tasks
 * deploying 300 ms, cancelling/failing 50 ms, restart delay 1 s. Every path is checked against Flink's legal
 * transitions and against the timestamps the REST views show.
 */
class JobLifecycleTest extends EmulatorTest {

    static final List<String> VERTICES = List.of("Source: numbers -> map", "Sink: print");
    static final List<String> TIMESTAMP_KEYS = List.of("INITIALIZING", "RECONCILING", "FAILING", "CANCELED",
            "RESTARTING", "CREATED", "RUNNING", "FAILED", "CANCELLING", "FINISHED", "SUSPENDED");
    static final List<String> TASK_STATE_KEYS = List.of("CANCELING", "SCHEDULED", "RUNNING", "FAILED", "DEPLOYING",
            "FINISHED", "INITIALIZING", "CANCELED", "RECONCILING", "CREATED");

    /** Submits a job straight to the cluster, as a jar run would, with two vertices. */
    static FlinkJob submit(Emulator emulator, JobBehaviour behaviour, int parallelism) {
        JobBehaviour withVertices = new JobBehaviour(behaviour.outcome(), behaviour.after(), behaviour.exception(),
                behaviour.restarts(), behaviour.restartInterval(), "lifecycle-job", VERTICES,
                behaviour.checkpointInterval());
        return emulator.flink().cluster().jobs()
                .submit(new JobSpec(null, "test.jar", "example.Job", List.of(), parallelism, null, false,
                        withVertices))
                .orElseThrow();
    }

    static FlinkJob submitRunning(Emulator emulator) {
        return submit(emulator, JobBehaviour.DEFAULT, 1);
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static JobBehaviour behaviour(JobBehaviour.Outcome outcome, Duration after, int restarts) {
        return new JobBehaviour(outcome, after, new JobBehaviour.JobException("java.io.IOException", "disk full"),
                restarts, Duration.ofSeconds(5), null, null, null);
    }

    @Test
    void initializingJobHasASparseGraphUntilItsJobMasterExists() {
        FlinkJob job = submit(emulator, JobBehaviour.DEFAULT, 2);

        JsonNode details = flink.get("/jobs/" + job.id()).json();

        assertThat(details.path("state").asText()).isEqualTo("INITIALIZING");
        assertThat(details.get("application-id").isNull()).isTrue();
        assertThat(details.get("schedulerType").isNull()).isTrue();
        assertThat(details.path("vertices").size()).isZero();
        assertThat(details.path("plan").toString()).isEqualTo("{\"jid\":\"\",\"name\":\"\",\"type\":\"\",\"nodes\":[]}");
        assertThat(keys(details.path("timestamps"))).isEqualTo(TIMESTAMP_KEYS);
        assertThat(keys(details.path("status-counts"))).isEqualTo(TASK_STATE_KEYS);
        details.path("status-counts").forEach(count -> assertThat(count.asInt()).isZero());
        assertThat(details.path("timestamps").path("INITIALIZING").asLong()).isEqualTo(job.startTime());
        assertThat(details.path("timestamps").path("CREATED").asLong()).isZero();
        assertThat(details.path("end-time").asLong()).isEqualTo(-1);

        JsonNode overview = flink.get("/jobs/overview").json().path("jobs").path(0);
        assertThat(overview.get("schedulerType").isNull()).isTrue();
        assertThat(overview.path("last-modification").asLong()).isZero();
        assertThat(overview.path("tasks").path("total").asInt()).isZero();
    }

    @Test
    void jobIsCreatedThenRunsWithDeployingThenRunningVertices() {
        FlinkJob job = submit(emulator, JobBehaviour.DEFAULT, 2);
        long start = job.startTime();

        advance(Duration.ofMillis(200));
        JsonNode created = flink.get("/jobs/" + job.id()).json();
        assertThat(created.path("state").asText()).isEqualTo("CREATED");
        assertThat(created.path("application-id").asText()).isEqualTo(job.id());
        assertThat(created.path("schedulerType").asText()).isEqualTo("Default");
        assertThat(created.path("vertices").findValuesAsText("status")).containsOnly("CREATED");
        assertThat(created.path("timestamps").path("CREATED").asLong()).isEqualTo(start + 200);

        advance(Duration.ofMillis(100));
        JsonNode deploying = flink.get("/jobs/" + job.id()).json();
        assertThat(deploying.path("state").asText()).isEqualTo("RUNNING");
        assertThat(deploying.path("vertices").findValuesAsText("status")).containsOnly("DEPLOYING");
        assertThat(deploying.path("vertices").path(0).path("start-time").asLong()).isEqualTo(start + 300);
        assertThat(deploying.path("vertices").path(0).path("tasks").path("DEPLOYING").asInt()).isEqualTo(2);
        assertThat(deploying.path("status-counts").path("DEPLOYING").asInt()).isEqualTo(2);

        advance(Duration.ofMillis(300));
        JsonNode running = flink.get("/jobs/" + job.id()).json();
        assertThat(running.path("vertices").findValuesAsText("status")).containsOnly("RUNNING");
        assertThat(running.path("status-counts").path("RUNNING").asInt()).isEqualTo(2);
        assertThat(running.path("vertices").path(1).path("duration").asLong()).isEqualTo(300);
        assertThat(running.path("duration").asLong()).isEqualTo(600);
        JsonNode overview = flink.get("/jobs/overview").json().path("jobs").path(0);
        assertThat(overview.path("tasks").path("running").asInt()).isEqualTo(4);
        assertThat(overview.path("tasks").path("total").asInt()).isEqualTo(4);
        assertThat(overview.path("last-modification").asLong()).isEqualTo(start + 600);
        assertLegalPath(job, JobStatus.CREATED, JobStatus.RUNNING);
    }

    @Test
    void boundedJobFinishesAfterItsDuration() {
        FlinkJob job = submit(emulator, behaviour(JobBehaviour.Outcome.FINISH, Duration.ofSeconds(2), 0), 1);

        advance(Duration.ofMillis(2599));
        assertThat(flink.get("/jobs/" + job.id() + "/status").json().path("status").asText()).isEqualTo("RUNNING");
        assertThat(flink.get("/jobs/" + job.id() + "/execution-result").json().toString())
                .isEqualTo("{\"status\":{\"id\":\"IN_PROGRESS\"}}");

        advance(Duration.ofMillis(1));
        JsonNode details = flink.get("/jobs/" + job.id()).json();
        long end = job.startTime() + 2600;
        assertThat(details.path("state").asText()).isEqualTo("FINISHED");
        assertThat(details.path("end-time").asLong()).isEqualTo(end);
        assertThat(details.path("duration").asLong()).isEqualTo(2600);
        assertThat(details.path("timestamps").path("FINISHED").asLong()).isEqualTo(end);
        assertThat(details.path("vertices").findValuesAsText("status")).containsOnly("FINISHED");
        assertThat(details.path("vertices").path(0).path("end-time").asLong()).isEqualTo(end);
        assertThat(details.path("vertices").path(0).path("metrics").path("read-bytes-complete").asBoolean()).isTrue();

        advance(Duration.ofMinutes(1));
        assertThat(flink.get("/jobs/" + job.id()).json().path("duration").asLong()).isEqualTo(2600);
        JsonNode result = flink.get("/jobs/" + job.id() + "/execution-result").json();
        assertThat(result.path("job-execution-result").path("application-status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.path("job-execution-result").path("net-runtime").asLong()).isEqualTo(2600);
        assertLegalPath(job, JobStatus.CREATED, JobStatus.RUNNING, JobStatus.FINISHED);
    }

    @Test
    void failingJobGoesThroughFailingAndReportsRecoveryIsSuppressed() {
        FlinkJob job = submit(emulator, behaviour(JobBehaviour.Outcome.FAIL, Duration.ofSeconds(1), 0), 1);

        advance(Duration.ofMillis(1600));
        assertThat(job.status()).isEqualTo(JobStatus.FAILING);
        JsonNode failing = flink.get("/jobs/" + job.id()).json();
        assertThat(failing.path("vertices").findValuesAsText("status")).containsExactly("FAILED", "CANCELING");

        advance(Duration.ofMillis(50));
        JsonNode details = flink.get("/jobs/" + job.id()).json();
        assertThat(details.path("state").asText()).isEqualTo("FAILED");
        assertThat(details.path("vertices").findValuesAsText("status")).containsExactly("FAILED", "CANCELED");
        assertThat(details.path("timestamps").path("FAILING").asLong()).isEqualTo(job.startTime() + 1600);
        assertThat(details.path("end-time").asLong()).isEqualTo(job.startTime() + 1650);

        JsonNode entries = flink.get("/jobs/" + job.id() + "/exceptions").json().path("exceptionHistory")
                .path("entries");
        assertThat(entries.size()).isEqualTo(1);
        JsonNode root = entries.path(0);
        assertThat(keys(root)).containsExactly("exceptionName", "stacktrace", "timestamp", "failureLabels",
                "concurrentExceptions");
        assertThat(root.path("exceptionName").asText()).isEqualTo("org.apache.flink.runtime.JobException");
        assertThat(root.path("stacktrace").asText()).startsWith("org.apache.flink.runtime.JobException: Recovery "
                + "is suppressed by NoRestartBackoffTimeStrategy\n").contains("\nCaused by: java.io.IOException: "
                + "disk full\n");
        assertThat(root.path("timestamp").asLong()).isEqualTo(job.startTime() + 1650);
        JsonNode task = root.path("concurrentExceptions").path(0);
        assertThat(keys(task)).containsExactly("exceptionName", "stacktrace", "timestamp", "failureLabels",
                "taskName", "endpoint", "taskManagerId");
        assertThat(task.path("exceptionName").asText()).isEqualTo("java.io.IOException");
        assertThat(task.path("taskName").asText()).isEqualTo("Source: numbers -> map (1/1) - execution #0");
        assertThat(task.path("timestamp").asLong()).isEqualTo(job.startTime() + 1600);
        assertThat(task.path("endpoint").asText()).isEqualTo("localhost:-1");
        assertThat(task.path("taskManagerId").asText())
                .isEqualTo(flink.get("/taskmanagers").json().path("taskmanagers").path(0).path("id").asText())
                .isNotEmpty();

        JsonNode result = flink.get("/jobs/" + job.id() + "/execution-result").json().path("job-execution-result");
        assertThat(keys(result)).containsExactly("id", "name", "application-status", "accumulator-results",
                "net-runtime", "failure-cause", "application-id", "start-time", "end-time");
        assertThat(result.path("application-status").asText()).isEqualTo("FAILED");
        assertThat(keys(result.path("failure-cause"))).containsExactly("class", "stack-trace",
                "serialized-throwable");
        assertThat(result.path("failure-cause").path("class").asText())
                .isEqualTo("org.apache.flink.runtime.JobException");
        assertThat(result.path("failure-cause").path("stack-trace").asText())
                .isEqualTo(root.path("stacktrace").asText());
        assertLegalPath(job, JobStatus.CREATED, JobStatus.RUNNING, JobStatus.FAILING, JobStatus.FAILED);
    }

    @Test
    void restartsAreSeparateHistoryEntriesAndCountedInNumRestarts() {
        FlinkJob job = submit(emulator, behaviour(JobBehaviour.Outcome.FAIL, Duration.ofSeconds(1), 2), 1);

        advance(Duration.ofMillis(300 + 300 + 5000));
        assertThat(job.status()).isEqualTo(JobStatus.RESTARTING);
        assertThat(numRestarts(job)).isEqualTo("1");
        assertThat(flink.get("/jobs/" + job.id()).json().path("vertices").findValuesAsText("status"))
                .containsOnly("CANCELED");

        advance(Duration.ofSeconds(1));
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        advance(Duration.ofMillis(300 + 5000 + 1000));
        assertThat(numRestarts(job)).isEqualTo("2");
        advance(Duration.ofMillis(300 + 1000 + 50));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        JsonNode entries = flink.get("/jobs/" + job.id() + "/exceptions").json().path("exceptionHistory")
                .path("entries");
        assertThat(entries.size()).isEqualTo(3);
        assertThat(entries.path(0).path("stacktrace").asText()).startsWith("org.apache.flink.runtime.JobException: "
                + "Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=2, "
                + "backoffTimeMS=1000)\n");
        assertThat(entries.path(0).path("concurrentExceptions").path(0).path("taskName").asText())
                .endsWith("(1/1) - execution #2");
        for (int i = 1; i <= 2; i++) {
            JsonNode restart = entries.path(i);
            assertThat(keys(restart)).containsExactly("exceptionName", "stacktrace", "timestamp", "failureLabels",
                    "taskName", "endpoint", "taskManagerId", "concurrentExceptions");
            assertThat(restart.path("exceptionName").asText()).isEqualTo("java.io.IOException");
            assertThat(restart.path("taskName").asText()).endsWith(" - execution #" + (2 - i));
            assertThat(restart.path("concurrentExceptions").size()).isZero();
        }
        assertThat(entries.path(1).path("timestamp").asLong()).isGreaterThan(entries.path(2).path("timestamp")
                .asLong());
        assertLegalPath(job, JobStatus.CREATED, JobStatus.RUNNING, JobStatus.RESTARTING, JobStatus.RUNNING,
                JobStatus.RESTARTING, JobStatus.RUNNING, JobStatus.FAILING, JobStatus.FAILED);
    }

    @Test
    void runningJobTakesPeriodicCheckpoints() {
        JobBehaviour checkpointing = new JobBehaviour(JobBehaviour.Outcome.RUN, null, null, 0, null, null, null,
                Duration.ofSeconds(10));
        FlinkJob job = submit(emulator, checkpointing, 1);

        advance(Duration.ofMillis(300 + 300 + 10_000));
        assertThat(metric(job, "numberOfInProgressCheckpoints")).isEqualTo("1");
        advance(Duration.ofMillis(150));
        assertThat(metric(job, "numberOfCompletedCheckpoints")).isEqualTo("1");
        assertThat(metric(job, "lastCompletedCheckpointId")).isEqualTo("1");
        advance(Duration.ofSeconds(20));
        assertThat(metric(job, "numberOfCompletedCheckpoints")).isEqualTo("3");
        assertThat(metric(job, "totalNumberOfCheckpoints")).isEqualTo("3");

        flink.patch("/jobs/" + job.id());
        advance(Duration.ofSeconds(30));
        assertThat(metric(job, "totalNumberOfCheckpoints")).as("no checkpoints once cancelled").isEqualTo("3");
    }

    @Test
    void cancellingARunningJobPassesThroughCancelling() {
        FlinkJob job = submit(emulator, JobBehaviour.DEFAULT, 1);
        advance(Duration.ofSeconds(1));

        assertThat(flink.patch("/jobs/" + job.id()).status()).isEqualTo(202);
        assertThat(flink.get("/jobs/" + job.id() + "/status").json().path("status").asText())
                .isEqualTo("CANCELLING");
        assertThat(flink.get("/jobs/" + job.id()).json().path("vertices").findValuesAsText("status"))
                .containsOnly("CANCELING");

        advance(Duration.ofMillis(50));
        JsonNode details = flink.get("/jobs/" + job.id()).json();
        assertThat(details.path("state").asText()).isEqualTo("CANCELED");
        assertThat(details.path("end-time").asLong()).isEqualTo(job.startTime() + 1050);
        assertThat(details.path("vertices").findValuesAsText("status")).containsOnly("CANCELED");
        assertThat(flink.get("/jobs/" + job.id() + "/execution-result").json().path("job-execution-result")
                .path("application-status").asText()).isEqualTo("CANCELED");
        assertLegalPath(job, JobStatus.CREATED, JobStatus.RUNNING, JobStatus.CANCELLING, JobStatus.CANCELED);
    }

    @Test
    void cancellingAnInitializingJobCancelsItAtOnceAndKeepsTheGraphSparse() {
        FlinkJob job = submit(emulator, JobBehaviour.DEFAULT, 1);

        assertThat(flink.patch("/jobs/" + job.id()).status()).isEqualTo(202);
        advance(Duration.ofSeconds(5));

        JsonNode details = flink.get("/jobs/" + job.id()).json();
        assertThat(details.path("state").asText()).isEqualTo("CANCELED");
        assertThat(details.path("vertices").size()).isZero();
        assertThat(details.get("schedulerType").isNull()).isTrue();
        assertThat(details.path("end-time").asLong()).isEqualTo(job.startTime());
        assertLegalPath(job, JobStatus.CANCELED);
    }

    @Test
    void everyTimestampIsTheLatestEntryIntoItsState() {
        FlinkJob job = submit(emulator, behaviour(JobBehaviour.Outcome.FINISH, Duration.ofSeconds(1), 1), 1);
        advance(Duration.ofMinutes(1));

        Map<JobStatus, Long> timestamps = job.timestamps();
        for (JobStatus status : JobStatus.values()) {
            long expected = job.history().stream().filter(step -> step.to() == status)
                    .mapToLong(StateMachine.Transition::at).max().orElse(status == JobStatus.INITIALIZING
                            ? job.startTime() : 0);
            assertThat(timestamps.get(status)).as(status.name()).isEqualTo(expected);
        }
        JsonNode shown = flink.get("/jobs/" + job.id()).json().path("timestamps");
        timestamps.forEach((status, at) -> assertThat(shown.path(status.name()).asLong()).isEqualTo(at));
    }

    private String numRestarts(FlinkJob job) {
        return metric(job, "numRestarts");
    }

    private String metric(FlinkJob job, String name) {
        return flink.get("/jobs/" + job.id() + "/metrics?get=" + name).json().path(0).path("value").asText();
    }

    /** The job took exactly these steps from INITIALIZING, each legal in Flink's transition table. */
    static void assertLegalPath(FlinkJob job, JobStatus... expected) {
        List<StateMachine.Transition<JobStatus>> history = job.history();
        assertThat(history).extracting(StateMachine.Transition::to).containsExactly(expected);
        JobStatus from = JobStatus.INITIALIZING;
        long previous = job.startTime();
        for (StateMachine.Transition<JobStatus> step : history) {
            assertThat(step.from()).isEqualTo(from);
            assertThat(JobStatus.TRANSITIONS.isLegal(step.from(), step.to())).as(step.toString()).isTrue();
            assertThat(step.at()).isGreaterThanOrEqualTo(previous);
            from = step.to();
            previous = step.at();
        }
    }
}
