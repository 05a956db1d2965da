package io.jobemu.junit;

import io.jobemu.streamkap.jobs.DeployFailures;

/**
 * The emulated Streamkap of a namespace. What its deployed jobs do is their Flink jobs' behaviour
 * ({@link FlinkHandle#setEntryClassBehaviour}).
 */
public final class StreamkapHandle extends ApiHandle {

    StreamkapHandle(String url, ControlClient control) {
        super("streamkap", url, control);
    }

    /**
     * Makes one coming deploy fail: of the job called {@code jobName} (null: of any job) with {@code message}; with
     * an HTTP error {@code status} the deploy request itself answers it, without one (null) the deploy is accepted
     * and the job then turns FAILED.
     */
    public void queueDeployFailure(String jobName, String message, Integer status) {
        control.call("POST", "/streamkap/deploy-failures", new DeployFailures.Failure(jobName, message, status));
    }

    public void clearDeployFailures() {
        control.delete("/streamkap/deploy-failures");
    }

    /** Revokes every access token, so clients must log in again. */
    public void revokeTokens() {
        control.delete("/streamkap/tokens");
    }
}
