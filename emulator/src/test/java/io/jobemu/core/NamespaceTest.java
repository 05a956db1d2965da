package io.jobemu.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import org.junit.jupiter.api.Test;

class NamespaceTest extends EmulatorTest {

    @Test
    void jobsInOneNamespaceAreInvisibleToAnother() {
        String jarId = uploadJar("com.example.Job");
        flink.post("/jars/" + jarId + "/run", "");

        assertThat(flink.get("/jobs").json().path("jobs")).hasSize(1);
        assertThat(flink.get("/_ns/team-a/jobs").json().path("jobs")).isEmpty();
        assertThat(flink.get("/_ns/team-a/jars").json().path("files")).isEmpty();
    }

    @Test
    void theHeaderAndThePathPrefixSelectTheSameNamespace() {
        String upload = flink.upload("/_ns/team-b/jars/upload", "jarfile", "job.jar",
                io.jobemu.testing.TestJars.withMainClass("com.example.Job")).json().path("filename").asText();

        HttpResult viaHeader = flink.send("GET", "/jars", null, null, "X-Emulator-Namespace", "team-b");

        assertThat(viaHeader.json().path("files").path(0).path("id").asText())
                .isEqualTo(upload.substring(upload.lastIndexOf('/') + 1));
        assertThat(flink.get("/jars").json().path("files")).isEmpty();
    }

    @Test
    void eachNamespaceHasItsOwnClockAndReset() {
        long before = flink.get("/_ns/c/_emulator/clock").json().path("epochMillis").asLong();
        flink.post("/_ns/c/_emulator/clock/advance?by=PT1H", "");

        assertThat(flink.get("/_ns/c/_emulator/clock").json().path("epochMillis").asLong())
                .isEqualTo(before + 3_600_000);
        assertThat(flink.get("/_emulator/clock").json().path("epochMillis").asLong()).isLessThan(before + 3_600_000);
    }

    @Test
    void errorsQuoteThePathWithoutTheNamespacePrefix() {
        HttpResult result = flink.send("DELETE", "/_ns/d/jobs?x=1", null, null);

        assertThat(result.body()).isEqualTo("{\"errors\":[\"Not found: /jobs?x=1\"]}");
    }

    @Test
    void namespacesAreListedAndDeleted() {
        flink.get("/_ns/e/jobs");

        assertThat(flink.get("/_emulator/namespaces").json().path("namespaces"))
                .extracting(n -> n.asText()).containsExactly("default", "e");
        assertThat(flink.delete("/_emulator/namespaces/e").status()).isEqualTo(200);
        assertThat(flink.delete("/_emulator/namespaces/e").status()).isEqualTo(404);
        assertThat(emulator.namespace("default").name()).isEqualTo("default");
    }

    @Test
    void invalidNamespaceNamesAreRefused() {
        HttpResult result = flink.send("GET", "/jobs", null, null, "X-Emulator-Namespace", "no spaces!");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().path("error").asText()).startsWith("namespace names are 1 to 64 letters");
    }
}
