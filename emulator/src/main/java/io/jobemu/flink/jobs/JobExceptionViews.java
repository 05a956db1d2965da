package io.jobemu.flink.jobs;


import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import io.jobemu.flink.FlinkErrors;
import java.util.List;
import java.util.Optional;

/**
 * A job's failures as Flink shows them: {@code GET /jobs/{jobid}/exceptions} (newest first) and the failure-cause of
 * its execution result. Each recoverable failure is an entry of its own; the final failure of a FAILED job is
 * Flink's "Recovery is suppressed" JobException with the task's exception as its concurrent exception; a failure
 * without a task (the JobMaster could not start) stands alone.
 */
public final class JobExceptionViews {

    private static final String TASK_ENDPOINT = "localhost:-1";
    private static final String JOB_EXCEPTION = "org.apache.flink.runtime.JobException";

    private JobExceptionViews() {
    }

    /**
     * The newest {@code maxExceptions} failures. Emulated failures carry no failure labels, so a label filter
     * ({@code filteredByLabels}) matches none of them.
     */
    public static ObjectNode history(FlinkJob job, int maxExceptions, boolean filteredByLabels, String taskManagerId) {
        return job.inspect(j -> {
            List<JobFailure> failures = filteredByLabels ? List.of() : j.failures();
            ArrayNode entries = Json.array();
            for (int i = failures.size() - 1; i >= 0 && entries.size() < maxExceptions; i--) {
                entries.add(entry(j, failures.get(i), i, taskManagerId));
            }
            ObjectNode history = Json.object();
            history.putObject("exceptionHistory")
                    .<ObjectNode>set("entries", entries)
                    .put("truncated", failures.size() > Math.max(maxExceptions, 0));
            return history;
        });
    }

    /**
     * The {@code failure-cause} of a FAILED job's execution result ({@code class}, {@code stack-trace},
     * {@code serialized-throwable}): the root exception of its final failure. Empty for any other job.
     */
    public static Optional<ObjectNode> failureCause(FlinkJob job) {
        return job.inspect(j -> {
            List<JobFailure> failures = j.failures();
            if (j.status() != JobStatus.FAILED || failures.isEmpty()) {
                return Optional.empty();
            }
            JobFailure last = failures.get(failures.size() - 1);
            return Optional.of(FlinkErrors.printedThrowable(rootExceptionClass(last), rootStacktrace(j, last)));
        });
    }

    private static ObjectNode entry(FlinkJob job, JobFailure failure, int attempt, String taskManagerId) {
        if (failure.causedRestart()) {
            ObjectNode entry = taskException(failure, attempt, taskManagerId);
            entry.putArray("concurrentExceptions");
            return entry;
        }
        ObjectNode entry = Json.object()
                .put("exceptionName", rootExceptionClass(failure))
                .put("stacktrace", rootStacktrace(job, failure))
                .put("timestamp", rootTimestamp(job, failure));
        entry.putObject("failureLabels");
        ArrayNode concurrent = entry.putArray("concurrentExceptions");
        if (failure.taskName() != null) {
            concurrent.add(taskException(failure, attempt, taskManagerId));
        }
        return entry;
    }

    private static ObjectNode taskException(JobFailure failure, int attempt, String taskManagerId) {
        ObjectNode entry = Json.object()
                .put("exceptionName", failure.exceptionClass())
                .put("stacktrace", failure.stacktrace())
                .put("timestamp", failure.timestamp());
        entry.putObject("failureLabels");
        return entry.put("taskName", failure.taskName() + " - execution #" + attempt)
                .put("endpoint", TASK_ENDPOINT)
                .put("taskManagerId", taskManagerId);
    }

    private static String rootExceptionClass(JobFailure failure) {
        return failure.taskName() == null ? failure.exceptionClass() : JOB_EXCEPTION;
    }

    private static String rootStacktrace(FlinkJob job, JobFailure failure) {
        if (failure.taskName() == null) {
            return failure.stacktrace();
        }
        return JOB_EXCEPTION + ": Recovery is suppressed by " + restartStrategy(job)
                + "\n\tat org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure("
                + "ExecutionFailureHandler.java)\nCaused by: " + failure.stacktrace();
    }

    /** The job-level failure is recorded when the job has failed, a little after the task failed. */
    private static long rootTimestamp(FlinkJob job, JobFailure failure) {
        return job.status() == JobStatus.FAILED ? job.endTime() : failure.timestamp();
    }

    private static String restartStrategy(FlinkJob job) {
        int restarts = job.behaviour().restarts();
        return restarts == 0 ? "NoRestartBackoffTimeStrategy"
                : "FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=" + restarts + ", backoffTimeMS="
                        + job.restartDelayMillis() + ")";
    }
}
