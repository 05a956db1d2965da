package io.jobemu.core.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: status, body and headers. The body is written as-is when it is a {@code byte[]} or
 * {@code String}, and as JSON otherwise.
 */
public record Response(int status, Object body, String contentType, Map<String, String> headers) {

    public static final String JSON_UTF8 = "application/json; charset=UTF-8";

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response json(int status, Object body) {
        return new Response(status, body, JSON_UTF8, Map.of());
    }

    public static Response text(int status, String body) {
        return new Response(status, body, "text/plain; charset=UTF-8", Map.of());
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, body, contentType, copy);
    }
}
