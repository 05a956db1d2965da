package io.jobemu.core.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

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

    /**
     * An answer that comes later, when {@code answer} completes (a request waiting for something on the emulator
     * clock): no thread is held meanwhile. A stage that fails answers as the API answers a failed handler.
     */
    public static Response later(CompletionStage<Response> answer) {
        return new Response(0, answer, null, Map.of());
    }

    /** The answer still to come, for a response made by {@link #later}. */
    @SuppressWarnings("unchecked")
    public Optional<CompletionStage<Response>> pending() {
        return body instanceof CompletionStage<?> stage ? Optional.of((CompletionStage<Response>) stage)
                : Optional.empty();
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, body, contentType, copy);
    }
}
