package io.jobemu.contract;

import io.jobemu.contract.flows.Flow;
import io.jobemu.contract.flows.flink.FlinkFlow;
import io.jobemu.contract.flows.jobserver.JobserverFlow;
import io.jobemu.contract.flows.streamkap.StreamkapFlow;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** The APIs the checker knows: each has its packaged spec and the flow that drives it like a real client. */
public enum Api {
    FLINK("flink", "a Flink JobManager", "specs/flink-rest-v1.yaml", FlinkFlow::new),
    JOBSERVER("jobserver", "a spark-jobserver", "specs/spark-jobserver.yaml", JobserverFlow::new),
    STREAMKAP("streamkap", "Streamkap's API", "specs/streamkap.yaml", StreamkapFlow::new);

    private final String cliName;
    private final String serverName;
    private final String specResource;
    private final Supplier<Flow> flow;

    Api(String cliName, String serverName, String specResource, Supplier<Flow> flow) {
        this.cliName = cliName;
        this.serverName = serverName;
        this.specResource = specResource;
        this.flow = flow;
    }

    public String cliName() {
        return cliName;
    }

    /** The server in a sentence: "a Flink JobManager". */
    public String serverName() {
        return serverName;
    }

    public String specResource() {
        return specResource;
    }

    public Flow newFlow() {
        return flow.get();
    }

    public static Api fromCliName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(api -> api.cliName.equals(wanted)
                        || (api == JOBSERVER && wanted.equals("spark-jobserver"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown API " + name + "; use one of "
                        + Arrays.stream(values()).map(Api::cliName).toList()));
    }
}
