package io.jobemu.flink.jobs;

import java.util.List;

/** What a run request asks for, after validation: everything needed to create a job. */
public record JobSpec(String jobId, String jarId, String entryClass, List<String> programArgs, int parallelism,
                      String savepointPath, boolean allowNonRestoredState, JobBehaviour behaviour) {

    public JobSpec {
        programArgs = List.copyOf(programArgs);
    }
}
