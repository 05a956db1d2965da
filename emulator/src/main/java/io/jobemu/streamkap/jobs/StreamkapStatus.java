package io.jobemu.streamkap.jobs;

import io.jobemu.flink.jobs.JobStatus;

/**
 * Streamkap's {@code FlinkJobStatusEnum}, in its documented order. Once a job reached Flink its status follows the
 * Flink job's: every state before RUNNING is DEPLOYING, Flink's transient states while running (restarting,
 * failing over, reconciling, suspended) stay RUNNING, and an accepted cancel counts as CANCELLED at once.
 */
public enum StreamkapStatus {
    CREATED, DEPLOYING, RUNNING, FAILED, CANCELLED, FINISHED;

    static StreamkapStatus of(JobStatus flink) {
        return switch (flink) {
            case INITIALIZING, CREATED -> DEPLOYING;
            case RUNNING, RESTARTING, FAILING, RECONCILING, SUSPENDED -> RUNNING;
            case CANCELLING, CANCELED -> CANCELLED;
            case FAILED -> FAILED;
            case FINISHED -> FINISHED;
        };
    }
}
