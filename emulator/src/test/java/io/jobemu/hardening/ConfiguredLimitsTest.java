package io.jobemu.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.EmulatorConfig;
import io.jobemu.core.Limits;
import io.jobemu.core.Namespaces;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import org.junit.jupiter.api.Test;

/**
 * Every limit set lower than its default is enforced at the value set, with the API's own refusal, and a refused
 * request leaves what is stored as it was.
 */
class ConfiguredLimitsTest extends EmulatorTest {

    private static final int BODY_LIMIT = 1024;
    private static final int MAX_STORED = 2;
    private static final byte[] ZIP = {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00};

    @Override
    protected EmulatorConfig config() {
        return super.config().withLimits(Limits.DEFAULT.toBuilder()
                .flinkMaxContentLength(BODY_LIMIT)
                .flinkMaxJars(MAX_STORED)
                .jobserverMaxContentLength(BODY_LIMIT)
                .jobserverMaxBinaries(MAX_STORED)
                .streamkapMaxContentLength(BODY_LIMIT)
                .maxNamespaces(MAX_STORED)
                .build());
    }

    @Test
    void aFlinkBodyOverTheSetLimitGets413NamingIt() {
        HttpResult tooLarge = flink.post("/jobs/" + "0".repeat(32) + "/savepoints", json(BODY_LIMIT + 1));
        HttpResult atTheLimit = flink.post("/jobs/" + "0".repeat(32) + "/savepoints", json(BODY_LIMIT));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).isEqualTo("{\"errors\":[\"Request entity too large: content length exceeds "
                + BODY_LIMIT + " bytes. Try to raise [rest.server.max-content-length]\"]}");
        assertThat(atTheLimit.status()).isEqualTo(202);
    }

    @Test
    void theJarStoreRefusesAJarPastItsCountUntilOneIsDeleted() {
        String first = uploadJar("com.example.First");
        uploadJar("com.example.Second");

        HttpResult refused = flink.upload("/jars/upload", "jarfile", "third.jar", TestJars.withMainClass("c.Third"));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(refused.body()).isEqualTo("{\"errors\":[\"The jar store is full: it holds its limit of 2 jars. "
                + "Delete jars with DELETE /jars/{jarid}, or start the emulator with a higher --flink-max-jars.\"]}");
        assertThat(flink.get("/jars").json().path("files")).hasSize(MAX_STORED);
        assertThat(flink.delete("/jars/" + first).status()).isEqualTo(200);
        assertThat(flink.upload("/jars/upload", "jarfile", "third.jar", TestJars.withMainClass("c.Third")).status())
                .isEqualTo(200);
    }

    @Test
    void aJobserverBodyOverTheSetLimitGetsAkkasTextNamingIt() {
        HttpResult tooLarge = jobserver.send("POST", "/binaries/big", new byte[BODY_LIMIT + 1],
                "application/java-archive");

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).startsWith("The request content was malformed:\nEntityStreamSizeException: actual "
                + "entity size (Some(" + (BODY_LIMIT + 1) + ")) exceeded content length limit (" + BODY_LIMIT
                + " bytes)!");
        assertThat(jobserver.get("/binaries").body()).isEqualTo("{}");
    }

    @Test
    void theBinaryStoreRefusesAnUploadPastItsCountWithTheServersStorageFailure() {
        assertThat(jobserver.send("POST", "/binaries/a", ZIP, "application/java-archive").status()).isEqualTo(201);
        assertThat(jobserver.send("POST", "/binaries/a", ZIP, "application/java-archive").status()).isEqualTo(201);
        String before = jobserver.get("/binaries").body();

        HttpResult refused = jobserver.send("POST", "/binaries/b", ZIP, "application/java-archive");

        assertThat(refused.status()).isEqualTo(500);
        JsonNode body = refused.json();
        assertThat(body.path("status").asText()).isEqualTo("Storage Failure");
        assertThat(body.path("result").path("errorClass").asText()).isEqualTo("java.io.IOException");
        assertThat(body.path("result").path("message").asText()).isEqualTo("The binary store is full: it keeps its "
                + "limit of 2 binary uploads. Delete binaries with DELETE /binaries/{appName}, or start the emulator "
                + "with a higher --jobserver-max-binaries.");
        assertThat(jobserver.get("/binaries").body()).isEqualTo(before);
        assertThat(jobserver.delete("/binaries/a").status()).isEqualTo(200);
        assertThat(jobserver.send("POST", "/binaries/b", ZIP, "application/java-archive").status()).isEqualTo(201);
    }

    @Test
    void aStreamkapBodyOverTheSetLimitGetsFastApis413() {
        HttpResult tooLarge = streamkap.post("/auth/access-token", json(BODY_LIMIT + 1));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).isEqualTo("{\"detail\":\"Request Entity Too Large\"}");
    }

    @Test
    void namespacesStopAtTheSetCount() {
        assertThat(flink.get("/_ns/second/jobs").status()).isEqualTo(200);

        HttpResult oneTooMany = flink.get("/_ns/third/jobs");

        assertThat(oneTooMany.status()).isEqualTo(400);
        assertThat(oneTooMany.json().path("error").asText()).isEqualTo("at most 2 namespaces can exist at once; "
                + "delete some with DELETE /_emulator/namespaces/{name}");
        assertThat(flink.get("/_emulator/namespaces").json().path("namespaces").toString())
                .isEqualTo("[\"default\",\"second\"]");
        assertThat(flink.send("GET", "/jobs", null, null, Namespaces.HEADER, "third").status()).isEqualTo(400);
    }

    /** A JSON object of exactly {@code bytes} bytes. */
    private static String json(int bytes) {
        String frame = "{\"pad\":\"\"}";
        return "{\"pad\":\"" + "x".repeat(bytes - frame.length()) + "\"}";
    }
}
