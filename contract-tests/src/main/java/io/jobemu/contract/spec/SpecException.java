package io.jobemu.contract.spec;

/** The OpenAPI document cannot be read or uses something the checker does not support. */
public final class SpecException extends RuntimeException {

    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
