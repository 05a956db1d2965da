package io.jobemu.jobserver.runtime;

import io.jobemu.core.state.TransitionTable;

/** The real server's {@code ContextStatus} in cluster mode (one driver per context). */
public enum ContextState {
    STARTED, RUNNING, STOPPING, FINISHED, ERROR, KILLED, RESTARTING;

    /**
     * Legal transitions, as the cluster supervisor and the job manager make them: a context starts, runs, and is
     * stopped (FINISHED), dies (KILLED), fails (ERROR), or is restarted by supervise mode (RESTARTING).
     */
    public static final TransitionTable<ContextState> TRANSITIONS = TransitionTable.builder(ContextState.class)
            .allow(STARTED, RUNNING, ERROR, STOPPING)
            .allow(RUNNING, STOPPING, KILLED, RESTARTING, ERROR)
            .allow(RESTARTING, RUNNING, STOPPING, ERROR)
            .allow(STOPPING, FINISHED, KILLED, ERROR)
            .build();

    public boolean isFinal() {
        return TRANSITIONS.targets(this).isEmpty();
    }
}
