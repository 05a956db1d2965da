package io.jobemu.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.junit.EmulatorHandle;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** Starts the image docker/build-local-image.sh built ({@code jobemu/emulator:<version>}) through Testcontainers. */
class JobemuContainerTest {

    @BeforeEach
    void requireDocker() {
        ContainerTests.requireDocker();
    }

    @Test
    void servesEveryApiAndTheControlApiUntilStopped() {
        JobemuContainer emulator = new JobemuContainer().withClockMode(EmulatorClock.Mode.MANUAL);
        String containerId;
        try (emulator) {
            emulator.start();
            containerId = emulator.getContainerId();

            HttpResult health = new TestHttp(emulator.getControlUrl()).get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("UP");
            assertThat(health.json().path("apis").fieldNames()).toIterable()
                    .containsExactly("flink", "jobserver", "streamkap");
            EmulatorHandle handle = emulator.getEmulatorHandle();
            assertThat(handle.isHealthy()).isTrue();
            assertThat(handle.clock().mode()).isEqualTo(EmulatorClock.Mode.MANUAL);

            HttpResult flink = new TestHttp(emulator.getFlinkUrl()).get("/overview");
            assertThat(flink.status()).isEqualTo(200);
            assertThat(flink.json().path("flink-version").asText()).isEqualTo("2.3.0");

            HttpResult jobserver = new TestHttp(emulator.getJobserverUrl()).get("/healthz");
            assertThat(jobserver.status()).isEqualTo(200);
            assertThat(jobserver.body()).isEqualTo("{\"status\":\"SUCCESS\"}");

            TestHttp streamkap = new TestHttp(emulator.getStreamkapUrl());
            HttpResult unauthenticated = streamkap.get("/flink_jobs");
            assertThat(unauthenticated.status()).isEqualTo(401);
            assertThat(unauthenticated.body()).isEqualTo("{\"detail\":\"Not authenticated\"}");
            HttpResult token = streamkap.post("/auth/access-token",
                    "{\"client_id\":\"jobemu-client-id\",\"secret\":\"jobemu-secret\"}");
            assertThat(token.status()).isEqualTo(200);
            assertThat(token.json().path("accessToken").asText()).isNotEmpty();
        }

        assertThat(emulator.isRunning()).isFalse();
        assertThatThrownBy(() -> DockerClientFactory.instance().client().inspectContainerCmd(containerId).exec())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aControlTokenGuardsTheControlApiAndTheHandleAndHealthCheckSendIt() {
        try (JobemuContainer emulator = new JobemuContainer().withControlToken("container-token")) {
            emulator.start();

            assertThat(new TestHttp(emulator.getControlUrl()).get("/health").status()).isEqualTo(401);
            assertThat(emulator.getEmulatorHandle().isHealthy()).isTrue();
            assertThat(new TestHttp(emulator.getFlinkUrl()).get("/overview").status()).isEqualTo(200);
        }
    }

    @Test
    void anImageMissingLocallyFailsWithHowToBuildItInsteadOfPulling() {
        try (JobemuContainer emulator = new JobemuContainer("jobemu/emulator:no-such-version")) {
            assertThatThrownBy(emulator::start)
                    .hasStackTraceContaining("Docker image jobemu/emulator:no-such-version is not in the local Docker"
                            + " engine and jobemu publishes none to pull")
                    .hasStackTraceContaining("docker/build-local-image.sh no-such-version")
                    .hasStackTraceContaining("docker build -f docker/Dockerfile -t jobemu/emulator:no-such-version .");
        }
    }

    @Test
    void theImageStaysHealthyOnPortsGivenAsItsCommand() {
        try (GenericContainer<?> emulator = new GenericContainer<>(JobemuContainer.DEFAULT_IMAGE_NAME
                .withTag(JobemuContainer.DEFAULT_TAG))
                .withImagePullPolicy(image -> false)
                .withCommand("--flink-port", "9081", "--jobserver-port", "9090", "--streamkap-port", "9080")
                .withExposedPorts(9081)
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofSeconds(60)))) {
            emulator.start();

            HttpResult health = new TestHttp("http://" + emulator.getHost() + ":" + emulator.getMappedPort(9081))
                    .get("/_emulator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("apis").path("flink").asText()).isEqualTo("http://localhost:9081");
            assertThat(DockerClientFactory.instance().client().inspectContainerCmd(emulator.getContainerId()).exec()
                    .getState().getHealth().getStatus()).isEqualTo("healthy");
        }
    }
}
