package io.jobemu.flink;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import java.io.IOException;
import java.util.Optional;

/** Converts path, query and body input the way Flink's REST layer does, failing with Flink's own 400s. */
public final class FlinkParams {

    /**
     * Flink's "flexible" request mapper: unknown fields are ignored, but null for a primitive, a duplicate key or
     * a wrong type fails the request.
     */
    private static final ObjectMapper REQUEST_MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true)
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true)
            .build();

    private FlinkParams() {
    }

    /** A job id path parameter, normalised to lower case. */
    public static String jobId(Call call) {
        return hexId(call, "jobid");
    }

    public static String triggerId(Call call) {
        return hexId(call, "triggerid");
    }

    public static String vertexId(Call call) {
        return hexId(call, "vertexid");
    }

    /**
     * Parses a 16-byte id the way Flink's {@code StringUtils.hexStringToByte} does: two characters per byte via
     * {@code Integer.parseInt(pair, 16)}, so upper case is fine, a 33rd character is ignored and 31 are too few.
     */
    public static String hexId(Call call, String name) {
        String value = call.pathParam(name);
        return parseHexId(value).orElseThrow(() -> FlinkErrors.badPathParameter(name, value));
    }

    public static Optional<String> parseHexId(String value) {
        if (value.length() / 2 != 16) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(32);
        for (int i = 0; i < 16; i++) {
            int parsed;
            try {
                parsed = Integer.parseInt(value.substring(2 * i, 2 * i + 2), 16);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            canonical.append(String.format("%02x", parsed & 0xff));
        }
        return Optional.of(canonical.toString());
    }

    /** A non-negative int path parameter (subtask index, attempt, checkpoint id). */
    public static long number(Call call, String name) {
        String value = call.pathParam(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw FlinkErrors.badPathParameter(name, value);
        }
    }

    /** An optional int query parameter. */
    public static Optional<Integer> intQuery(Call call, String name) {
        Optional<String> value = call.query(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.get()));
        } catch (NumberFormatException e) {
            throw FlinkErrors.badQueryParameter(name, value.get());
        }
    }

    /**
     * Reads the JSON body as {@code type}. An empty body counts as {@code {}}, the request's content type is not
     * looked at, and anything that does not bind gives "Request did not match expected format {requestClass}.".
     */
    public static <T> T body(Call call, Class<T> type, String requestClass) throws IOException {
        byte[] raw = call.body();
        try {
            return REQUEST_MAPPER.readValue(raw.length == 0 ? "{}".getBytes() : raw, type);
        } catch (IOException | IllegalArgumentException e) {
            throw FlinkErrors.badBody(requestClass);
        }
    }

    /** For endpoints that take no body: anything but an empty body or a JSON object is refused. */
    public static void emptyBody(Call call) throws IOException {
        byte[] raw = call.body();
        if (raw.length == 0) {
            return;
        }
        try {
            if (!Json.MAPPER.readTree(raw).isObject()) {
                throw FlinkErrors.badBody("EmptyRequestBody");
            }
        } catch (IOException e) {
            throw FlinkErrors.badBody("EmptyRequestBody");
        }
    }
}
