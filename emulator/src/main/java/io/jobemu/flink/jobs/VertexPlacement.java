package io.jobemu.flink.jobs;

import io.jobemu.flink.cluster.TaskManagers;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a subtask runs: the task manager of its slot, as {@code /taskmanagers} lists it. With slot sharing, subtask
 * {@code i} of every vertex of a job runs in the job's {@code i}-th slot.
 *
 * @param taskManagerId the task manager's resource id, or {@code (unassigned)}
 * @param endpoint      {@code host:dataPort}, or {@code (unassigned)}
 */
record VertexPlacement(String taskManagerId, String endpoint) {

    /** What Flink shows for a task that has no slot yet (CREATED) or never got one. */
    static final VertexPlacement UNASSIGNED = new VertexPlacement("(unassigned)", "(unassigned)");

    /** A MiniCluster task manager's host and data port, as {@code /taskmanagers} reports them ({@code dataPort:-1}). */
    private static final String TASK_MANAGER_ENDPOINT = "localhost:-1";

    /**
     * The placement of each subtask index up to {@code parallelism}. Call it outside the job's lock: the task
     * manager pool replays every job's history under its own lock.
     */
    static List<VertexPlacement> of(TaskManagers taskManagers, String jobId, int parallelism) {
        List<VertexPlacement> placements = new ArrayList<>(parallelism);
        for (int subtask = 0; subtask < parallelism; subtask++) {
            placements.add(taskManagers.hostOf(jobId, subtask)
                    .map(tm -> new VertexPlacement(tm.id(), TASK_MANAGER_ENDPOINT))
                    .orElse(UNASSIGNED));
        }
        return placements;
    }
}
