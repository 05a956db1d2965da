package io.jobemu.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.jobserver.behaviours.JobBehaviour;
import io.jobemu.jobserver.runtime.ContextState;
import io.jobemu.jobserver.runtime.JobState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulated spark-jobserver of a namespace: job behaviours, settings, context and job states, and waiting for
 * them; the journal and faults as every API handle has them ({@link ApiHandle}).
 */
public final class JobserverHandle extends ApiHandle {

    JobserverHandle(String url, ControlClient control) {
        super("jobserver", url, control, "jobserver job", JobState.class);
    }

    /**
     * What jobs of {@code mainClass} do from now on (wins over the built-in example jobs), e.g.
     * {@code setBehaviour("com.example.Etl", JobserverBehaviour.failsWith("java.io.IOException", "disk full"))}.
     */
    public void setBehaviour(String mainClass, JobserverBehaviour behaviour) {
        setBehaviour(mainClass, behaviour.toJobBehaviour());
    }

    /** The same, in the control API's form. */
    public void setBehaviour(String mainClass, JobBehaviour behaviour) {
        control.put("/jobserver/behaviours/" + ControlClient.encode(mainClass), behaviour);
    }

    /** @throws EmulatorControlException (404) when none is set */
    public void removeBehaviour(String mainClass) {
        control.delete("/jobserver/behaviours/" + ControlClient.encode(mainClass));
    }

    /**
     * Changes the server settings the JSON object names (authentication, users, maxJobsPerContext, healthy,
     * contextStopDelay); returns them all.
     */
    public JsonNode updateSettings(String json) {
        return control.put("/jobserver/settings", json);
    }

    /** The names of the contexts that are up, as {@code GET /contexts} lists them. */
    public List<String> activeContexts() {
        List<String> names = new ArrayList<>();
        get("/contexts").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** @throws EmulatorControlException (404) for an unknown context */
    public String contextState(String contextName) {
        return control.get(contextPath(contextName) + "/transitions").path("state").asText();
    }

    /**
     * Moves the context's driver to {@code state} (KILLED, ERROR, RESTARTING or RUNNING) and returns it.
     *
     * @throws EmulatorControlException (409) when it cannot get there from its state
     */
    public String forceContextState(String contextName, String state) {
        String target = state(ContextState.class, state, "jobserver context").name();
        return control.post(contextPath(contextName) + "/state?to=" + target).path("state").asText();
    }

    /** Waits, in real time, until the context is in {@code state}; as {@link #awaitJobState} does for jobs. */
    public void awaitContextState(String contextName, String state, Duration timeout) {
        String wanted = state(ContextState.class, state, "jobserver context").name();
        Await.until("jobserver context " + contextName + " to be " + wanted, timeout,
                () -> lookAtContext(contextName, wanted),
                () -> clock.manualClockHint("jobserver().advanceUntilContextState(...)"));
    }

    /** Advances the emulator clock until the context is in {@code state}, as {@link #advanceUntilJobState}. */
    public void advanceUntilContextState(String contextName, String state, Duration step, Duration limit) {
        String wanted = state(ContextState.class, state, "jobserver context").name();
        Await.advancingClock("jobserver context " + contextName + " to be " + wanted, step, limit, clock,
                () -> lookAtContext(contextName, wanted));
    }

    @Override
    public String jobState(String jobId) {
        return control.get(jobPath(jobId)).path("state").asText();
    }

    @Override
    Await.Look<String> lookAtJob(String jobId, String wanted) {
        return lookAtState(jobPath(jobId), "job " + jobId, wanted, s -> JobState.valueOf(s).isFinal());
    }

    private Await.Look<String> lookAtContext(String contextName, String wanted) {
        return lookAtState(contextPath(contextName) + "/transitions", "context " + contextName, wanted,
                s -> ContextState.valueOf(s).isFinal());
    }

    private static String contextPath(String contextName) {
        return "/jobserver/contexts/" + ControlClient.encode(contextName);
    }

    private static String jobPath(String jobId) {
        return "/jobserver/jobs/" + ControlClient.encode(jobId) + "/transitions";
    }
}
