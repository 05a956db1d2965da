package io.jobemu.jobserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import java.util.Map;

/**
 * The real server's JSON answers: {@code {"status":"SUCCESS"[,"result":msg]}}, the plain error
 * {@code {"status":"ERROR","result":msg}}, and an exception under a status label,
 * {@code {"status":label,"result":{"message","errorClass","stack"}}}. Every JSON answer is
 * {@code application/json}, printed compactly.
 */
public final class JobserverReplies {

    /** akka-http's {@code application/json} is a fixed-charset media type, so no charset parameter is sent. */
    public static final String APPLICATION_JSON = "application/json";

    private JobserverReplies() {
    }

    public static Response json(int status, Object body) {
        return new Response(status, body, APPLICATION_JSON, Map.of());
    }

    public static Response success(int status) {
        return json(status, Json.object().put("status", "SUCCESS"));
    }

    public static Response success(int status, String message) {
        return json(status, Json.object().put("status", "SUCCESS").put("result", message));
    }

    /** {@code {"status":"ERROR","result":message}}. */
    public static ApiError error(int status, String message) {
        return new ApiError(json(status, errorBody(message)));
    }

    public static ObjectNode errorBody(String message) {
        return Json.object().put("status", "ERROR").put("result", message);
    }

    /** {@code {"status":label,"result":{exception}}}. */
    public static ApiError exception(int status, String label, ErrorData error) {
        return new ApiError(json(status, exceptionBody(label, error)));
    }

    public static ObjectNode exceptionBody(String label, ErrorData error) {
        ObjectNode body = Json.object().put("status", label);
        body.set("result", error.toJson());
        return body;
    }

    /** Any other exception while answering: 500 with the label "ERROR". */
    public static ApiError internal(ErrorData error) {
        return exception(500, "ERROR", error);
    }

    /** The body of a non-JSON answer that is still labelled {@code application/json} (the route relabels it). */
    public static Response relabelledText(int status, String text) {
        return json(status, text);
    }
}
