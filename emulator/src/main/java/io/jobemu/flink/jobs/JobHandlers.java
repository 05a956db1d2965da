package io.jobemu.flink.jobs;

import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;

/** STUB: to be implemented. */
public final class JobHandlers {

    private final FlinkCluster cluster;

    public JobHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    public Response list(Call call) throws Exception {
        throw new UnsupportedOperationException("list is not emulated yet");
    }

    public Response submitJobGraph(Call call) throws Exception {
        throw new UnsupportedOperationException("submitJobGraph is not emulated yet");
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

    public Response yarnStop(Call call) throws Exception {
        throw new UnsupportedOperationException("yarnStop is not emulated yet");
    }

    public Response status(Call call) throws Exception {
        throw new UnsupportedOperationException("status is not emulated yet");
    }

    public Response config(Call call) throws Exception {
        throw new UnsupportedOperationException("config is not emulated yet");
    }

    public Response exceptions(Call call) throws Exception {
        throw new UnsupportedOperationException("exceptions is not emulated yet");
    }

    public Response executionResult(Call call) throws Exception {
        throw new UnsupportedOperationException("executionResult is not emulated yet");
    }

    public Response plan(Call call) throws Exception {
        throw new UnsupportedOperationException("plan is not emulated yet");
    }

    public Response accumulators(Call call) throws Exception {
        throw new UnsupportedOperationException("accumulators is not emulated yet");
    }

    public Response metrics(Call call) throws Exception {
        throw new UnsupportedOperationException("metrics is not emulated yet");
    }

    public Response coordinationRequest(Call call) throws Exception {
        throw new UnsupportedOperationException("coordinationRequest is not emulated yet");
    }

    public Response clientHeartbeat(Call call) throws Exception {
        throw new UnsupportedOperationException("clientHeartbeat is not emulated yet");
    }

    public Response resourceRequirements(Call call) throws Exception {
        throw new UnsupportedOperationException("resourceRequirements is not emulated yet");
    }

    public Response updateResourceRequirements(Call call) throws Exception {
        throw new UnsupportedOperationException("updateResourceRequirements is not emulated yet");
    }

    public Response jobManagerConfig(Call call) throws Exception {
        throw new UnsupportedOperationException("jobManagerConfig is not emulated yet");
    }

    public Response jobManagerEnvironment(Call call) throws Exception {
        throw new UnsupportedOperationException("jobManagerEnvironment is not emulated yet");
    }

    public Response jobManagerLogUrl(Call call) throws Exception {
        throw new UnsupportedOperationException("jobManagerLogUrl is not emulated yet");
    }

    public Response taskManagerLogUrl(Call call) throws Exception {
        throw new UnsupportedOperationException("taskManagerLogUrl is not emulated yet");
    }

    public Response rescalesConfig(Call call) throws Exception {
        throw new UnsupportedOperationException("rescalesConfig is not emulated yet");
    }

    public Response rescaleDetails(Call call) throws Exception {
        throw new UnsupportedOperationException("rescaleDetails is not emulated yet");
    }

    public Response rescalesHistory(Call call) throws Exception {
        throw new UnsupportedOperationException("rescalesHistory is not emulated yet");
    }

    public Response rescalesOverview(Call call) throws Exception {
        throw new UnsupportedOperationException("rescalesOverview is not emulated yet");
    }

    public Response rescalesSummary(Call call) throws Exception {
        throw new UnsupportedOperationException("rescalesSummary is not emulated yet");
    }
}
