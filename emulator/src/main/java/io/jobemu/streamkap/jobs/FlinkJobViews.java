package io.jobemu.streamkap.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.flink.cluster.TaskManagers;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobExceptionViews;
import io.jobemu.flink.jobs.JobViews;
import io.jobemu.streamkap.StreamkapTime;

/**
 * The job objects Streamkap answers with, keys in the documented order: {@code FlinkJobResponse} ({@code _id}),
 * its detail extension with live Flink data, and the lightweight status ({@code id}, not {@code _id}).
 */
public final class FlinkJobViews {

    /** Flink's default {@code maxExceptions} for the exception history the detail's errors come from. */
    private static final int MAX_ERRORS = 20;

    private final FlinkCluster cluster;

    public FlinkJobViews(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    /** {@code FlinkJobResponse}. */
    public ObjectNode job(StreamkapJob.Snapshot job) {
        StreamkapJob.Definition definition = job.definition();
        return Json.object()
                .put("_id", definition.id())
                .put("name", definition.name())
                .put("job_type", definition.type().wireName())
                .put("status", job.status().name())
                .put("flink_job_name", definition.flinkJobName())
                .put("flink_job_id", job.flink().map(FlinkJob::id).orElse(null))
                .put("parallelism", definition.parallelism())
                .put("created_by", definition.createdBy())
                .put("created_timestamp", StreamkapTime.iso(definition.createdAt()))
                .put("updated_timestamp", StreamkapTime.iso(job.updatedAt()));
    }

    /**
     * {@code FlinkJobDetailResponse}: the job plus what Streamkap reads from Flink's REST API. Checkpoints are
     * Flink's checkpoint statistics of the job and errors its exception-history entries; both are empty (and
     * errors null) before the job reaches Flink.
     */
    public ObjectNode detail(StreamkapJob.Snapshot job) {
        ObjectNode view = job(job);
        view.put("live_status", job.liveStatus() == null ? null : job.liveStatus().name());
        FlinkJob flink = job.flinkJob();
        if (flink == null) {
            view.putObject("checkpoints");
            view.putNull("errors");
        } else {
            long now = cluster.context().clock().millis();
            view.set("checkpoints", JobViews.checkpointStatistics(flink, now));
            view.set("errors", errors(flink));
        }
        view.set("job_args", job.definition().jobArgs());
        view.put("savepoint_path", job.savepointPath());
        view.put("error_message", job.errorMessage());
        return view;
    }

    /** {@code FlinkJobStatusResponse}. */
    public ObjectNode status(StreamkapJob.Snapshot job) {
        return Json.object()
                .put("id", job.definition().id())
                .put("status", job.status().name())
                .put("live_status", job.liveStatus() == null ? null : job.liveStatus().name())
                .put("flink_job_id", job.flink().map(FlinkJob::id).orElse(null));
    }

    /** Failures are reported for the first subtask, which ran on the task manager hosting subtask 0. */
    private JsonNode errors(FlinkJob flink) {
        String taskManagerId = cluster.taskManagers().hostOf(flink.id(), 0).map(TaskManagers.TaskManager::id)
                .orElse("");
        return JobExceptionViews.history(flink, MAX_ERRORS, false, taskManagerId).path("exceptionHistory")
                .path("entries");
    }
}
