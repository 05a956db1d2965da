package io.jobemu.flink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import java.util.Base64;

/**
 * Flink's error bodies, {@code {"errors":[...]}}, in the three flavours the real REST layer produces:
 * a plain message (router and static-file 404s, upload decoding errors), a RestHandlerException rendered as a
 * whole stack trace in one string, and the two-string "Internal server error." form of any other exception.
 */
public final class FlinkErrors {

    public static final String REST_HANDLER_EXCEPTION = "org.apache.flink.runtime.rest.handler.RestHandlerException";
    public static final String NOT_FOUND_EXCEPTION = "org.apache.flink.runtime.rest.NotFoundException";
    public static final String COMPLETION_EXCEPTION = "java.util.concurrent.CompletionException";

    private static final String HANDLER_FRAME =
            "\tat org.apache.flink.runtime.rest.handler.AbstractRestHandler.respondToRequest(AbstractRestHandler.java)";

    private FlinkErrors() {
    }

    /** A JSON answer as every Flink REST handler sends it: UTF-8 JSON with the CORS header. */
    public static Response json(int status, Object body) {
        return Response.json(status, body).withHeader("access-control-allow-origin", "*");
    }

    /** Flavour 1 with the CORS header (router 404, 413, 503). */
    public static Response plain(int status, String message) {
        return json(status, errors(message));
    }

    /** Flavour 1 without the CORS header: Flink's static-file handler and multipart decoder send none. */
    public static Response plainWithoutCors(int status, String message) {
        return Response.json(status, errors(message));
    }

    /** Flavour 2: a RestHandlerException with {@code status}; {@code causes} become "Caused by:" sections. */
    public static ApiError restHandler(int status, String message, String... causes) {
        return new ApiError(json(status, errors(stackTrace(REST_HANDLER_EXCEPTION + ": " + message, causes))));
    }

    /** The first line of a savepoint, checkpoint or job failure caused by the job being gone. */
    public static String jobNotFound(String jobId) {
        return "org.apache.flink.runtime.messages.FlinkJobNotFoundException: Could not find Flink job (" + jobId
                + ")";
    }

    /** Flavour 2 for a subclass of RestHandlerException, named by {@code exceptionClass}. */
    public static ApiError restHandlerOfClass(int status, String exceptionClass, String message) {
        return new ApiError(json(status, errors(stackTrace(exceptionClass + ": " + message))));
    }

    /** Flavour 2 with Flink's NotFoundException, status 404. */
    public static ApiError notFound(String message) {
        return restHandlerOfClass(404, NOT_FOUND_EXCEPTION, message);
    }

    /**
     * Flavour 3: status 500, "Internal server error." and the exception text. {@code exception} is the first line
     * ("class: message"); {@code causes} follow as "Caused by:" sections.
     */
    public static ApiError internal(String exception, String... causes) {
        String detail = "<Exception on server side:\n" + stackTrace(exception, causes) + "\nEnd of exception on server side>";
        return new ApiError(json(500, Json.object().set("errors", Json.array().add("Internal server error.")
                .add(detail))));
    }

    /** 400 for a path parameter Flink cannot convert (a malformed job id, say). */
    public static ApiError badPathParameter(String name, String value) {
        return restHandler(400, "Bad request, could not parse parameters: Cannot resolve path parameter (" + name
                + ") from value \"" + value + "\".");
    }

    /** 400 for a query parameter Flink cannot convert. */
    public static ApiError badQueryParameter(String name, String value) {
        return restHandler(400, "Bad request, could not parse parameters: Cannot resolve query parameter (" + name
                + ") from value \"" + value + "\".");
    }

    /** 400 for a body that is not valid JSON for the endpoint's request class. */
    public static ApiError badBody(String requestClass) {
        return restHandler(400, "Request did not match expected format " + requestClass + ".");
    }

    /** The {@code {"class","stack-trace","serialized-throwable"}} object Flink sends for a failure cause. */
    public static ObjectNode serializedThrowable(String exceptionClass, String message) {
        return printedThrowable(exceptionClass, stackTrace(exceptionClass + ": " + message));
    }

    /** The same for a failure whose printed stack trace is {@code trace}. */
    public static ObjectNode printedThrowable(String exceptionClass, String trace) {
        return Json.object()
                .put("class", exceptionClass)
                .put("stack-trace", trace)
                .put("serialized-throwable", Base64.getEncoder().encodeToString(SerializedThrowableStream.of(trace)));
    }

    private static ObjectNode errors(String message) {
        return Json.object().set("errors", Json.array().add(message));
    }

    private static String stackTrace(String firstLine, String... causes) {
        StringBuilder trace = new StringBuilder(firstLine).append('\n').append(HANDLER_FRAME).append('\n');
        for (String cause : causes) {
            trace.append("Caused by: ").append(cause).append('\n').append("\t... 1 more\n");
        }
        return trace.toString();
    }
}
