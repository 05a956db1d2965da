package io.jobemu.flink.jobs;

/** What a job does once a savepoint completes. */
public enum SavepointFollowUp {
    /** A plain savepoint. */
    KEEP_RUNNING,
    /** {@code cancel-job: true}: the job is then cancelled. */
    CANCEL,
    /** Stop-with-savepoint: the job then ends FINISHED. */
    FINISH
}
