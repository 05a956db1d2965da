package io.jobemu.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.control.ControlApi;
import io.jobemu.core.control.ControlGuard;
import io.jobemu.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Speaks to one namespace's control API ({@code <base>/_emulator/...}) and reads the emulated APIs over HTTP. */
final class ControlClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One answer: status and body text. */
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    private final String base;
    private final Optional<String> controlToken;

    /**
     * @param base         the URL the control prefix is appended to, namespace prefix included
     * @param controlToken the emulator's control token, sent with every control request, if it has one
     */
    ControlClient(String base, Optional<String> controlToken) {
        this.base = base;
        this.controlToken = controlToken;
    }

    JsonNode get(String path) {
        return call("GET", path, null);
    }

    JsonNode post(String path) {
        return call("POST", path, null);
    }

    JsonNode put(String path, Object body) {
        return call("PUT", path, body);
    }

    JsonNode delete(String path) {
        return call("DELETE", path, null);
    }

    /**
     * A control request; {@code path} is relative to {@code /_emulator}, {@code body} a JSON string or an object
     * Jackson serialises.
     *
     * @throws EmulatorControlException when the control API answers an error
     */
    JsonNode call(String method, String path, Object body) {
        String url = base + ControlApi.PREFIX + path;
        Map<String, String> headers = new LinkedHashMap<>();
        // state-changing control requests must be JSON, which no web page can send without a CORS preflight
        headers.put("Content-Type", "application/json");
        controlToken.ifPresent(token -> headers.put(ControlGuard.TOKEN_HEADER, token));
        Reply reply = send(method, url, json(body), headers);
        if (reply.status() >= 300) {
            JsonNode error = reply.body().isEmpty() ? null : tryJson(reply.body());
            throw new EmulatorControlException(method, url, reply.status(),
                    error != null && error.has("error") ? error.get("error").asText() : reply.body());
        }
        return reply.json();
    }

    /** Any request, to any URL; transport failures are unchecked. */
    static Reply send(String method, String url, String jsonBody) {
        return send(method, url, jsonBody, Map.of());
    }

    /** A request with a JSON body (none when null) and these further headers. */
    private static Reply send(String method, String url, String jsonBody, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (jsonBody != null) {
            all.put("Content-Type", "application/json");
        }
        return send(method, url, jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8), all);
    }

    /** Any request with a body of {@code contentType} (none when {@code body} is null). */
    static Reply send(String method, String url, byte[] body, String contentType) {
        return send(method, url, body, body == null ? Map.of() : Map.of("Content-Type", contentType));
    }

    private static Reply send(String method, String url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + url + " was interrupted", e);
        }
    }

    /** Percent-encodes one path segment or query value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String json(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }

    private static JsonNode tryJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
