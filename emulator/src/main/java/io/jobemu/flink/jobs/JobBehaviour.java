package io.jobemu.flink.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * What an emulated job does, chosen by a test per entry class or jar (a real job's code decides this on a real
 * cluster). Set over the control API as JSON, e.g.
 * {@code {"outcome":"FAIL","after":"PT30S","exception":{"class":"java.io.IOException","message":"disk"}}}.
 *
 * @param outcome          what the job ends with
 * @param after            how long it runs before it finishes or fails (ignored for RUN and FAIL_IN_MAIN)
 * @param exception        the failure for FAIL and FAIL_IN_MAIN, and for each restart
 * @param restarts         recoverable failures before the outcome, each followed by RESTARTING then RUNNING
 * @param restartInterval  running time before each of those failures
 * @param jobName          the name the job gets (what {@code env.execute(name)} would set)
 * @param vertices         operator chain names, in topological order; each becomes a job vertex
 * @param checkpointInterval periodic checkpoints while running; null means checkpointing is not enabled
 * @param failSavepoints   every savepoint (and stop-with-savepoint) fails, as when a task cannot snapshot its state
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobBehaviour(Outcome outcome, Duration after, JobException exception, Integer restarts,
                           Duration restartInterval, String jobName, List<String> vertices,
                           Duration checkpointInterval, Boolean failSavepoints) {

    public enum Outcome {
        /** Runs until cancelled or stopped: a streaming job. */
        RUN,
        /** Finishes after {@code after}: a bounded job. */
        FINISH,
        /** Fails after {@code after} (after its restarts), with {@code exception}. */
        FAIL,
        /** {@code main()} throws at submission: the run request itself fails with 400. */
        FAIL_IN_MAIN
    }

    /** The user exception a failing job reports. */
    public record JobException(@JsonProperty("class") String className, String message) {
        public JobException {
            if (className == null || className.isBlank()) {
                className = "java.lang.RuntimeException";
            }
        }
    }

    public static final JobBehaviour DEFAULT = new JobBehaviour(Outcome.RUN, null, null, 0, null, null, null,
            null);

    /** A behaviour whose savepoints succeed. */
    public JobBehaviour(Outcome outcome, Duration after, JobException exception, Integer restarts,
                        Duration restartInterval, String jobName, List<String> vertices, Duration checkpointInterval) {
        this(outcome, after, exception, restarts, restartInterval, jobName, vertices, checkpointInterval, null);
    }

    private static final String DEFAULT_JOB_NAME = "Flink Streaming Job";
    private static final List<String> DEFAULT_VERTICES = List.of("Source: Emulated Source", "Sink: Emulated Sink");

    public JobBehaviour {
        if (outcome == null) {
            outcome = Outcome.RUN;
        }
        if (restarts == null) {
            restarts = 0;
        }
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must not be negative, got " + restarts);
        }
        if ((outcome == Outcome.FINISH || outcome == Outcome.FAIL) && after == null) {
            after = Duration.ofSeconds(1);
        }
        for (Duration d : new Duration[] {after, restartInterval, checkpointInterval}) {
            if (d != null && d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative, got " + d);
            }
        }
        if (checkpointInterval != null && checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive");
        }
        if (vertices != null && vertices.isEmpty()) {
            throw new IllegalArgumentException("vertices must name at least one operator chain");
        }
        if (vertices != null) {
            vertices = List.copyOf(vertices);
        }
    }

    public boolean savepointsFail() {
        return Boolean.TRUE.equals(failSavepoints);
    }

    public String effectiveJobName() {
        return jobName != null ? jobName : DEFAULT_JOB_NAME;
    }

    public List<String> effectiveVertices() {
        return vertices != null ? vertices : DEFAULT_VERTICES;
    }

    public Duration effectiveRestartInterval() {
        return restartInterval != null ? restartInterval : Duration.ofSeconds(10);
    }

    public JobException effectiveException() {
        return exception != null ? exception
                : new JobException("java.lang.RuntimeException", "Emulated job failure");
    }
}
