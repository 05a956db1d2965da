package io.jobemu.core.http;

/** Thrown by handlers and services to answer with a prepared error response in the emulated API's own shape. */
public final class ApiError extends RuntimeException {

    private final transient Response response;

    public ApiError(Response response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }
}
