package io.jobemu.flink.jobs;

import io.jobemu.core.http.Call;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.FlinkParams;
import java.util.Optional;

/**
 * The path parameters of a {@code /jobs/{jobid}/vertices/{vertexid}/...} request, parsed the way Flink's REST layer
 * parses them: every malformed parameter is a 400 before any lookup happens. The lookups then fail with the error
 * of the handler family that serves the endpoint (see {@link MissingVertex}).
 */
record VertexRequest(String jobId, String vertexId) {

    /** How a Flink handler family reports a vertex id the job does not have. */
    enum MissingVertex {
        /** JobVertexDetailsHandler, JobVertexTaskManagersHandler: NotFoundException. */
        NOT_FOUND,
        /** Everything built on AbstractJobVertexHandler (subtasks, accumulators, watermarks, subtask times). */
        NO_SUCH_VERTEX
    }

    static VertexRequest of(Call call) {
        return new VertexRequest(FlinkParams.jobId(call), FlinkParams.vertexId(call));
    }


    /** The job, or Flink's 404 for an ExecutionGraph-based handler. */
    FlinkJob job(JobStore jobs) {
        return jobs.find(jobId).orElseThrow(() -> FlinkErrors.notFound("Job " + jobId + " not found"));
    }

    /** The vertex, if the job's execution graph has it. Until the graph exists, Flink's sparse graph has none. */
    Optional<JobVertex> findVertex(FlinkJob job) {
        if (!job.hasExecutionGraph()) {
            return Optional.empty();
        }
        return job.vertices().stream().filter(v -> v.id().equals(vertexId)).findFirst();
    }

    JobVertex vertex(FlinkJob job, MissingVertex missing) {
        return findVertex(job).orElseThrow(() -> switch (missing) {
            case NOT_FOUND -> FlinkErrors.notFound("JobVertex " + vertexId + " not found");
            case NO_SUCH_VERTEX -> FlinkErrors.restHandler(404, "No vertex with ID '" + vertexId + "' exists.");
        });
    }

    /** 404 unless {@code index} is below the vertex's parallelism. */
    static void checkSubtask(JobVertex vertex, int index) {
        if (index >= vertex.parallelism()) {
            throw FlinkErrors.restHandler(404, "Invalid subtask index for vertex " + vertex.id());
        }
    }
}
