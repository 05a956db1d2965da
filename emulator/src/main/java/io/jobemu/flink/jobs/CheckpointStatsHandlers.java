package io.jobemu.flink.jobs;

import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;

/** STUB: to be implemented. */
public final class CheckpointStatsHandlers {

    private final FlinkCluster cluster;

    public CheckpointStatsHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    public Response statistics(Call call) throws Exception {
        throw new UnsupportedOperationException("statistics is not emulated yet");
    }

    public Response config(Call call) throws Exception {
        throw new UnsupportedOperationException("config is not emulated yet");
    }

    public Response details(Call call) throws Exception {
        throw new UnsupportedOperationException("details is not emulated yet");
    }

    public Response subtaskDetails(Call call) throws Exception {
        throw new UnsupportedOperationException("subtaskDetails is not emulated yet");
    }
}
