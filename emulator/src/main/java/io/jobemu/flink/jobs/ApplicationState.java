package io.jobemu.flink.jobs;

import java.util.List;

/**
 * Flink 2.3's ApplicationState. In session mode every job submitted through {@code /jars/run} is its own
 * SingleJobApplication, whose state follows the job: RUNNING until the job is globally terminal, then FINISHED,
 * CANCELED or FAILED with it (CANCELING as soon as the job is being cancelled).
 */
public enum ApplicationState {
    CREATED, RUNNING, FAILING, FAILED, CANCELING, CANCELED, FINISHED;

    /** Key order of {@code timestamps} in application details (Flink serialises them from a hash map). */
    public static final List<ApplicationState> TIMESTAMP_ORDER = List.of(CREATED, FAILING, FAILED, RUNNING,
            CANCELED, CANCELING, FINISHED);

    public static ApplicationState of(JobStatus job) {
        return switch (job) {
            case FINISHED -> FINISHED;
            case CANCELED -> CANCELED;
            case FAILED -> FAILED;
            case CANCELLING -> CANCELING;
            default -> RUNNING;
        };
    }

    public boolean isTerminal() {
        return this == FAILED || this == CANCELED || this == FINISHED;
    }
}
