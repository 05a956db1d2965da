package io.jobemu.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jobemu.core.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Checks every API's oracle shares: answers at the transport level and well-formed success bodies. */
final class Oracles {

    private Oracles() {
    }

    /**
     * What the transport says before any API is involved: null when the answer is the API's to judge, "" when it
     * is acceptable as it is, else the problem. A request whose body was cut short may get no answer (a server
     * cannot answer what it never fully received); every other request must be answered. An empty 400 from the
     * HTTP layer is acceptable only for a target that cannot be decoded at all.
     */
    static String transport(FuzzCase fuzzCase, RawHttp.Response response) {
        if (!response.answered()) {
            return fuzzCase.kind() == FuzzCase.Kind.TRUNCATED && response.failure().startsWith("closed") ? ""
                    : "no answer: " + response.failure();
        }
        if (response.header("content-type") == null && response.body().length == 0 && response.status() == 400) {
            return fuzzCase.hasMalformedEscape() ? "" : "the HTTP layer refused it with an empty 400";
        }
        return null;
    }

    /** A success body is what its content type says; the content type is one of {@code allowedTypes}. */
    static String successBody(RawHttp.Response response, String... allowedTypes) {
        if (response.body().length == 0) {
            return null;
        }
        if (Arrays.stream(allowedTypes).noneMatch(response.contentType()::equals)) {
            return "a success with content type " + response.contentType();
        }
        if (response.contentType().startsWith("application/json") && json(response).isMissingNode()) {
            return "a success whose body is not JSON";
        }
        return null;
    }

    /** How deeply brackets and braces nest in {@code bytes} (strings are not told apart: an upper bound). */
    static int nestingDepth(byte[] bytes) {
        int depth = 0;
        int deepest = 0;
        for (byte b : bytes) {
            if (b == '{' || b == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (b == '}' || b == ']') {
                depth = Math.max(0, depth - 1);
            }
        }
        return deepest;
    }

    /** The body as JSON, or a missing node when it is not JSON. */
    static JsonNode json(RawHttp.Response response) {
        return json(response.body());
    }

    /**
     * The bytes as JSON, or a missing node when they are not JSON. Read as text: Jackson's byte parser refuses an
     * escaped lone surrogate in a field name, which JSON allows and an echoed input can hold.
     */
    static JsonNode json(byte[] bytes) {
        try {
            JsonNode node = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
