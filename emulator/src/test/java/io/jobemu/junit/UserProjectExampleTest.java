package io.jobemu.junit;

import static io.jobemu.junit.EmulatorAssertions.assertThat;
import static io.jobemu.junit.HttpMethod.GET;
import static io.jobemu.junit.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's example, written as a user's project would: only the extension's public API, java.net.http and a
 * JSON library. The second test proves the first left nothing behind.
 */
@WithEmulator
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserProjectExampleTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @Order(1)
    void aJobReachesRunningAndTheClientSeesAnInjected503(EmulatorHandle emulator) throws Exception {
        String flink = emulator.flinkUrl();
        JsonNode upload = send(multipartUpload(flink + "/jars/upload",
                EmulatorJars.withEntryClass("com.example.WordCount")));
        String filename = upload.path("filename").asText();
        String jarId = filename.substring(filename.lastIndexOf('/') + 1);
        String jobId = send(HttpRequest.newBuilder(URI.create(flink + "/jars/" + jarId + "/run"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).path("jobid").asText();

        emulator.clock().advance(Duration.ofSeconds(1));
        emulator.flink().awaitJobState(jobId, "RUNNING", Duration.ofSeconds(5));
        emulator.flink().inject(Fault.respond(503).on(GET, "/jobs/*/status").once());

        HttpRequest status = HttpRequest.newBuilder(URI.create(flink + "/jobs/" + jobId + "/status")).build();
        assertThat(http.send(status, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        assertThat(send(status).path("status").asText()).isEqualTo("RUNNING");
        assertThat(emulator.flink()).received(POST, "/jars/upload").once()
                .received(POST, "/jars/*/run").once()
                .received(GET, "/jobs/*/status").twice();
    }

    @Test
    @Order(2)
    void theNextTestStartsClean(EmulatorHandle emulator) throws Exception {
        String flink = emulator.flinkUrl();

        assertThat(send(HttpRequest.newBuilder(URI.create(flink + "/jobs")).build()).path("jobs")).isEmpty();
        assertThat(send(HttpRequest.newBuilder(URI.create(flink + "/jars")).build()).path("files")).isEmpty();
        assertThat(emulator.faults().list()).isEmpty();
        assertThat(emulator.flink()).received(POST, "/jars/upload").never();
    }

    private JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static HttpRequest multipartUpload(String url, byte[] jar) {
        String boundary = "example-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; "
                + "filename=\"job.jar\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jar);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }
}
