package io.jobemu.flink.jobs;

import io.jobemu.core.state.TransitionTable;

/** Flink's JobStatus, in Flink's declaration order (views list timestamps in this order). */
public enum JobStatus {
    INITIALIZING, CREATED, RUNNING, FAILING, FAILED, CANCELLING, CANCELED, FINISHED, RESTARTING, SUSPENDED,
    RECONCILING;

    /**
     * Legal transitions, as Flink's Dispatcher, DefaultExecutionGraph and DefaultScheduler make them. SUSPENDED is
     * locally terminal: a real JobManager that loses leadership may recover the job, which is RECONCILING here.
     */
    public static final TransitionTable<JobStatus> TRANSITIONS = TransitionTable.builder(JobStatus.class)
            .allow(INITIALIZING, CREATED, CANCELED, FAILED, SUSPENDED)
            .allow(CREATED, RUNNING, CANCELLING, FAILING, SUSPENDED)
            .allow(RUNNING, FINISHED, CANCELLING, FAILING, RESTARTING, SUSPENDED)
            .allow(RESTARTING, RUNNING, CANCELLING, FAILING, SUSPENDED)
            .allow(FAILING, FAILED, RESTARTING, CANCELLING, SUSPENDED)
            .allow(CANCELLING, CANCELED, FAILED, SUSPENDED)
            .allow(SUSPENDED, RECONCILING)
            .allow(RECONCILING, RUNNING, FAILING, CANCELLING, FINISHED, SUSPENDED)
            .build();

    /** FINISHED, FAILED and CANCELED: the job is archived and never changes again. */
    public boolean isGloballyTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
