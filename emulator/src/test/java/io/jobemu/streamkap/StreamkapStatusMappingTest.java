package io.jobemu.streamkap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.streamkap.jobs.Deployer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Streamkap status of a job whose Flink job is in each state Flink can reach. */
class StreamkapStatusMappingTest extends StreamkapTest {

    @ParameterizedTest
    @CsvSource({
            "RUNNING, RUNNING",
            "FINISHED, FINISHED",
            "FAILING, RUNNING",
            "FAILED, FAILED",
            "CANCELLING, CANCELLED",
            "CANCELED, CANCELLED",
            "RESTARTING, RUNNING",
            "SUSPENDED, RUNNING",
            "RECONCILING, RUNNING",
    })
    void statusFollowsFlinkState(String flinkState, String streamkapStatus) {
        String id = deploy("orders", MAIN_CLASS);
        advance(UNTIL_RUNNING);
        String flinkJobId = job(id).json().path("flink_job_id").asText();

        assertThat(flink.post("/_emulator/flink/jobs/" + flinkJobId + "/state?to=" + flinkState, null).status())
                .isEqualTo(200);

        JsonNode status = api.get("/flink_jobs/" + id + "/status", token).json();
        assertThat(status.path("live_status").asText()).isEqualTo(flinkState);
        assertThat(status.path("status").asText()).isEqualTo(streamkapStatus);
        assertThat(job(id).json().path("status").asText()).isEqualTo(streamkapStatus);
    }

    @ParameterizedTest
    @CsvSource({"0, INITIALIZING", "200, CREATED"})
    void statusIsDeployingUntilFlinkRunsTheJob(long millisAfterSubmission, String flinkState) {
        String id = deploy("orders", MAIN_CLASS);
        advance(Deployer.deployDelay(emulator.config().timing()).plusMillis(millisAfterSubmission));

        JsonNode status = api.get("/flink_jobs/" + id + "/status", token).json();

        assertThat(status.path("live_status").asText()).isEqualTo(flinkState);
        assertThat(status.path("status").asText()).isEqualTo("DEPLOYING");
    }
}
