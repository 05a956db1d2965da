package io.jobemu.flink.submission;

import io.jobemu.flink.jobs.JobVertex;
import java.time.Duration;
import java.util.List;

/**
 * What a serialized execution plan (a JobGraph or a StreamGraph) says about the job it describes: everything the
 * emulator shows of a submitted job, read from the graph the client built.
 *
 * @param jobId              the id the client chose, 32 hex digits
 * @param name               the job's name ({@code env.execute(name)})
 * @param jobType            {@code STREAMING} or {@code BATCH}
 * @param vertices           the job vertices (operator chains), sources first
 * @param parallelism        the job's default parallelism, -1 when the client set none
 * @param checkpointInterval periodic checkpoints; null when checkpointing is off
 * @param savepointPath      the savepoint to restore from, or null
 * @param bounded            every source of the job ends by itself, so the job finishes
 */
public record SubmittedPlan(String jobId, String name, String jobType, List<JobVertex> vertices, int parallelism,
                            Duration checkpointInterval, String savepointPath, boolean allowNonRestoredState,
                            boolean bounded) {

    public SubmittedPlan {
        vertices = List.copyOf(vertices);
    }
}
