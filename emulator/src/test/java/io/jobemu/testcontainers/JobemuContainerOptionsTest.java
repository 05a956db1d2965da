package io.jobemu.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.flink.TimingProfile;
import org.junit.jupiter.api.Test;

/** How the container is configured; needs no Docker engine (nothing here starts a container). */
class JobemuContainerOptionsTest {

    @Test
    void defaultTagIsTheLibraryVersion() {
        assertThat(JobemuContainer.DEFAULT_TAG).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void exposesTheThreeApiPorts() {
        try (JobemuContainer emulator = new JobemuContainer()) {
            assertThat(emulator.getExposedPorts()).containsExactly(8081, 8090, 8080);
        }
    }

    @Test
    void passesEmulatorOptionsAsTheContainerCommand() {
        try (JobemuContainer emulator = new JobemuContainer()
                .withClockMode(EmulatorClock.Mode.MANUAL)
                .withTiming(TimingProfile.INSTANT)
                .withSeed(42)
                .withJobserverUser("ci", "pw")) {
            assertThat(emulator.getCommandParts()).containsExactly("--clock", "manual", "--timing", "instant",
                    "--seed", "42", "--jobserver-user", "ci:pw");
        }
    }

    @Test
    void passesTheControlTokenInTheEnvironmentNotTheCommand() {
        try (JobemuContainer emulator = new JobemuContainer().withSeed(1).withControlToken("t0k")) {
            assertThat(emulator.getEnvMap()).containsEntry("JOBEMU_CONTROL_TOKEN", "t0k");
            assertThat(emulator.getCommandParts()).containsExactly("--seed", "1");
        }
    }

    @Test
    void runsNoImageButJobemuEmulator() {
        assertThatThrownBy(() -> new JobemuContainer("eclipse-temurin:17-jre"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("eclipse-temurin:17-jre")
                .hasMessageContaining("jobemu/emulator");
    }
}
