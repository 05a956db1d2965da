package io.jobemu.streamkap;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.jobemu.testing.HttpResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** An HTTP client for the Streamkap port that can send an Authorization header (null: none). */
final class StreamkapClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    StreamkapClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResult get(String path, String token) {
        return send("GET", path, bearer(token), null, null);
    }

    HttpResult post(String path, String token) {
        return send("POST", path, bearer(token), null, null);
    }

    HttpResult delete(String path, String token) {
        return send("DELETE", path, bearer(token), null, null);
    }

    /** A JSON body without a token, as the token endpoints take it. */
    HttpResult postJson(String path, String json) {
        return send("POST", path, Map.of(), json == null ? null : json.getBytes(UTF_8), "application/json");
    }

    HttpResult upload(String path, String token, Multipart form) {
        return send("POST", path, bearer(token), form.bytes(), Multipart.contentType());
    }

    HttpResult send(String method, String path, Map<String, String> headers, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> bearer(String token) {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }
}
