package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlinkRoutingTest extends EmulatorTest {

    @Test
    void unknownGetFallsThroughToTheStaticFileHandlerWithoutCorsHeader() {
        HttpResult result = flink.get("/nope");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body()).isEqualTo("{\"errors\":[\"Unable to load requested file /nope.\"]}");
        assertThat(result.header("content-type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(result.header("access-control-allow-origin")).isNull();
    }

    @Test
    void unknownPathWithAnotherMethodGetsTheRouterNotFoundQuotingTheQuery() {
        HttpResult result = flink.send("DELETE", "/jobs?x=1", null, null);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body()).isEqualTo("{\"errors\":[\"Not found: /jobs?x=1\"]}");
    }

    @Test
    void malformedJobIdIsRejectedWithFlinksParameterError() {
        HttpResult result = flink.get("/v1/jobs/nothex/status");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo("org.apache.flink.runtime.rest.handler.RestHandlerException: "
                + "Bad request, could not parse parameters: Cannot resolve path parameter (jobid) from value "
                + "\"nothex\".");
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
    }

    @Test
    void theDashboardIndexIsServedAtTheRoot() {
        HttpResult result = flink.get("/");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("content-type")).isEqualTo("text/html");
        assertThat(result.body()).contains("<title>Apache Flink Web Dashboard</title>");
    }

    @Test
    void headIsNotRoutedAndGetsTheRouterNotFound() {
        HttpResult result = flink.send("HEAD", "/config", null, null);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.header("content-length")).isEqualTo("33");
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
    }

    @Test
    void aMultipartPostToAnUnknownPathIsRefusedByTheUploadHandler() {
        HttpResult result = flink.upload("/nope", "jarfile", "x.jar", new byte[] {1});

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body()).isEqualTo("{\"errors\":[\"POST request not allowed\"]}");
        assertThat(result.header("access-control-allow-origin")).isNull();
    }

    @Test
    void aFileSentToAnEndpointThatTakesNoFilesIsRefusedWithoutCors() {
        String jarId = uploadJar("com.example.Job");

        HttpResult result = flink.upload("/jars/" + jarId + "/run", "jarfile", "x.jar", new byte[] {1});

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body()).isEqualTo("{\"errors\":[\"File upload not allowed\"]}");
        assertThat(result.header("access-control-allow-origin")).isNull();
        assertThat(flink.get("/jobs").json().path("jobs")).isEmpty();
    }

    @Test
    void aBodyOverFlinksMaxContentLengthIsRefusedWith413() throws Exception {
        URI base = URI.create(flink.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("POST /jobs/" + "0".repeat(32) + "/savepoints HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 104857601\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[512];
            int read;
            while (!answer.toString().contains("]\"]}") && (read = socket.getInputStream().read(buffer)) != -1) {
                answer.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
            }

            assertThat(answer.toString()).startsWith("HTTP/1.1 413 ");
            assertThat(answer.toString()).contains("Try to raise [rest.server.max-content-length]");
        }
    }

    @Test
    void aLargeBodyUnderTheLimitReachesTheHandler() {
        String body = "{\"target-directory\":\"" + "x".repeat(15 * 1024 * 1024) + "\"}";

        HttpResult result = flink.post("/jobs/" + "0".repeat(32) + "/savepoints", body);

        assertThat(result.status()).isEqualTo(202);
    }
}
