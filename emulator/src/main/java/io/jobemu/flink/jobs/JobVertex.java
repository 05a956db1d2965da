package io.jobemu.flink.jobs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One job vertex (an operator chain) of an emulated job graph. Immutable; its state derives from the job's. */
public record JobVertex(String id, String name, int parallelism, int maxParallelism, String slotSharingGroupId) {

    /** Flink's default max parallelism for a vertex whose parallelism is at most 128. */
    public static final int DEFAULT_MAX_PARALLELISM = 128;

    /**
     * The job graph of a program whose operator chains are {@code names}, in topological order. Flink derives
     * vertex ids from the program's stream graph, so every run (and plan) of the same program has the same ids;
     * here they follow from each vertex's position and name.
     */
    public static List<JobVertex> graphOf(List<String> names, int parallelism, String slotSharingGroupId) {
        List<JobVertex> vertices = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String id = UUID.nameUUIDFromBytes((i + "/" + names.get(i)).getBytes(UTF_8)).toString().replace("-", "");
            vertices.add(new JobVertex(id, names.get(i), parallelism, DEFAULT_MAX_PARALLELISM, slotSharingGroupId));
        }
        return vertices;
    }
}
