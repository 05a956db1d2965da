package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.EmulatorConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Basic authentication set at start (--jobserver-user) is on from the first request, and again after a reset. */
class ConfiguredAuthenticationTest extends JobserverTest {

    @Override
    protected EmulatorConfig config() {
        return super.config().withJobserverSettings(JobserverSettings.DEFAULTS.withAuthentication(
                List.of(new JobserverSettings.User("ci", "pw", List.of()))));
    }

    @Test
    void isOnFromTheStartAndStaysOnAfterAReset() {
        assertThat(jobserver.get("/jobs").status()).isEqualTo(401);
        assertThat(request("GET", "/jobs", null, basic("ci", "pw")).status())
                .isEqualTo(200);

        assertThat(jobserver.post("/_emulator/reset", null).status()).isEqualTo(200);

        assertThat(jobserver.get("/jobs").status()).isEqualTo(401);
        assertThat(request("GET", "/jobs", null, basic("ci", "wrong")).body())
                .isEqualTo("The supplied authentication is invalid");
        assertThat(request("GET", "/jobs", null, basic("ci", "pw")).status())
                .isEqualTo(200);
    }
}
