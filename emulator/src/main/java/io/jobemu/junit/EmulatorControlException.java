package io.jobemu.junit;

/** The control API refused a request: its status and the {@code error} it gave. */
public final class EmulatorControlException extends RuntimeException {

    private final int status;

    EmulatorControlException(String method, String url, int status, String error) {
        super(method + " " + url + " answered " + status + ": " + error);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
