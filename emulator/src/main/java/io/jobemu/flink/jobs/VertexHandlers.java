package io.jobemu.flink.jobs;

import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;

/** STUB: to be implemented. */
public final class VertexHandlers {

    private final FlinkCluster cluster;

    public VertexHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    public Response details(Call call) throws Exception {
        throw new UnsupportedOperationException("details is not emulated yet");
    }

    public Response accumulators(Call call) throws Exception {
        throw new UnsupportedOperationException("accumulators is not emulated yet");
    }

    public Response backPressure(Call call) throws Exception {
        throw new UnsupportedOperationException("backPressure is not emulated yet");
    }

    public Response flameGraph(Call call) throws Exception {
        throw new UnsupportedOperationException("flameGraph is not emulated yet");
    }

    public Response jobManagerOperatorMetrics(Call call) throws Exception {
        throw new UnsupportedOperationException("jobManagerOperatorMetrics is not emulated yet");
    }

    public Response metrics(Call call) throws Exception {
        throw new UnsupportedOperationException("metrics is not emulated yet");
    }

    public Response subtaskAccumulators(Call call) throws Exception {
        throw new UnsupportedOperationException("subtaskAccumulators is not emulated yet");
    }

    public Response aggregatedSubtaskMetrics(Call call) throws Exception {
        throw new UnsupportedOperationException("aggregatedSubtaskMetrics is not emulated yet");
    }

    public Response subtaskDetails(Call call) throws Exception {
        throw new UnsupportedOperationException("subtaskDetails is not emulated yet");
    }

    public Response subtaskAttemptDetails(Call call) throws Exception {
        throw new UnsupportedOperationException("subtaskAttemptDetails is not emulated yet");
    }

    public Response subtaskAttemptAccumulators(Call call) throws Exception {
        throw new UnsupportedOperationException("subtaskAttemptAccumulators is not emulated yet");
    }

    public Response subtaskMetrics(Call call) throws Exception {
        throw new UnsupportedOperationException("subtaskMetrics is not emulated yet");
    }

    public Response subtaskTimes(Call call) throws Exception {
        throw new UnsupportedOperationException("subtaskTimes is not emulated yet");
    }

    public Response taskManagers(Call call) throws Exception {
        throw new UnsupportedOperationException("taskManagers is not emulated yet");
    }

    public Response watermarks(Call call) throws Exception {
        throw new UnsupportedOperationException("watermarks is not emulated yet");
    }
}
