package io.jobemu.jobserver.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.state.StateMachine;
import io.jobemu.jobserver.ErrorData;
import io.jobemu.jobserver.behaviours.JobEnvironment;
import io.jobemu.jobserver.behaviours.JobProgram;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One job: its state machine and what it runs. Guarded by the {@link Supervisor}'s lock. */
final class ManagedJob {

    private final String id;
    private final ManagedContext context;
    private final String mainClass;
    private final List<String> binaryNames;
    private final JobProgram program;
    private final JobEnvironment environment;
    private final Config postedConfig;
    private final URI callback;
    private final long startTime;
    private final StateMachine<JobState> state;
    /** Completes when the job's own run finishes or fails: what a synchronous submission waits for. */
    private final CompletableFuture<JobSnapshot> completion = new CompletableFuture<>();
    private long endTime = -1;
    /** Counts runs (a supervised restart runs the job again), so an event of an earlier run is ignored. */
    private int run;
    private ErrorData error;
    private JsonNode result;
    private EmulatorClock.Scheduled pendingEnd;

    ManagedJob(String id, ManagedContext context, String mainClass, List<String> binaryNames, JobProgram program,
               JobEnvironment environment, Config postedConfig, URI callback, long now) {
        this.id = id;
        this.context = context;
        this.mainClass = mainClass;
        this.binaryNames = List.copyOf(binaryNames);
        this.program = program;
        this.environment = environment;
        this.postedConfig = postedConfig;
        this.callback = callback;
        this.startTime = now;
        this.state = new StateMachine<>(JobState.TRANSITIONS, JobState.class, JobState.RUNNING, now, "job " + id);
    }

    String id() {
        return id;
    }

    ManagedContext context() {
        return context;
    }

    String mainClass() {
        return mainClass;
    }

    List<String> binaryNames() {
        return binaryNames;
    }

    JobProgram program() {
        return program;
    }

    /** Where the job was submitted to run; a supervised restart runs it there again. */
    JobEnvironment environment() {
        return environment;
    }

    /** The posted config, kept only for asynchronous submissions; null for synchronous ones. */
    Config postedConfig() {
        return postedConfig;
    }

    URI callback() {
        return callback;
    }

    JobState state() {
        return state.current();
    }

    long endTime() {
        return endTime;
    }

    CompletableFuture<JobSnapshot> completion() {
        return completion;
    }

    /** Moves to {@code to}; a final state (or a restart) records the end time and the error. */
    void moveTo(JobState to, long now, ErrorData cause) {
        state.moveTo(to, now);
        endTime = to == JobState.RUNNING ? -1 : now;
        error = cause;
        cancelPendingEnd();
    }

    void finish(long now, JsonNode value) {
        moveTo(JobState.FINISHED, now, null);
        result = value;
    }

    /** Starts a run (the first, or one after a restart) and returns its number. */
    int beginRun() {
        return ++run;
    }

    boolean inRun(int number) {
        return run == number && state.current() == JobState.RUNNING;
    }

    void endLater(EmulatorClock.Scheduled end) {
        pendingEnd = end;
    }

    private void cancelPendingEnd() {
        if (pendingEnd != null) {
            pendingEnd.cancel();
            pendingEnd = null;
        }
    }

    JobSnapshot snapshot() {
        return new JobSnapshot(id, context.id(), context.name(), mainClass, state.current(), startTime, endTime,
                error, result, postedConfig, List.copyOf(state.history()));
    }
}
