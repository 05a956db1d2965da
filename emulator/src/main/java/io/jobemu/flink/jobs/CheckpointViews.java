package io.jobemu.flink.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON views of a job's checkpoint statistics, field for field as Flink 2.3 renders them. Build them under the job's
 * lock ({@link FlinkJob#inspect}): {@link JobCheckpoints} is guarded by it.
 *
 * <p>The emulator records one size and one completion time per checkpoint; every subtask acknowledges at that time
 * with an equal share of the size. Nothing is buffered, processed or persisted during alignment.
 */
final class CheckpointViews {

    /**
     * {@code execution.checkpointing.dir}: where completed checkpoints live ({@code <dir>/<job id>/chk-<id>}).
     * Checkpoint storage is the file system one, as on a cluster with this option set.
     */
    static final String CHECKPOINT_DIR = "file:/tmp/flink-checkpoints";

    /** Flink's defaults for everything a job does not configure. */
    private static final long CHECKPOINT_TIMEOUT_MS = 600_000;
    private static final long CHANGELOG_MATERIALIZATION_INTERVAL_MS = 600_000;

    /** The configured interval of a job without periodic checkpoints: Flink's "disabled" interval. */
    private static final long DISABLED_INTERVAL = Long.MAX_VALUE;

    private static final double[] SUMMARY_QUANTILES = {0.5, 0.9, 0.95, 0.99, 0.999};
    private static final String[] SUMMARY_QUANTILE_KEYS = {"p50", "p90", "p95", "p99", "p999"};

    private CheckpointViews() {
    }

    /** {@code GET /jobs/{jobid}/checkpoints}. */
    static ObjectNode statistics(FlinkJob job, long now) {
        JobCheckpoints checkpoints = job.checkpoints();
        ObjectNode view = Json.object();
        view.putObject("counts")
                .put("restored", checkpoints.restoredCount())
                .put("total", checkpoints.inProgressCount() + checkpoints.completedCount()
                        + checkpoints.failedCount())
                .put("in_progress", checkpoints.inProgressCount())
                .put("completed", checkpoints.completedCount())
                .put("failed", checkpoints.failedCount());
        view.set("summary", summary(checkpoints.history()));
        ObjectNode latest = view.putObject("latest");
        latest.set("completed", orNull(latestCompletedCheckpoint(checkpoints).map(r -> record(job, r, now))));
        latest.set("savepoint", orNull(checkpoints.latestSavepoint().map(r -> record(job, r, now))));
        latest.set("failed", orNull(checkpoints.latestFailed().map(r -> record(job, r, now))));
        latest.set("restored", orNull(checkpoints.restored().map(CheckpointViews::restored)));
        ArrayNode history = view.putArray("history");
        checkpoints.history().forEach(r -> history.add(record(job, r, now)));
        return view;
    }

    /**
     * {@code GET /jobs/{jobid}/checkpoints/config}. A streaming job always has a checkpoint coordinator; without a
     * checkpoint interval Flink configures it with the disabled interval and at-least-once mode.
     */
    static ObjectNode config(FlinkJob job) {
        boolean enabled = job.checkpointingEnabled();
        ObjectNode view = Json.object()
                .put("mode", enabled ? "exactly_once" : "at_least_once")
                .put("interval", enabled ? job.behaviour().checkpointInterval().toMillis() : DISABLED_INTERVAL)
                .put("timeout", CHECKPOINT_TIMEOUT_MS)
                .put("min_pause", 0)
                .put("max_concurrent", 1);
        view.putObject("externalization").put("enabled", false).put("delete_on_cancellation", true);
        return view
                .put("state_backend", "HashMapStateBackend")
                .put("checkpoint_storage", "FileSystemCheckpointStorage")
                .put("unaligned_checkpoints", false)
                .put("tolerable_failed_checkpoints", 0)
                .put("aligned_checkpoint_timeout", 0)
                .put("checkpoints_after_tasks_finish", true)
                .put("state_changelog_enabled", false)
                .put("changelog_periodic_materialization_interval", CHANGELOG_MATERIALIZATION_INTERVAL_MS)
                .put("changelog_storage", "memory");
    }

    /** {@code GET /jobs/{jobid}/checkpoints/details/{checkpointid}}: the record with per-vertex statistics. */
    static ObjectNode details(FlinkJob job, CheckpointRecord record, long now) {
        ObjectNode view = record(job, record, now);
        ObjectNode tasks = (ObjectNode) view.get("tasks");
        for (JobVertex vertex : job.vertices()) {
            tasks.set(vertex.id(), task(job, record, vertex, now));
        }
        return view;
    }

    /** {@code GET .../checkpoints/details/{checkpointid}/subtasks/{vertexid}}. */
    static ObjectNode subtaskDetails(FlinkJob job, CheckpointRecord record, JobVertex vertex, long now) {
        ObjectNode view = task(job, record, vertex, now);
        List<long[]> acked = new ArrayList<>();
        ArrayNode subtasks = Json.array();
        for (int i = 0; i < vertex.parallelism(); i++) {
            if (record.status() != CheckpointRecord.Status.COMPLETED) {
                subtasks.addObject().put("className", "pending").put("index", i).put("status", "pending_or_failed");
                continue;
            }
            long size = subtaskSize(job, record, vertex, i);
            long duration = record.endToEndDuration(now);
            acked.add(new long[] {size, duration});
            ObjectNode subtask = subtasks.addObject()
                    .put("className", "completed")
                    .put("index", i)
                    .put("ack_timestamp", record.latestAckTimestamp())
                    .put("end_to_end_duration", duration)
                    .put("checkpointed_size", size)
                    .put("state_size", size);
            subtask.putObject("checkpoint").put("sync", 0).put("async", 0);
            subtask.putObject("alignment").put("buffered", 0).put("processed", 0).put("persisted", 0)
                    .put("duration", 0);
            subtask.put("start_delay", 0)
                    .put("unaligned_checkpoint", false)
                    .put("aborted", false)
                    .put("status", "completed");
        }
        long[] sizes = acked.stream().mapToLong(a -> a[0]).toArray();
        long[] durations = acked.stream().mapToLong(a -> a[1]).toArray();
        long[] zeros = new long[acked.size()];
        ObjectNode summary = view.putObject("summary");
        summary.set("checkpointed_size", minMaxAvg(sizes));
        summary.set("state_size", minMaxAvg(sizes));
        summary.set("end_to_end_duration", minMaxAvg(durations));
        ObjectNode checkpointDuration = summary.putObject("checkpoint_duration");
        checkpointDuration.set("sync", minMaxAvg(zeros));
        checkpointDuration.set("async", minMaxAvg(zeros));
        ObjectNode alignment = summary.putObject("alignment");
        alignment.set("buffered", nothingBuffered());
        alignment.set("processed", minMaxAvg(zeros));
        alignment.set("persisted", minMaxAvg(zeros));
        alignment.set("duration", minMaxAvg(zeros));
        summary.set("start_delay", minMaxAvg(zeros));
        view.set("subtasks", subtasks);
        return view;
    }

    /** One checkpoint as the history, {@code latest} and details list it ({@code tasks} empty but in details). */
    private static ObjectNode record(FlinkJob job, CheckpointRecord record, long now) {
        CheckpointRecord.Status status = record.status();
        boolean completed = status == CheckpointRecord.Status.COMPLETED;
        int subtasks = job.vertices().stream().mapToInt(JobVertex::parallelism).sum();
        ObjectNode view = Json.object()
                .put("className", className(status))
                .put("id", record.id())
                .put("status", status.name())
                .put("is_savepoint", record.isSavepoint())
                .put("savepointFormat", record.isSavepoint() ? "CANONICAL" : null)
                .put("trigger_timestamp", record.triggerTimestamp())
                .put("latest_ack_timestamp", completed ? record.latestAckTimestamp() : -1)
                .put("checkpointed_size", completed ? record.stateSize() : 0)
                .put("state_size", completed ? record.stateSize() : 0)
                .put("end_to_end_duration", endToEndDuration(record, now))
                .put("alignment_buffered", 0)
                .put("processed_data", 0)
                .put("persisted_data", 0)
                .put("num_subtasks", subtasks)
                .put("num_acknowledged_subtasks", completed ? subtasks : 0)
                .put("checkpoint_type", checkpointType(record));
        view.putObject("tasks");
        switch (status) {
            case COMPLETED -> view.put("external_path", externalPath(job, record))
                    .put("discarded", discarded(job, record));
            case FAILED -> view.put("failure_timestamp", record.latestAckTimestamp())
                    .put("failure_message", record.failureMessage());
            case IN_PROGRESS -> { }
        }
        return view;
    }

    /** A vertex's share of a checkpoint ({@code TaskCheckpointStatistics}). */
    private static ObjectNode task(FlinkJob job, CheckpointRecord record, JobVertex vertex, long now) {
        boolean completed = record.status() == CheckpointRecord.Status.COMPLETED;
        long size = 0;
        for (int i = 0; completed && i < vertex.parallelism(); i++) {
            size += subtaskSize(job, record, vertex, i);
        }
        return Json.object()
                .put("id", record.id())
                .put("status", record.status().name())
                .put("latest_ack_timestamp", completed ? record.latestAckTimestamp() : -1)
                .put("checkpointed_size", size)
                .put("state_size", size)
                .put("end_to_end_duration", completed ? record.endToEndDuration(now) : -1)
                .put("alignment_buffered", 0)
                .put("processed_data", 0)
                .put("persisted_data", 0)
                .put("num_subtasks", vertex.parallelism())
                .put("num_acknowledged_subtasks", completed ? vertex.parallelism() : 0);
    }

    /** The checkpoint's size split evenly over all subtasks of the job, the remainder going to the first ones. */
    private static long subtaskSize(FlinkJob job, CheckpointRecord record, JobVertex vertex, int subtask) {
        int total = job.vertices().stream().mapToInt(JobVertex::parallelism).sum();
        int position = subtask;
        for (JobVertex v : job.vertices()) {
            if (v.equals(vertex)) {
                break;
            }
            position += v.parallelism();
        }
        long share = record.stateSize() / total;
        return share + (position < record.stateSize() % total ? 1 : 0);
    }

    /**
     * {@code summary} of the statistics: over the completed checkpoints in the history, with percentiles. Flink
     * reports no alignment buffering (a constant 0 summary).
     */
    private static ObjectNode summary(List<CheckpointRecord> history) {
        List<CheckpointRecord> completed = history.stream()
                .filter(r -> r.status() == CheckpointRecord.Status.COMPLETED).toList();
        long[] sizes = completed.stream().mapToLong(CheckpointRecord::stateSize).toArray();
        long[] durations = completed.stream().mapToLong(r -> r.endToEndDuration(r.latestAckTimestamp())).toArray();
        long[] zeros = new long[completed.size()];
        ObjectNode summary = Json.object();
        summary.set("checkpointed_size", withPercentiles(sizes));
        summary.set("state_size", withPercentiles(sizes));
        summary.set("end_to_end_duration", withPercentiles(durations));
        summary.set("alignment_buffered", nothingBuffered());
        summary.set("processed_data", withPercentiles(zeros));
        summary.set("persisted_data", withPercentiles(zeros));
        return summary;
    }

    /** A {@code StatsSummaryDto} with percentiles (NaN, rendered "NaN", without values). */
    private static ObjectNode withPercentiles(long[] values) {
        ObjectNode stats = minMaxAvgOnly(values);
        for (int i = 0; i < SUMMARY_QUANTILES.length; i++) {
            stats.put(SUMMARY_QUANTILE_KEYS[i], VertexStatistics.percentile(values, SUMMARY_QUANTILES[i]));
        }
        return stats;
    }

    /** A {@code StatsSummaryDto} of per-subtask statistics: Flink keeps no histogram there, so percentiles are NaN. */
    private static ObjectNode minMaxAvg(long[] values) {
        ObjectNode stats = minMaxAvgOnly(values);
        for (String key : SUMMARY_QUANTILE_KEYS) {
            stats.put(key, Double.NaN);
        }
        return stats;
    }

    /** Flink's constant summary for alignment buffering, which 2.x no longer measures. */
    private static ObjectNode nothingBuffered() {
        ObjectNode stats = minMaxAvgOnly(new long[0]);
        for (String key : SUMMARY_QUANTILE_KEYS) {
            stats.put(key, 0.0);
        }
        return stats;
    }

    private static ObjectNode minMaxAvgOnly(long[] values) {
        return Json.object()
                .put("min", VertexStatistics.min(values))
                .put("max", VertexStatistics.max(values))
                .put("avg", VertexStatistics.average(values));
    }

    private static ObjectNode restored(JobCheckpoints.RestoredCheckpoint restored) {
        return Json.object()
                .put("id", restored.id())
                .put("restore_timestamp", restored.restoreTimestamp())
                .put("is_savepoint", restored.savepoint())
                .put("external_path", restored.externalPath());
    }

    /**
     * Flink's latest completed checkpoint excludes savepoints. The history holds the recent ones; older than that,
     * only {@link JobCheckpoints#latestCompleted()} is known.
     */
    private static Optional<CheckpointRecord> latestCompletedCheckpoint(JobCheckpoints checkpoints) {
        Optional<CheckpointRecord> inHistory = checkpoints.history().stream()
                .filter(r -> r.status() == CheckpointRecord.Status.COMPLETED && !r.isSavepoint())
                .findFirst();
        return inHistory.or(() -> checkpoints.latestCompleted().filter(r -> !r.isSavepoint()));
    }

    /**
     * A checkpoint is discarded when a newer one subsumes it (one is retained) and, without externalization, when
     * the job ends. Savepoints belong to the user and are never discarded.
     */
    private static boolean discarded(FlinkJob job, CheckpointRecord record) {
        if (record.isSavepoint()) {
            return false;
        }
        return job.status().isGloballyTerminal()
                || latestCompletedCheckpoint(job.checkpoints()).map(latest -> latest.id() != record.id()).orElse(true);
    }

    private static String externalPath(FlinkJob job, CheckpointRecord record) {
        return record.externalPath() != null ? record.externalPath()
                : CHECKPOINT_DIR + "/" + job.id() + "/chk-" + record.id();
    }

    private static long endToEndDuration(CheckpointRecord record, long now) {
        return record.status() == CheckpointRecord.Status.IN_PROGRESS ? -1 : record.endToEndDuration(now);
    }

    private static String checkpointType(CheckpointRecord record) {
        return switch (record.kind()) {
            case CHECKPOINT -> "CHECKPOINT";
            case SAVEPOINT -> "SAVEPOINT";
            case SYNC_SAVEPOINT -> "SYNC_SAVEPOINT";
        };
    }

    private static String className(CheckpointRecord.Status status) {
        return switch (status) {
            case COMPLETED -> "completed";
            case FAILED -> "failed";
            case IN_PROGRESS -> "in_progress";
        };
    }

    private static ObjectNode orNull(Optional<ObjectNode> view) {
        return view.orElse(null);
    }
}
