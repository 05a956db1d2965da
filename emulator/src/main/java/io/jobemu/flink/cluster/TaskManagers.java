package io.jobemu.flink.cluster;

import io.jobemu.core.EmulatorContext;
import io.jobemu.flink.jobs.JobStore;

/** STUB: the emulated task managers. */
public final class TaskManagers {

    private final EmulatorContext context;
    private final JobStore jobs;

    public TaskManagers(EmulatorContext context, JobStore jobs) {
        this.context = context;
        this.jobs = jobs;
    }

    public void reset() {
    }
}
