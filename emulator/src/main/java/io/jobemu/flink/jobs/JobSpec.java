package io.jobemu.flink.jobs;

import java.util.List;

/**
 * What a run or submit request asks for, after validation: everything needed to create a job. A submitted job
 * graph brings its own {@code vertices} and {@code jobType}; a jar run has none, and its vertices follow from its
 * behaviour.
 */
public record JobSpec(String jobId, String jarId, String entryClass, List<String> programArgs, int parallelism,
                      String savepointPath, boolean allowNonRestoredState, JobBehaviour behaviour,
                      List<JobVertex> vertices, String jobType) {

    public static final String STREAMING = "STREAMING";

    public JobSpec {
        programArgs = List.copyOf(programArgs);
        vertices = List.copyOf(vertices);
    }

    /** A jar run's job: a streaming job whose operator chains its behaviour names. */
    public JobSpec(String jobId, String jarId, String entryClass, List<String> programArgs, int parallelism,
                   String savepointPath, boolean allowNonRestoredState, JobBehaviour behaviour) {
        this(jobId, jarId, entryClass, programArgs, parallelism, savepointPath, allowNonRestoredState, behaviour,
                List.of(), STREAMING);
    }
}
