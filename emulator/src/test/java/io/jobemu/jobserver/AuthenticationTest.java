package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.HttpResult;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends JobserverTest {

    private static final String CHALLENGE = "Basic realm=\"Sparkjobserver Private\",charset=UTF-8";

    @BeforeEach
    void turnAuthenticationOn() {
        updateSettings("""
                {"authentication": true, "users": [
                  {"name": "admin", "password": "secret", "permissions": []},
                  {"name": "reader", "password": "pw", "permissions": ["jobs:read", "binaries"]}]}""");
    }

    @Test
    void isOffByDefault() {
        jobserver.post("/_emulator/reset", null);

        assertThat(jobserver.get("/jobs").status()).isEqualTo(200);
    }

    @Test
    void missingOrWrongCredentialsAre401WithTheChallenge() {
        HttpResult missing = jobserver.get("/jobs");
        HttpResult wrong = request("GET", "/jobs", null, basic("admin", "guess"));
        HttpResult otherScheme = request("GET", "/jobs", null, Map.of("Authorization", "Bearer abc"));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
        assertThat(missing.body()).isEqualTo("The resource requires authentication, which was not supplied with the "
                + "request");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("The supplied authentication is invalid");
        assertThat(otherScheme.status()).isEqualTo(401);
        assertThat(jobserver.get("/nowhere").status()).as("authentication guards the resources only").isEqualTo(404);
        assertThat(jobserver.delete("/contexts/x/y").status()).as("even before routing").isEqualTo(401);
    }

    @Test
    void aUserWithoutPermissionsMayDoEverything() {
        HttpResult created = request("POST", "/contexts/ctx", "", basic("admin", "secret"));

        assertThat(created.status()).isEqualTo(200);
    }

    @Test
    void permissionsAndTheirParentsDecideWhatAUserMayDo() {
        Map<String, String> reader = basic("reader", "pw");

        assertThat(request("GET", "/jobs", null, reader).status()).isEqualTo(200);
        assertThat(request("GET", "/binaries", null, reader).status()).as("granted by its parent").isEqualTo(200);
        HttpResult forbidden = request("POST", "/contexts/ctx", "", reader);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).isEqualTo("The supplied authentication is not authorized to access this "
                + "resource");
        assertThat(request("PUT", "/contexts?reset=reboot", "", reader).status()).isEqualTo(403);
        assertThat(request("PUT", "/contexts", "", reader).status()).as("parameters come before authorization")
                .isEqualTo(404);
        assertThat(request("DELETE", "/jobs/abc", null, reader).status()).isEqualTo(403);
    }

    @Test
    void healthIsNotProtected() {
        assertThat(jobserver.get("/healthz").status()).isEqualTo(200);
    }

    @Test
    void controlRoutesAreNotProtected() {
        assertThat(jobserver.get("/_emulator/jobserver/settings").json().path("authentication").asBoolean()).isTrue();
    }
}
