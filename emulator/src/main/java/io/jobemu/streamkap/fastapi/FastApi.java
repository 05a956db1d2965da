package io.jobemu.streamkap.fastapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import java.util.Map;

/**
 * How a FastAPI service answers: JSON as Starlette's JSONResponse sends it ({@code application/json}, no charset),
 * {@code {"detail": "..."}} for every HTTPException, and Starlette's plain-text 500.
 */
public final class FastApi {

    public static final String JSON = "application/json";

    private FastApi() {
    }

    public static Response json(int status, JsonNode body) {
        return new Response(status, body, JSON, Map.of());
    }

    /** An HTTPException's answer. */
    public static Response detail(int status, String message) {
        return json(status, Json.object().put("detail", message));
    }

    public static ApiError error(int status, String message) {
        return new ApiError(detail(status, message));
    }

    /** What FastAPI answers when the body cannot be read at all (broken multipart, undecodable bytes). */
    public static ApiError bodyParseError() {
        return error(400, "There was an error parsing the body");
    }

    /** Starlette's ServerErrorMiddleware: an unhandled exception. */
    public static Response internalServerError() {
        return Response.text(500, "Internal Server Error");
    }
}
