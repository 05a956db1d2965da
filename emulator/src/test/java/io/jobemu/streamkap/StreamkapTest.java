package io.jobemu.streamkap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/** Base of the Streamkap HTTP tests: a client for the Streamkap port and a token for the default credentials. */
abstract class StreamkapTest extends EmulatorTest {

    static final String MAIN_CLASS = "com.example.StreamingJob";
    /** Long enough for a deployed job to reach Flink and have its tasks running (REALISTIC timing). */
    static final Duration UNTIL_RUNNING = Duration.ofSeconds(2);

    protected StreamkapClient api;
    protected String token;

    @BeforeEach
    void signIn() {
        api = new StreamkapClient(emulator.streamkapUrl());
        token = accessToken();
    }

    String accessToken() {
        HttpResult result = api.postJson("/auth/access-token", "{\"client_id\":\""
                + StreamkapCredentials.DEFAULT.clientId() + "\",\"secret\":\"" + StreamkapCredentials.DEFAULT.secret()
                + "\"}");
        assertThat(result.status()).isEqualTo(200);
        return result.json().path("accessToken").asText();
    }

    static Multipart jarForm(String name, String mainClass) {
        return new Multipart().file("jar_file", "job.jar", TestJars.withMainClass(mainClass))
                .field("name", name).field("main_class", mainClass);
    }

    HttpResult deployJar(Multipart form) {
        return api.upload("/flink_jobs/jar", token, form);
    }

    /** Deploys a jar whose main class is {@code mainClass}; returns the Streamkap job id. */
    String deploy(String name, String mainClass) {
        HttpResult result = deployJar(jarForm(name, mainClass));
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        return result.json().path("_id").asText();
    }

    HttpResult job(String id) {
        return api.get("/flink_jobs/" + id, token);
    }

    String status(String id) {
        return api.get("/flink_jobs/" + id + "/status", token).json().path("status").asText();
    }

    /** Sets what Flink jobs of {@code mainClass} do, through the Flink control API. */
    void behaviour(String mainClass, String json) {
        assertThat(flink.put("/_emulator/flink/behaviours/entry-classes/" + mainClass, json).status()).isEqualTo(200);
    }
}
