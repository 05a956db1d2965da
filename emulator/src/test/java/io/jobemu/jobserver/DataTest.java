package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.HttpResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class DataTest extends JobserverTest {

    @Test
    void uploadNamesTheFileAfterItsPrefixAndUploadTime() {
        HttpResult uploaded = jobserver.send("POST", "/data/input", "1,2,3".getBytes(StandardCharsets.UTF_8),
                "application/octet-stream");

        assertThat(uploaded.status()).isEqualTo(200);
        String expectedTime = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                .withZone(ZoneId.systemDefault()).format(Instant.ofEpochMilli(emulator.clock().millis()))
                .replace(':', '_');
        assertThat(uploaded.body()).isEqualTo("{\"result\":{\"filename\":\"/tmp/spark-jobserver/upload/input-"
                + expectedTime + ".dat\"}}");
        assertThat(jobserver.get("/data").body())
                .isEqualTo("[\"/tmp/spark-jobserver/upload/input-" + expectedTime + ".dat\"]");
        assertThat(jobserver.get("/data/").status()).as("the list route has no path-end check").isEqualTo(200);
    }

    @Test
    void deleteTakesTheUrlEncodedAbsoluteName() {
        String name = jobserver.send("POST", "/data/words", new byte[] {1}, "application/octet-stream").json()
                .path("result").path("filename").asText();
        advance(Duration.ofMillis(1));
        jobserver.send("POST", "/data/words", new byte[] {2}, "application/octet-stream");

        HttpResult deleted = jobserver.delete("/data/" + URLEncoder.encode(name, StandardCharsets.UTF_8));

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.header("Content-Type")).isEqualTo("application/json");
        assertThat(deleted.body()).isEqualTo("OK");
        assertThat(jobserver.get("/data").json().size()).isEqualTo(1);
        HttpResult again = jobserver.delete("/data/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("{\"status\":\"ERROR\",\"result\":\"Unable to delete data file '" + name
                + "'.\"}");
        assertThat(jobserver.delete("/data" + name).status()).as("unencoded slashes are not one segment")
                .isEqualTo(404);
    }

    @Test
    void resetDeletesEveryFile() {
        jobserver.send("POST", "/data/a", new byte[] {1}, "application/octet-stream");

        assertThat(jobserver.put("/data?reset=reboot", "").body())
                .isEqualTo("{\"status\":\"SUCCESS\",\"result\":\"Data reset\"}");
        assertThat(jobserver.get("/data").body()).isEqualTo("[]");
        assertThat(jobserver.put("/data?reset=reboot&sync=false", "").json().path("result").asText())
                .isEqualTo("Data reset requested");
        HttpResult other = jobserver.put("/data?reset=later", "");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).isEqualTo("ERROR");
        HttpResult missing = jobserver.put("/data", "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("Request is missing required query parameter 'reset'");
    }
}
