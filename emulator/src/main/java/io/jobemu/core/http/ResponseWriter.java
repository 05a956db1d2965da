package io.jobemu.core.http;

import io.undertow.io.IoCallback;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes a {@link Response} to the exchange. */
public final class ResponseWriter {

    private ResponseWriter() {
    }

    public static void write(HttpServerExchange exchange, Response response) throws IOException {
        write(exchange, response, IoCallback.END_EXCHANGE);
    }

    /**
     * Writes without blocking and calls {@code written} once the response has gone out, leaving it to end the
     * exchange (a HEAD answer, which has no body, ends it at once).
     */
    public static void write(HttpServerExchange exchange, Response response, IoCallback written) throws IOException {
        byte[] bytes = encode(response.body());
        exchange.setStatusCode(response.status());
        if (response.contentType() != null) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, response.contentType());
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
        if (exchange.getRequestMethod().equalToString("HEAD")) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(bytes), written);
        }
    }

    private static byte[] encode(Object body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] raw) {
            return raw;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return Json.MAPPER.writeValueAsBytes(body);
    }
}
