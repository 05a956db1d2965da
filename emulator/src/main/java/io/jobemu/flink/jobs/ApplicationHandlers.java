package io.jobemu.flink.jobs;

import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;

/** STUB: to be implemented. */
public final class ApplicationHandlers {

    private final FlinkCluster cluster;

    public ApplicationHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    public Response overview(Call call) throws Exception {
        throw new UnsupportedOperationException("overview is not emulated yet");
    }

    public Response details(Call call) throws Exception {
        throw new UnsupportedOperationException("details is not emulated yet");
    }

    public Response cancel(Call call) throws Exception {
        throw new UnsupportedOperationException("cancel is not emulated yet");
    }

    public Response exceptions(Call call) throws Exception {
        throw new UnsupportedOperationException("exceptions is not emulated yet");
    }

    public Response jobManagerConfig(Call call) throws Exception {
        throw new UnsupportedOperationException("jobManagerConfig is not emulated yet");
    }
}
