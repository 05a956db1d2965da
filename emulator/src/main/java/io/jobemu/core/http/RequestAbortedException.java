package io.jobemu.core.http;

import java.io.IOException;

/**
 * The client closed the connection before it sent the body it announced. No server can answer a request it never
 * fully received, so the connection is closed without an answer; APIs never see this as an error of theirs.
 */
public final class RequestAbortedException extends RuntimeException {

    public RequestAbortedException(IOException cause) {
        super("the client closed the connection before sending the whole request body", cause);
    }
}
