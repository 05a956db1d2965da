package io.jobemu.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.streamkap.StreamkapCredentials;
import io.jobemu.streamkap.jobs.DeployFailures;
import io.jobemu.streamkap.jobs.StreamkapStatus;
import java.util.Map;

/**
 * The emulated Streamkap of a namespace: access tokens, deploy failures, job states and waiting for them; the
 * journal and faults as every API handle has them ({@link ApiHandle}). What its deployed jobs do is their Flink
 * jobs' behaviour ({@link FlinkHandle#setEntryClassBehaviour}).
 */
public final class StreamkapHandle extends ApiHandle {

    StreamkapHandle(String url, ControlClient control) {
        super("streamkap", url, control, "Streamkap job", StreamkapStatus.class);
    }

    /**
     * A fresh access token for the default client ({@code jobemu-client-id} / {@code jobemu-secret}), from
     * {@code POST /auth/access-token}, for a client under test that takes a token rather than credentials. The
     * request shows in the journal like any other.
     */
    public String accessToken() {
        return accessToken(StreamkapCredentials.DEFAULT.clientId(), StreamkapCredentials.DEFAULT.secret());
    }

    /** A fresh access token for these credentials (the emulator's {@code --streamkap-client-id}/{@code -secret}). */
    public String accessToken(String clientId, String secret) {
        ControlClient.Reply reply = ControlClient.send("POST", url() + "/auth/access-token",
                ControlClient.json(Map.of("client_id", clientId, "secret", secret)));
        if (reply.status() != 200) {
            throw new IllegalStateException("POST " + url() + "/auth/access-token answered " + reply.status() + ": "
                    + reply.body());
        }
        return reply.json().path("accessToken").asText();
    }

    /** How many of the access tokens issued so far are still valid on the emulator clock. */
    public int validTokens() {
        int valid = 0;
        for (JsonNode token : control.get("/streamkap/tokens").path("tokens")) {
            valid += token.path("valid").asBoolean() ? 1 : 0;
        }
        return valid;
    }

    /** Revokes every access token, so clients must log in again. */
    public void revokeTokens() {
        control.delete("/streamkap/tokens");
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

    /** The job's Streamkap status (CREATED, DEPLOYING, RUNNING, FAILED, CANCELLED, FINISHED). */
    @Override
    public String jobState(String jobId) {
        return control.get(statusPath(jobId)).path("status").asText();
    }

    @Override
    Await.Look<String> lookAtJob(String jobId, String wanted) {
        String state;
        try {
            state = jobState(jobId);
        } catch (EmulatorControlException e) {
            if (e.status() == 404) {
                return Await.Look.notYet("job " + jobId + " does not exist");
            }
            throw e;
        }
        if (state.equals(wanted)) {
            return Await.Look.done(state);
        }
        boolean terminal = switch (StreamkapStatus.valueOf(state)) {
            case FAILED, CANCELLED, FINISHED -> true;
            default -> false;
        };
        String seen = "job " + jobId + " is " + state;
        return terminal ? Await.Look.never(seen + ", a final state") : Await.Look.notYet(seen);
    }

    private static String statusPath(String jobId) {
        return "/streamkap/jobs/" + ControlClient.encode(jobId) + "/status";
    }
}
