package io.jobemu.flink.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jobemu.core.http.Json;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The job-scoped metrics Flink reports ({@code /jobs/{jobid}/metrics}), derived from the job's state: the names in
 * the order the captured 2.3.0 server listed them, each value as the gauge behind it would read now.
 */
public final class JobMetrics {

    /** What Flink's uptime and downtime gauges read once the job has ended. */
    private static final long NO_LONGER_RUNNING = -1;

    private JobMetrics() {
    }

    /** Every job metric with its current value (Flink sends all metric values as strings). Call inside inspect. */
    public static Map<String, String> of(FlinkJob job, long now) {
        JobCheckpoints checkpoints = job.checkpoints();
        Optional<CheckpointRecord> last = checkpoints.latestCompleted();
        Map<String, String> metrics = new LinkedHashMap<>();
        BiConsumer<String, Long> number = (name, value) -> metrics.put(name, String.valueOf(value));
        number.accept("lastCheckpointSize", last.map(CheckpointRecord::stateSize).orElse(-1L));
        metrics.put("lastCheckpointExternalPath", last.map(CheckpointRecord::externalPath).orElse("n/a"));
        number.accept("failingTime", timeIn(job, JobStatus.FAILING, now));
        number.accept("numRescales", 0L);
        number.accept("restartingTime", timeIn(job, JobStatus.RESTARTING, now));
        number.accept("lastCheckpointMetadataSize", last.map(record -> 1024L).orElse(-1L));
        number.accept("numberOfInProgressCheckpoints", (long) checkpoints.inProgressCount());
        number.accept("numberOfCompletedCheckpoints", (long) checkpoints.completedCount());
        number.accept("lastCheckpointProcessedData", last.map(record -> 0L).orElse(-1L));
        number.accept("numRestarts", (long) job.restartsDone());
        number.accept("deployingTime", deployingTime(job, now));
        number.accept("createdTime", timeIn(job, JobStatus.CREATED, now));
        number.accept("lastCheckpointDuration", last.map(record -> record.endToEndDuration(now)).orElse(-1L));
        number.accept("numberOfFailedCheckpoints", (long) checkpoints.failedCount());
        number.accept("cancellingTime", timeIn(job, JobStatus.CANCELLING, now));
        number.accept("lastCheckpointCompletedTimestamp",
                last.map(CheckpointRecord::latestAckTimestamp).orElse(-1L));
        number.accept("totalNumberOfCheckpoints", (long) (checkpoints.completedCount() + checkpoints.failedCount()
                + checkpoints.inProgressCount()));
        number.accept("lastCompletedCheckpointId", last.map(CheckpointRecord::id).orElse(-1L));
        number.accept("lastCheckpointRestoreTimestamp", checkpoints.restored()
                .map(JobCheckpoints.RestoredCheckpoint::restoreTimestamp).orElse(-1L));
        number.accept("runningTime", timeIn(job, JobStatus.RUNNING, now));
        number.accept("uptime", uptime(job, now));
        number.accept("allSubTasksRunningOrFinishedTime", job.tasksRunningSince() < 0 ? 0
                : now - job.tasksRunningSince());
        number.accept("initializingTime", timeIn(job, JobStatus.INITIALIZING, now));
        number.accept("downtime", downtime(job, now));
        number.accept("lastCheckpointFullSize", last.map(CheckpointRecord::stateSize).orElse(-1L));
        number.accept("lastCheckpointPersistedData", last.map(record -> 0L).orElse(-1L));
        return metrics;
    }

    /**
     * Without {@code get}: {@code [{"id":name}...]}. With {@code get=a,b}: {@code [{"id","value"}...]} for the
     * names that exist, others silently left out. Flink collects the requested names in a HashSet, so the answer
     * follows that set's iteration order, not the request's.
     */
    public static ArrayNode select(Map<String, String> metrics, Optional<String> get) {
        ArrayNode result = Json.array();
        if (get.isEmpty()) {
            metrics.keySet().forEach(name -> result.addObject().put("id", name));
            return result;
        }
        Set<String> requested = new HashSet<>();
        Collections.addAll(requested, get.get().split(","));
        requested.stream().filter(metrics::containsKey)
                .forEach(name -> result.addObject().put("id", name).put("value", metrics.get(name)));
        return result;
    }

    /** Flink's per-state "...Time" gauges: how long the job has been in {@code status}, 0 when it is not in it. */
    private static long timeIn(FlinkJob job, JobStatus status, long now) {
        return job.status() == status ? now - job.timestamps().get(status) : 0;
    }

    /** Time the running job has spent deploying its tasks, 0 once they all run. */
    private static long deployingTime(FlinkJob job, long now) {
        boolean deploying = job.status() == JobStatus.RUNNING && job.tasksRunningSince() < 0;
        return deploying ? now - job.vertexStartTime() : 0;
    }

    private static long uptime(FlinkJob job, long now) {
        if (job.status().isGloballyTerminal()) {
            return NO_LONGER_RUNNING;
        }
        return job.status() == JobStatus.RUNNING ? now - job.timestamps().get(JobStatus.RUNNING) : 0;
    }

    /** Time since the latest failure while the job is failing or restarting; 0 while it runs. */
    private static long downtime(FlinkJob job, long now) {
        JobStatus status = job.status();
        if (status.isGloballyTerminal()) {
            return NO_LONGER_RUNNING;
        }
        if (status != JobStatus.FAILING && status != JobStatus.RESTARTING) {
            return 0;
        }
        return now - job.timestamps().get(status);
    }
}
