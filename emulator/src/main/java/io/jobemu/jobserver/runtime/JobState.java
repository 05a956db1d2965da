package io.jobemu.jobserver.runtime;

import io.jobemu.core.state.TransitionTable;

/**
 * The real server's stored {@code JobStatus}. STARTED is never stored: it only labels the 202 answer to an
 * asynchronous submission, so it is not a state here.
 */
public enum JobState {
    RUNNING, FINISHED, ERROR, KILLED, RESTARTING;

    /** A job runs, then finishes, fails or is killed; a supervised context's restart takes it through RESTARTING. */
    public static final TransitionTable<JobState> TRANSITIONS = TransitionTable.builder(JobState.class)
            .allow(RUNNING, FINISHED, ERROR, KILLED, RESTARTING)
            .allow(RESTARTING, RUNNING, ERROR, KILLED)
            .build();

    public boolean isFinal() {
        return TRANSITIONS.targets(this).isEmpty();
    }
}
