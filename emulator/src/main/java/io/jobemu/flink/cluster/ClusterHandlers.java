package io.jobemu.flink.cluster;

import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;

/** STUB: to be implemented. */
public final class ClusterHandlers {

    private final FlinkCluster cluster;

    public ClusterHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    public Response config(Call call) throws Exception {
        throw new UnsupportedOperationException("config is not emulated yet");
    }

    public Response overview(Call call) throws Exception {
        throw new UnsupportedOperationException("overview is not emulated yet");
    }

    public Response shutdown(Call call) throws Exception {
        throw new UnsupportedOperationException("shutdown is not emulated yet");
    }

    public Response dataSets(Call call) throws Exception {
        throw new UnsupportedOperationException("dataSets is not emulated yet");
    }

    public Response jobManagerConfig(Call call) throws Exception {
        throw new UnsupportedOperationException("jobManagerConfig is not emulated yet");
    }

    public Response jobManagerEnvironment(Call call) throws Exception {
        throw new UnsupportedOperationException("jobManagerEnvironment is not emulated yet");
    }

    public Response jobManagerLogs(Call call) throws Exception {
        throw new UnsupportedOperationException("jobManagerLogs is not emulated yet");
    }

    public Response jobManagerMetrics(Call call) throws Exception {
        throw new UnsupportedOperationException("jobManagerMetrics is not emulated yet");
    }

    public Response jobManagerThreadDump(Call call) throws Exception {
        throw new UnsupportedOperationException("jobManagerThreadDump is not emulated yet");
    }

    public Response taskManagers(Call call) throws Exception {
        throw new UnsupportedOperationException("taskManagers is not emulated yet");
    }

    public Response aggregatedTaskManagerMetrics(Call call) throws Exception {
        throw new UnsupportedOperationException("aggregatedTaskManagerMetrics is not emulated yet");
    }

    public Response taskManagerDetails(Call call) throws Exception {
        throw new UnsupportedOperationException("taskManagerDetails is not emulated yet");
    }

    public Response taskManagerLogs(Call call) throws Exception {
        throw new UnsupportedOperationException("taskManagerLogs is not emulated yet");
    }

    public Response taskManagerMetrics(Call call) throws Exception {
        throw new UnsupportedOperationException("taskManagerMetrics is not emulated yet");
    }

    public Response taskManagerThreadDump(Call call) throws Exception {
        throw new UnsupportedOperationException("taskManagerThreadDump is not emulated yet");
    }

    public Response aggregatedJobMetrics(Call call) throws Exception {
        throw new UnsupportedOperationException("aggregatedJobMetrics is not emulated yet");
    }
}
