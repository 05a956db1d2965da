package io.jobemu.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.flink.TimingProfile;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
            assertThat(emulator.emulatorCommand()).containsExactly("--clock", "manual", "--timing", "instant",
                    "--seed", "42", "--jobserver-user", "ci:pw");
            assertThat(emulator.getCommandParts()).as("set once, as the container is created").isEmpty();
        }
    }

    @Test
    void passesTheControlTokenInTheEnvironmentNotTheCommand() {
        try (JobemuContainer emulator = new JobemuContainer().withSeed(1).withControlToken("t0k")) {
            assertThat(emulator.getEnvMap()).containsEntry("JOBEMU_CONTROL_TOKEN", "t0k");
            assertThat(emulator.emulatorCommand()).containsExactly("--seed", "1");
        }
    }

    @Test
    void testcontainersNeedsRyukUnlessItIsDisabled() {
        URI socket = URI.create("unix:///var/run/docker.sock");
        assertThat(HelperImages.needed(Map.of(), false, socket, "ryuk:1", "alpine:3"))
                .extracting(HelperImages.Needed::image).containsExactly("ryuk:1");
        assertThat(HelperImages.needed(Map.of("TESTCONTAINERS_RYUK_DISABLED", "true"), false, socket, "ryuk:1",
                "alpine:3")).isEmpty();
    }

    @Test
    void insideAContainerTestcontainersNeedsAHelperImageUnlessTheHostIsGiven() {
        URI socket = URI.create("unix:///var/run/docker.sock");
        Map<String, String> noRyuk = Map.of("TESTCONTAINERS_RYUK_DISABLED", "true");
        List<HelperImages.Needed> needed = HelperImages.needed(noRyuk, true, socket, "ryuk:1", "alpine:3");
        assertThat(needed).extracting(HelperImages.Needed::image).containsExactly("alpine:3");
        assertThat(needed.get(0).instead()).startsWith("TESTCONTAINERS_HOST_OVERRIDE=localhost");
        assertThat(HelperImages.needed(Map.of("TESTCONTAINERS_RYUK_DISABLED", "true",
                "TESTCONTAINERS_HOST_OVERRIDE", "localhost"), true, socket, "ryuk:1", "alpine:3")).isEmpty();
        assertThat(HelperImages.needed(noRyuk, true, URI.create("tcp://docker:2375"), "ryuk:1", "alpine:3"))
                .as("a TCP engine's address is its host").isEmpty();
    }

    @Test
    void runsNoImageButJobemuEmulator() {
        assertThatThrownBy(() -> new JobemuContainer("eclipse-temurin:17-jre"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("eclipse-temurin:17-jre")
                .hasMessageContaining("jobemu/emulator");
    }
}
