package io.jobemu.bench.job;

/**
 * The streaming job with checkpointing on: the memory soak gives it a checkpoint interval on the emulator, so
 * checkpoint statistics keep accumulating while the clock runs.
 */
public final class CheckpointedJob {

    private CheckpointedJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamingJob.main(args);
    }
}
