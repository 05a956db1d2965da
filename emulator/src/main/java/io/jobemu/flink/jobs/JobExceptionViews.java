package io.jobemu.flink.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import java.util.List;

/**
 * {@code GET /jobs/{jobid}/exceptions}: the exception history, newest first. Each recoverable failure is an entry
 * of its own; the final failure of a FAILED job is Flink's "Recovery is suppressed" JobException with the user
 * exception as its concurrent exception.
 */
public final class JobExceptionViews {

    private static final String TASK_ENDPOINT = "localhost:-1";

    private JobExceptionViews() {
    }

    public static ObjectNode history(FlinkJob job, int maxExceptions, String taskManagerId) {
        return job.inspect(j -> {
            List<JobFailure> failures = j.failures();
            ArrayNode entries = Json.array();
            for (int i = failures.size() - 1; i >= 0 && entries.size() < maxExceptions; i--) {
                entries.add(entry(j, failures.get(i), i, taskManagerId));
            }
            ObjectNode history = Json.object();
            history.putObject("exceptionHistory")
                    .<ObjectNode>set("entries", entries)
                    .put("truncated", failures.size() > maxExceptions);
            return history;
        });
    }

    private static ObjectNode entry(FlinkJob job, JobFailure failure, int attempt, String taskManagerId) {
        if (failure.causedRestart()) {
            ObjectNode entry = taskException(failure, attempt, taskManagerId);
            entry.putArray("concurrentExceptions");
            return entry;
        }
        String recovery = "org.apache.flink.runtime.JobException: Recovery is suppressed by " + restartStrategy(job);
        ObjectNode entry = Json.object()
                .put("exceptionName", "org.apache.flink.runtime.JobException")
                .put("stacktrace", recovery + "\n\tat org.apache.flink.runtime.executiongraph.failover."
                        + "ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java)\n"
                        + "Caused by: " + failure.stacktrace())
                .put("timestamp", failure.timestamp());
        entry.putObject("failureLabels");
        entry.putArray("concurrentExceptions").add(taskException(failure, attempt, taskManagerId));
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

    private static String restartStrategy(FlinkJob job) {
        int restarts = job.behaviour().restarts();
        return restarts == 0 ? "NoRestartBackoffTimeStrategy"
                : "FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=" + restarts + ", backoffTimeMS="
                        + job.restartDelayMillis() + ")";
    }
}
