package io.jobemu.core.http;

/** A request body beyond the API's configured limit; each API answers it in its own shape (Flink: 413). */
public final class BodyTooLargeException extends RuntimeException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
