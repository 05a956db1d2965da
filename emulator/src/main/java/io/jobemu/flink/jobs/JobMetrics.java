package io.jobemu.flink.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jobemu.core.http.Json;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The job-scoped metrics Flink reports ({@code /jobs/{jobid}/metrics}), derived from the job's state. */
public final class JobMetrics {

    private JobMetrics() {
    }

    /** Every job metric with its current value (Flink sends all metric values as strings). */
    public static Map<String, String> of(FlinkJob job, long now) {
        JobCheckpoints checkpoints = job.checkpoints();
        Optional<CheckpointRecord> last = checkpoints.latestCompleted();
        boolean running = job.status() == JobStatus.RUNNING;
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("lastCheckpointSize", String.valueOf(last.map(CheckpointRecord::stateSize).orElse(-1L)));
        metrics.put("lastCheckpointExternalPath", last.map(CheckpointRecord::externalPath).orElse("n/a"));
        metrics.put("failingTime", "0");
        metrics.put("numRescales", "0");
        metrics.put("restartingTime", "0");
        metrics.put("lastCheckpointMetadataSize", String.valueOf(last.map(r -> 1024L).orElse(-1L)));
        metrics.put("numberOfInProgressCheckpoints", String.valueOf(checkpoints.inProgressCount()));
        metrics.put("downtime", "0");
        metrics.put("lastCheckpointDuration", String.valueOf(last.map(r -> r.endToEndDuration(now)).orElse(-1L)));
        metrics.put("numberOfCompletedCheckpoints", String.valueOf(checkpoints.completedCount()));
        metrics.put("numberOfFailedCheckpoints", String.valueOf(checkpoints.failedCount()));
        metrics.put("numRestarts", String.valueOf(job.restartsDone()));
        metrics.put("totalNumberOfCheckpoints", String.valueOf(checkpoints.history().size()));
        metrics.put("uptime", String.valueOf(running ? now - job.timestamps().get(JobStatus.RUNNING) : 0));
        metrics.put("runningTime", String.valueOf(running ? now - job.timestamps().get(JobStatus.RUNNING) : 0));
        metrics.put("lastCheckpointRestoreTimestamp", String.valueOf(checkpoints.restored()
                .map(JobCheckpoints.RestoredCheckpoint::restoreTimestamp).orElse(-1L)));
        return metrics;
    }

    /**
     * Without {@code get}: {@code [{"id":name}...]}. With {@code get=a,b}: {@code [{"id","value"}...]} for the
     * names that exist, others silently left out, as Flink's metric handlers do.
     */
    public static ArrayNode select(Map<String, String> metrics, Optional<String> get) {
        ArrayNode result = Json.array();
        if (get.isEmpty()) {
            metrics.keySet().forEach(name -> result.addObject().put("id", name));
            return result;
        }
        Arrays.stream(get.get().split(",")).map(String::trim).distinct().sorted()
                .filter(metrics::containsKey)
                .forEach(name -> result.addObject().put("id", name).put("value", metrics.get(name)));
        return result;
    }
}
