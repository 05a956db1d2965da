package io.jobemu.contract.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurlTest {

    private final ApiClient client = new ApiClient(URI.create("https://flink.example.com/proxy/"), Duration.ofSeconds(1));

    @Test
    void aJsonRequestRepeatsWithItsMethodHeadersAndQuotedBody() {
        Request request = new Request("POST", "/jars/x/run?entry-class=a", Map.of("Content-Type", "application/json"),
                "{\"programArgsList\":[\"it's\"]}".getBytes(), List.of());
        assertThat(Curl.of(client, request)).isEqualTo("curl -sS -i -X POST"
                + " 'https://flink.example.com/proxy/jars/x/run?entry-class=a' -H 'Content-Type: application/json'"
                + " --data-raw '{\"programArgsList\":[\"it'\\''s\"]}'");
    }

    @Test
    void credentialsNeverAppearOnlyAVariableForThem() {
        client.authorization("Bearer secret-token-value");
        assertThat(Curl.of(client, Request.of("GET", "/flink_jobs")))
                .isEqualTo("curl -sS -i 'https://flink.example.com/proxy/flink_jobs'"
                        + " -H \"Authorization: Bearer $TOKEN\"")
                .doesNotContain("secret-token-value");
        client.authorization("Basic dTpw");
        assertThat(Curl.of(client, Request.of("GET", "/jobs"))).contains("\"Authorization: Basic $BASIC_AUTH\"");
    }

    @Test
    void multipartPartsBecomeFormFields() {
        Request upload = new Request("POST", "/jars/upload", Map.of(), null, List.of(
                Part.file("jarfile", "probe.jar", "application/java-archive", new byte[] {1}),
                Part.field("name", "orders")));
        assertThat(Curl.of(client, upload)).isEqualTo("curl -sS -i -X POST 'https://flink.example.com/proxy/jars/upload'"
                + " -F 'jarfile=@probe.jar;type=application/java-archive' -F 'name=orders'");
    }
}
