package io.jobemu.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills an emulator with jobs the way a long test suite leaves it: one job in ten still running (one in a hundred
 * checkpointing every 10 s), the rest finished. Jobs are run from the uploaded jars in turn.
 */
final class Population {

    private final FlinkRest flink;
    private final List<String> jarIds = new ArrayList<>();
    private final List<String> streamingJobs = new ArrayList<>();
    private final List<String> checkpointedJobs = new ArrayList<>();
    private int jobs;

    Population(FlinkRest flink) {
        this.flink = flink;
        flink.defineEmulatorBehaviours();
    }

    void uploadJars(int count) {
        for (int i = 0; i < count; i++) {
            jarIds.add(flink.uploadJar());
        }
    }

    /** Runs jobs until there are {@code total}. */
    void growTo(int total) {
        if (jarIds.isEmpty()) {
            uploadJars(1);
        }
        for (; jobs < total; jobs++) {
            String jarId = jarIds.get(jobs % jarIds.size());
            if (jobs % 100 == 50) {
                checkpointedJobs.add(flink.run(jarId, FlinkRest.CHECKPOINTED_JOB));
            } else if (jobs % 10 == 0) {
                streamingJobs.add(flink.run(jarId, FlinkRest.STREAMING_JOB));
            } else {
                flink.run(jarId, FlinkRest.BATCH_JOB);
            }
        }
    }

    int jobs() {
        return jobs;
    }

    List<String> jarIds() {
        return jarIds;
    }

    /** The first job still streaming: the one the per-job benchmarks read. */
    String sampleStreamingJob() {
        return streamingJobs.get(0);
    }

    String sampleCheckpointedJob() {
        return checkpointedJobs.get(0);
    }
}
