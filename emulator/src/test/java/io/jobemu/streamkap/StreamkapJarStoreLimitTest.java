package io.jobemu.streamkap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.EmulatorConfig;
import io.jobemu.core.Limits;
import io.jobemu.testing.HttpResult;
import org.junit.jupiter.api.Test;

/** Streamkap's jar deploys go into the Flink jar store, so its bound refuses them too, in FastAPI's shape. */
class StreamkapJarStoreLimitTest extends StreamkapTest {

    @Override
    protected EmulatorConfig config() {
        return super.config().withLimits(Limits.DEFAULT.toBuilder().flinkMaxJars(1).build());
    }

    @Test
    void aDeployPastTheJarStoresCountGets413AndCreatesNoJob() {
        deploy("first", MAIN_CLASS);
        String jobsBefore = api.get("/flink_jobs", token).body();

        HttpResult refused = deployJar(jarForm("second", MAIN_CLASS));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).isEqualTo("{\"detail\":\"The jar store is full: it holds its limit of 1 jars. "
                + "Delete jars with DELETE /jars/{jarid}, or start the emulator with a higher --flink-max-jars.\"}");
        assertThat(api.get("/flink_jobs", token).body()).isEqualTo(jobsBefore);
        assertThat(flink.get("/jars").json().path("files")).hasSize(1);
    }
}
