package io.jobemu.flink.jobs;

/** Flink's task-level ExecutionState, in Flink's declaration order (note CANCELING with one L). */
public enum ExecutionState {
    CREATED, SCHEDULED, DEPLOYING, RUNNING, FINISHED, CANCELING, CANCELED, FAILED, RECONCILING, INITIALIZING
}
