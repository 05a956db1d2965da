package io.jobemu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.http.Json;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.http.HttpHeaders;

/** A response as a test sees it. */
public record HttpResult(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
        }
    }

    /** {@code errors[0]} of a Flink error body. */
    public String firstError() {
        return json().path("errors").path(0).asText();
    }

    /** The first line of {@code errors[0]}. */
    public String firstErrorLine() {
        return firstError().lines().findFirst().orElse("");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
