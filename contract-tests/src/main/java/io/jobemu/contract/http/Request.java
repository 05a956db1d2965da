package io.jobemu.contract.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A request the checker sends: method, path with query (relative to the base URL), extra headers, and either a
 * raw body or multipart parts.
 */
public record Request(String method, String pathAndQuery, Map<String, String> headers, byte[] body,
                      List<Part> parts) {

    public Request {
        headers = Map.copyOf(headers);
        parts = List.copyOf(parts);
    }

    public static Request of(String method, String pathAndQuery) {
        return new Request(method, pathAndQuery, Map.of(), null, List.of());
    }

    public boolean isMultipart() {
        return !parts.isEmpty();
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
