package io.jobemu.flink.jobs;

import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.FlinkParams;

/**
 * {@code /jobs/{jobid}/checkpoints...}: checkpoint statistics and configuration (triggering and polling checkpoints
 * is in the operation handlers). Path parameters are all parsed (400 when malformed) before any lookup.
 */
public final class CheckpointStatsHandlers {

    private final FlinkCluster cluster;

    public CheckpointStatsHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    public Response statistics(Call call) throws Exception {
        FlinkJob job = job(FlinkParams.jobId(call));
        long now = now();
        return FlinkErrors.json(200, job.inspect(j -> CheckpointViews.statistics(j, now)));
    }

    public Response config(Call call) throws Exception {
        FlinkJob job = job(FlinkParams.jobId(call));
        return FlinkErrors.json(200, CheckpointViews.config(job));
    }

    public Response details(Call call) throws Exception {
        String jobId = FlinkParams.jobId(call);
        long checkpointId = FlinkParams.number(call, "checkpointid");
        FlinkJob job = job(jobId);
        long now = now();
        return FlinkErrors.json(200, job.inspect(j -> CheckpointViews.details(j, checkpoint(j, checkpointId), now)));
    }

    public Response subtaskDetails(Call call) throws Exception {
        String jobId = FlinkParams.jobId(call);
        long checkpointId = FlinkParams.number(call, "checkpointid");
        String vertexId = FlinkParams.vertexId(call);
        FlinkJob job = job(jobId);
        long now = now();
        return FlinkErrors.json(200, job.inspect(j -> {
            CheckpointRecord record = checkpoint(j, checkpointId);
            JobVertex vertex = new VertexRequest(jobId, vertexId).findVertex(j).orElseThrow(() ->
                    FlinkErrors.notFound("There is no checkpoint statistics for task " + vertexId + "."));
            return CheckpointViews.subtaskDetails(j, record, vertex, now);
        }));
    }

    private FlinkJob job(String jobId) {
        return cluster.jobs().find(jobId).orElseThrow(() -> FlinkErrors.notFound("Job " + jobId + " not found"));
    }

    /** A checkpoint in the job's statistics history; Flink forgets older ones. Call under the job's lock. */
    private static CheckpointRecord checkpoint(FlinkJob job, long checkpointId) {
        return job.checkpoints().find(checkpointId).orElseThrow(() -> FlinkErrors.restHandler(404,
                "Could not find checkpointing statistics for checkpoint " + checkpointId + "."));
    }

    private long now() {
        return cluster.context().clock().millis();
    }
}
