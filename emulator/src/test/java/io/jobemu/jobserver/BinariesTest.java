package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinariesTest extends JobserverTest {

    private static final byte[] ZIP = TestJars.withMainClass("example.Job");

    @Test
    void uploadListAndGetTheLatestVersion() {
        assertThat(jobserver.get("/binaries").body()).isEqualTo("{}");

        HttpResult uploaded = uploadBinary("demo");

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.header("Content-Type")).isEqualTo("application/json");
        assertThat(uploaded.body()).isEqualTo("{\"status\":\"SUCCESS\"}");
        JsonNode first = jobserver.get("/binaries/demo").json();
        assertThat(keys(first)).containsExactly("app-name", "binary-type", "upload-time");
        assertThat(first.path("app-name").asText()).isEqualTo("demo");
        assertThat(first.path("binary-type").asText()).isEqualTo("Jar");
        assertThat(first.path("upload-time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        advance(Duration.ofSeconds(90));
        jobserver.send("POST", "/binaries/demo", ZIP, "application/python-wheel");

        JsonNode latest = jobserver.get("/binaries/demo").json();
        assertThat(latest.path("binary-type").asText()).isEqualTo("Wheel");
        assertThat(Instant.parse(latest.path("upload-time").asText()))
                .isEqualTo(Instant.parse(first.path("upload-time").asText()).plusSeconds(90));
        JsonNode listed = jobserver.get("/binaries").json();
        assertThat(keys(listed)).containsExactly("demo");
        assertThat(keys(listed.path("demo"))).containsExactly("binary-type", "upload-time");
        assertThat(listed.path("demo").path("upload-time").asText()).isEqualTo(latest.path("upload-time").asText());
    }

    @Test
    void theMediaTypeChoosesTheBinaryTypeWhateverItsParameters() {
        assertThat(jobserver.send("POST", "/binaries/a", ZIP, "application/java-archive; charset=utf-8").status())
                .isEqualTo(201);
        assertThat(jobserver.send("POST", "/binaries/b", ZIP, "application/python-egg").status()).isEqualTo(201);
        assertThat(jobserver.send("POST", "/binaries/c", ZIP, "application/python-archive").status()).isEqualTo(201);
        assertThat(jobserver.send("POST", "/binaries/d", ZIP, "Application/Python-Wheel").status()).isEqualTo(201);

        JsonNode listed = jobserver.get("/binaries").json();

        assertThat(List.of("a", "b", "c", "d").stream().map(n -> listed.path(n).path("binary-type").asText()))
                .containsExactly("Jar", "Egg", "Egg", "Wheel");
    }

    @Test
    void moreThanFourBinariesAreListedInScalaHashOrder() {
        List<String> names = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta");
        names.forEach(this::uploadBinary);

        assertThat(keys(jobserver.get("/binaries").json()))
                .containsExactlyElementsOf(ScalaCollections.order(names, n -> n));
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        assertThat(jobserver.send("POST", "/binaries/x", ZIP, "application/json").body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"Unsupported binary type application/json\"}");
        assertThat(jobserver.send("POST", "/binaries/x", ZIP, "text/plain; charset=utf-8").json().path("result")
                .asText()).isEqualTo("Unsupported binary type text/plain; charset=UTF-8");
        HttpResult missing = jobserver.send("POST", "/binaries/x", ZIP, null);
        assertThat(missing.status()).isEqualTo(415);
        assertThat(missing.json().path("result").asText())
                .isEqualTo("Unsupported binary type application/octet-stream");
        assertThat(jobserver.get("/binaries/x").status()).isEqualTo(404);
    }

    @Test
    void aBodyThatIsNotAZipIs400() {
        HttpResult result = jobserver.send("POST", "/binaries/x", "not a jar".getBytes(StandardCharsets.UTF_8), JAR);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body()).isEqualTo("{\"status\":\"ERROR\",\"result\":\"Binary is not of the right format\"}");
        assertThat(jobserver.send("POST", "/binaries/x", new byte[] {0x50, 0x4b, 0x03, 0x04}, JAR).status())
                .as("four bytes are not enough").isEqualTo(400);
    }

    @Test
    void unknownBinariesAre404WithTheRealServersTwoSpellings() {
        HttpResult get = jobserver.get("/binaries/ghost");
        HttpResult delete = jobserver.delete("/binaries/ghost");

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.body()).isEqualTo("{\"status\":\"ERROR\",\"result\":\"Can't find binary with name ghost\"}");
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.body()).isEqualTo("{\"status\":\"ERROR\",\"result\":\"can't find binary with name ghost\"}");
    }

    @Test
    void deleteRemovesEveryVersionButNotWhileARunningJobUsesIt() {
        String first = startJob(LONG_PI, "", "stress.test.longpijob.duration = 3");
        String second = startJob(LONG_PI, "", "stress.test.longpijob.duration = 3");

        HttpResult refused = jobserver.delete("/binaries/demo");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"status\":\"ERROR\",\"result\":\"Binary is in use by job(s): " + first
                + ", " + second + "\"}");
        advance(Duration.ofSeconds(3));
        HttpResult deleted = jobserver.delete("/binaries/demo");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"status\":\"SUCCESS\"}");
        assertThat(jobserver.get("/binaries").body()).isEqualTo("{}");
        assertThat(postJob("cp=demo&mainClass=" + LONG_PI, "").status()).isEqualTo(404);
    }
}
