package io.jobemu.core;

import io.jobemu.core.http.BodyTooLargeException;
import io.jobemu.core.http.ErrorPolicy;
import io.jobemu.core.http.RouteTable;

/** One emulated REST API: its route table, its test-control routes, its error shape and its state. */
public interface EmulatedApi extends ErrorPolicy {

    /** Short lower-case name, also the control prefix: {@code /_emulator/<name>/...}. */
    String name();

    /** Every endpoint of the API, declared once; the OpenAPI document must name the same operations. */
    RouteTable routes();

    /** Test-control endpoints, with paths relative to {@code /_emulator/<name>}. */
    default RouteTable controlRoutes() {
        return new RouteTable();
    }

    /** The path routing sees, e.g. with a version alias removed; error texts still quote the request path. */
    default String routingPath(String requestPath) {
        return requestPath;
    }

    /** Largest request body kept as raw bytes (the namespace's {@link Limits}). */
    long maxBodyBytes();

    /**
     * True when a multipart/form-data body sent with {@code method} to {@code routingPath} is parsed into a form as
     * it arrives, bounded by {@link #maxUploadBytes}; false when it is kept as raw bytes like any other body.
     */
    default boolean parsesMultipart(String method, String routingPath) {
        return false;
    }

    /** Largest multipart body parsed into a form; checked while it streams, whatever it announced. */
    default long maxUploadBytes() {
        return maxBodyBytes();
    }

    /** How the API refuses a multipart body past {@link #maxUploadBytes} (answered through {@link #failure}). */
    default RuntimeException uploadTooLarge(long limit) {
        return new BodyTooLargeException(limit);
    }

    /**
     * True when a request to {@code requestPath}, once its body (if any, and small) is read, is answered from
     * memory alone, never waiting for anything but a lock: the listener then serves it on the I/O thread that read
     * it, without the hand-over to a worker thread and back.
     */
    default boolean answersFromMemory(String requestPath) {
        return false;
    }

    /** Forgets every stored entity, as if freshly started. */
    void reset();
}
