package io.jobemu.flink.jars;

import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;

/** STUB: to be implemented. */
public final class JarHandlers {

    private final FlinkCluster cluster;

    public JarHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    public Response list(Call call) throws Exception {
        throw new UnsupportedOperationException("list is not emulated yet");
    }

    public Response upload(Call call) throws Exception {
        throw new UnsupportedOperationException("upload is not emulated yet");
    }

    public Response delete(Call call) throws Exception {
        throw new UnsupportedOperationException("delete is not emulated yet");
    }

    public Response plan(Call call) throws Exception {
        throw new UnsupportedOperationException("plan is not emulated yet");
    }

    public Response run(Call call) throws Exception {
        throw new UnsupportedOperationException("run is not emulated yet");
    }

    public Response runApplication(Call call) throws Exception {
        throw new UnsupportedOperationException("runApplication is not emulated yet");
    }
}
