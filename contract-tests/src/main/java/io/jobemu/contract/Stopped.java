package io.jobemu.contract;

/**
 * Why a run stopped before checking anything: there was nothing of the right kind to check, or it could not have
 * checked what it was asked to. Each reason has its own exit status, so a CI job can tell them apart.
 *
 * @param message one line that says what is wrong and, where it can, what to do
 */
public record Stopped(Reason reason, String message) {

    public enum Reason {
        /** No connection, or no HTTP answer at all. */
        UNREACHABLE(3),
        /** The TLS handshake failed (untrusted certificate, https to a plain-HTTP port, ...). */
        TLS(4),
        /** Something answers, but not a server of the API asked for. */
        WRONG_SERVER(5),
        /** Credentials are missing, or the server refused the ones given. */
        CREDENTIALS(6);

        private final int exitStatus;

        Reason(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        public int exitStatus() {
            return exitStatus;
        }
    }
}
