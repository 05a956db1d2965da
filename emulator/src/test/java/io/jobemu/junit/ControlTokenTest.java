package io.jobemu.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.testing.TestHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An emulator started with a control token: the injected handles carry it, nothing else gets in. */
@WithEmulator(controlToken = "junit-control-token")
class ControlTokenTest {

    @Test
    void theInjectedHandleSendsTheToken(EmulatorHandle emulator) {
        emulator.clock().advance(Duration.ofSeconds(5));
        emulator.reset();

        assertThat(emulator.isHealthy()).isTrue();
        assertThat(new TestHttp(emulator.flinkUrl()).get("/_emulator/health").status()).isEqualTo(401);
        assertThat(new TestHttp(emulator.flinkUrl()).get("/overview").status()).as("the APIs need no token")
                .isEqualTo(200);
    }

    @Test
    void aNamespacesHandleListsAndDeletesNamespacesThroughTheRoot(EmulatorHandle emulator) {
        EmulatorHandle team = emulator.inNamespace("team-a");
        team.clock().advance(Duration.ofSeconds(1));

        assertThat(team.namespaces()).contains("team-a");
        team.deleteNamespace();
        assertThat(emulator.namespaces()).doesNotContain("team-a");
    }

    @Test
    void aHandleConnectedWithoutTheTokenIsRefusedUntilGivenIt(EmulatorHandle emulator) {
        EmulatorHandle remote = EmulatorHandle.connect(emulator.urls());

        assertThatThrownBy(remote::reset).isInstanceOf(EmulatorControlException.class)
                .hasMessageContaining("answered 401: this emulator's control API needs its control token in the "
                        + "X-Emulator-Control-Token header");
        assertThat(remote.withControlToken("junit-control-token").isHealthy()).isTrue();
    }
}
