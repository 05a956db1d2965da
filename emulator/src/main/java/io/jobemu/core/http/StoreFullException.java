package io.jobemu.core.http;

/**
 * A store already holds as many entries as its limit allows; each API refuses the request in its own shape. The
 * message says which limit and how to make room.
 */
public final class StoreFullException extends RuntimeException {

    public StoreFullException(String message) {
        super(message, null, false, false);
    }
}
