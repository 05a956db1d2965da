package io.jobemu.core.serialized;

/** The bytes are not a Java serialization stream this reader accepts (truncated, corrupt or over a bound). */
public final class MalformedStreamException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedStreamException(String message) {
        super(message);
    }
}
