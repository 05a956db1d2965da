package io.jobemu.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client bound to one base URL. */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public TestHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResult get(String path) {
        return send("GET", path, null, null);
    }

    public HttpResult delete(String path) {
        return send("DELETE", path, null, null);
    }

    public HttpResult post(String path, String json) {
        return send("POST", path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public HttpResult patch(String path) {
        return send("PATCH", path, null, null);
    }

    public HttpResult put(String path, String json) {
        return send("PUT", path, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** Uploads one file as multipart/form-data under {@code field}. */
    public HttpResult upload(String path, String field, String fileName, byte[] content) {
        String boundary = "----jobemu-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static boolean isStateChangingControlRequest(String method, String path) {
        return !method.equals("GET") && !method.equals("HEAD") && path.contains("/_emulator");
    }

    /** Sends a request; {@code headers} are name/value pairs. */
    public HttpResult send(String method, String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        } else if (isStateChangingControlRequest(method, path)) {
            // what the control API requires of every state-changing request (see ControlGuard)
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
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
}
