package io.jobemu.flink.operations;

import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;

/** STUB: to be implemented. */
public final class OperationHandlers {

    private final FlinkCluster cluster;

    public OperationHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    public Response deleteDataSet(Call call) throws Exception {
        throw new UnsupportedOperationException("deleteDataSet is not emulated yet");
    }

    public Response dataSetDeleteStatus(Call call) throws Exception {
        throw new UnsupportedOperationException("dataSetDeleteStatus is not emulated yet");
    }

    public Response disposeSavepoint(Call call) throws Exception {
        throw new UnsupportedOperationException("disposeSavepoint is not emulated yet");
    }

    public Response savepointDisposalStatus(Call call) throws Exception {
        throw new UnsupportedOperationException("savepointDisposalStatus is not emulated yet");
    }

    public Response triggerSavepoint(Call call) throws Exception {
        throw new UnsupportedOperationException("triggerSavepoint is not emulated yet");
    }

    public Response savepointStatus(Call call) throws Exception {
        throw new UnsupportedOperationException("savepointStatus is not emulated yet");
    }

    public Response stopWithSavepoint(Call call) throws Exception {
        throw new UnsupportedOperationException("stopWithSavepoint is not emulated yet");
    }

    public Response triggerCheckpoint(Call call) throws Exception {
        throw new UnsupportedOperationException("triggerCheckpoint is not emulated yet");
    }

    public Response checkpointStatus(Call call) throws Exception {
        throw new UnsupportedOperationException("checkpointStatus is not emulated yet");
    }

    public Response rescale(Call call) throws Exception {
        throw new UnsupportedOperationException("rescale is not emulated yet");
    }

    public Response rescalingStatus(Call call) throws Exception {
        throw new UnsupportedOperationException("rescalingStatus is not emulated yet");
    }
}
