package io.jobemu.flink;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.flink.jars.JarStore;
import io.undertow.server.handlers.form.FormData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The multipart field Flink reads a JSON request body from. */
    private static final String REQUEST_FIELD = "request";

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
                parsed = Integer.parseInt(value, 2 * i, 2 * i + 2, 16);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            canonical.append(HexFormat.of().toHexDigits((byte) parsed));
        }
        return Optional.of(canonical.toString());
    }

    /** An int path parameter; any int converts (a negative attempt is refused later, as an invalid attempt). */
    public static int intParameter(Call call, String name) {
        long value = number(call, name);
        if (value != (int) value) {
            throw FlinkErrors.badPathParameter(name, call.pathParam(name));
        }
        return (int) value;
    }

    /** The subtask index path parameter: a non-negative int. */
    public static int subtaskIndex(Call call) {
        int index = intParameter(call, "subtaskindex");
        if (index < 0) {
            throw FlinkErrors.badPathParameter("subtaskindex", call.pathParam("subtaskindex"));
        }
        return index;
    }

    /** A long path parameter (checkpoint id). */
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
     * {@code ?failureLabelFilter=k1:v1,k2:v2}: the failure labels an exception must all carry. Like Flink, every value
     * given is joined with commas and each entry must split on ':' into exactly two parts, else 400.
     */
    public static List<Map.Entry<String, String>> failureLabelFilter(Call call) {
        List<String> values = call.queryAll("failureLabelFilter");
        if (values.isEmpty()) {
            return List.of();
        }
        String joined = String.join(",", values);
        List<Map.Entry<String, String>> labels = new ArrayList<>();
        for (String label : joined.split(",")) {
            String[] parts = label.split(":");
            if (parts.length != 2) {
                throw FlinkErrors.badQueryParameter("failureLabelFilter", joined);
            }
            labels.add(Map.entry(parts[0], parts[1]));
        }
        return labels;
    }

    /**
     * File parts of a multipart request, keyed by base file name: as in Flink, parts that share a name count as one
     * file (the last one wins). A form field other than Flink's {@code request} field is refused before any handler
     * runs, without the CORS header.
     */
    public static Map<String, FormData.FormValue> uploadedFiles(Call call) throws IOException {
        FormData form = decodedMultipart(call);
        Map<String, FormData.FormValue> files = new LinkedHashMap<>();
        for (String field : form) {
            for (FormData.FormValue value : form.get(field)) {
                if (value.isFileItem()) {
                    files.put(JarStore.baseName(value.getFileName()), value);
                } else if (!field.equals(REQUEST_FIELD)) {
                    throw new ApiError(FlinkErrors.plainWithoutCors(400, "Received unknown attribute " + field
                            + "."));
                }
            }
        }
        return files;
    }

    /**
     * The multipart form. Flink's upload handler answers any body it cannot decode (no boundary, a broken part, a
     * part without a name) with a 500 of its own, without the CORS header.
     */
    private static FormData decodedMultipart(Call call) throws IOException {
        FormData form;
        try {
            form = call.multipart();
        } catch (IOException e) {
            throw uploadFailed();
        }
        for (String field : form) {
            if (field == null) {
                throw uploadFailed();
            }
        }
        return form;
    }

    /** What Flink's upload handler answers when it cannot decode a multipart body or store its files. */
    public static ApiError uploadFailed() {
        return new ApiError(FlinkErrors.plainWithoutCors(500, "File upload failed."));
    }

    /**
     * The JSON body. Flink's upload handler takes only POSTs: a multipart POST carries the body in the
     * {@code request} field, and file parts are refused on endpoints that take none.
     */
    private static byte[] rawBody(Call call) throws IOException {
        if (isUpload(call) && !uploadedFiles(call).isEmpty()) {
            throw new ApiError(FlinkErrors.plainWithoutCors(400, "File upload not allowed"));
        }
        return rawBodyBesideFiles(call);
    }

    /** The JSON body of an endpoint that takes file uploads: the {@code request} field of a multipart POST. */
    private static byte[] rawBodyBesideFiles(Call call) throws IOException {
        if (!isUpload(call)) {
            return call.body();
        }
        uploadedFiles(call);
        FormData.FormValue request = call.multipart().getFirst(REQUEST_FIELD);
        return request == null ? new byte[0] : request.getValue().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the JSON body as {@code type}. An empty body counts as {@code {}}, the request's content type is not
     * looked at, and anything that does not bind gives "Request did not match expected format {requestClass}."
     * (an empty body that does not bind has Flink's other wording). Flink reads the body before it resolves path
     * parameters, so handlers call this first.
     */
    public static <T> T body(Call call, Class<T> type, String requestClass) throws IOException {
        return parsedBody(call, rawBody(call), type, requestClass);
    }

    /** {@link #body} for the one endpoint that also takes files ({@code POST /jobs}); see {@link #uploadedFiles}. */
    public static <T> T bodyBesideFiles(Call call, Class<T> type, String requestClass) throws IOException {
        return parsedBody(call, rawBodyBesideFiles(call), type, requestClass);
    }

    private static <T> T parsedBody(Call call, byte[] raw, Class<T> type, String requestClass) {
        T body;
        try {
            body = REQUEST_MAPPER.readValue(raw.length == 0 ? "{}".getBytes() : raw, type);
        } catch (IOException | IllegalArgumentException e) {
            throw raw.length == 0
                    ? FlinkErrors.restHandler(400, "Bad request received. Request did not conform to expected format.")
                    : FlinkErrors.badBody(requestClass);
        }
        if (body == null) {
            throw nullBody(call);
        }
        return body;
    }

    /**
     * A body that is JSON {@code null} binds to no request object. Flink's {@code HandlerRequest} converts the path
     * parameters first (a bad one is the usual 400), then refuses the missing request object with a
     * NullPointerException, which the handler answers as any other exception.
     */
    private static ApiError nullBody(Call call) {
        resolvePathParameters(call);
        return FlinkErrors.internal("java.lang.NullPointerException");
    }

    /** Converts every path parameter of the route as Flink's message parameters do; 400 for the first that fails. */
    private static void resolvePathParameters(Call call) {
        for (String name : call.pathParamNames()) {
            switch (name) {
                case "jarid", "taskmanagerid" -> {
                    // any string converts
                }
                case "checkpointid" -> number(call, name);
                case "attempt" -> intParameter(call, name);
                case "subtaskindex" -> subtaskIndex(call);
                default -> hexId(call, name);
            }
        }
    }

    /** Whether Flink's upload handler decodes the request: a multipart/form-data POST. */
    public static boolean isUpload(Call call) {
        return call.method().equals("POST") && call.isMultipart();
    }

    /**
     * For endpoints that take no body (Flink's EmptyRequestBody): anything but an empty body or a JSON object is
     * refused, and JSON {@code null} fails as for {@link #body}.
     */
    public static void emptyBody(Call call) throws IOException {
        byte[] raw = rawBody(call);
        if (raw.length == 0) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            throw FlinkErrors.badBody("EmptyRequestBody");
        }
        if (parsed.isNull()) {
            throw nullBody(call);
        }
        if (!parsed.isObject()) {
            throw FlinkErrors.badBody("EmptyRequestBody");
        }
    }
}
