package io.jobemu.flink.jobs;

import io.jobemu.core.state.StateMachine.Transition;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The current execution attempt of one subtask. The emulator keeps no per-task state, so the attempt's state is the
 * job's {@link FlinkJob#executionState} and its state timestamps follow from the job: created with the job's graph
 * (or at a restart), scheduled and deploying at {@link FlinkJob#vertexStartTime()}, running from
 * {@link FlinkJob#tasksRunningSince()}, canceling when the job starts cancelling or failing, terminal at the job's
 * latest change.
 */
record VertexAttempt(int subtask, int attempt, ExecutionState state, Map<ExecutionState, Long> timestamps,
                     VertexPlacement placement) {

    /** The order tasks pass through their states; a state's end is when the next reached one began. */
    private static final List<ExecutionState> PROGRESSION = List.of(ExecutionState.CREATED,
            ExecutionState.RECONCILING, ExecutionState.SCHEDULED, ExecutionState.DEPLOYING,
            ExecutionState.INITIALIZING, ExecutionState.RUNNING, ExecutionState.CANCELING, ExecutionState.FINISHED,
            ExecutionState.CANCELED, ExecutionState.FAILED);

    /** The states {@code status-duration} reports. */
    static final List<ExecutionState> TIMED_STATES = List.of(ExecutionState.CREATED, ExecutionState.SCHEDULED,
            ExecutionState.DEPLOYING, ExecutionState.INITIALIZING, ExecutionState.RUNNING);

    /**
     * The current attempt of every subtask of {@code vertex}. Call under the job's lock ({@link FlinkJob#inspect});
     * {@code placements} come from {@link VertexPlacement#of}, taken before.
     */
    static List<VertexAttempt> currentAttempts(FlinkJob job, JobVertex vertex, List<VertexPlacement> placements) {
        Run run = Run.of(job);
        ExecutionState state = job.executionState(vertex);
        Map<ExecutionState, Long> timestamps = run.timestamps(state, job.lastModification());
        return IntStream.range(0, vertex.parallelism())
                .mapToObj(i -> new VertexAttempt(i, run.attempt(), state, timestamps,
                        state == ExecutionState.CREATED ? VertexPlacement.UNASSIGNED : placements.get(i)))
                .toList();
    }

    /** When the state was (last) entered, or 0 if never: Flink's convention. */
    long timestamp(ExecutionState s) {
        return timestamps.getOrDefault(s, 0L);
    }

    boolean terminal() {
        return state == ExecutionState.FINISHED || state == ExecutionState.CANCELED
                || state == ExecutionState.FAILED;
    }

    /** Flink's start-time: when deployment began, or -1. */
    long startTime() {
        long deploying = timestamp(ExecutionState.DEPLOYING);
        return deploying > 0 ? deploying : -1;
    }

    long endTime() {
        return terminal() ? timestamp(state) : -1;
    }

    long duration(long now) {
        long start = startTime();
        long end = endTime();
        return start > 0 ? (end > 0 ? end : now) - start : -1;
    }

    /** The {@code subtasktimes} duration: from scheduling to the end (or now). */
    long durationSinceScheduled(long now) {
        long scheduled = timestamp(ExecutionState.SCHEDULED);
        return scheduled > 0 ? (terminal() ? timestamp(state) : now) - scheduled : -1;
    }

    /** Time spent in each of {@link #TIMED_STATES}, -1 for a state not (yet) left or never reached. */
    Map<ExecutionState, Long> statusDurations(long now) {
        Map<ExecutionState, Long> durations = new EnumMap<>(ExecutionState.class);
        for (ExecutionState s : TIMED_STATES) {
            long start = timestamp(s);
            long end = s == state ? now : endOf(s);
            durations.put(s, start == 0 || end == 0 ? -1 : end - start);
        }
        return durations;
    }

    private long endOf(ExecutionState s) {
        for (ExecutionState later : PROGRESSION.subList(PROGRESSION.indexOf(s) + 1, PROGRESSION.size())) {
            if (timestamp(later) > 0) {
                return timestamp(later);
            }
        }
        return 0;
    }

    /**
     * The job's current run as its tasks see it: the attempt number (one more per restart) and when the attempt was
     * created, started deploying, started running and was asked to cancel (0 for what has not happened).
     */
    private record Run(int attempt, long created, long deploying, long running, long canceling) {

        static Run of(FlinkJob job) {
            int attempt = 0;
            long created = 0;
            long canceling = 0;
            for (Transition<JobStatus> t : job.history()) {
                if (t.to() == JobStatus.RUNNING && t.from() == JobStatus.RESTARTING) {
                    // a restart replaces every task with a new attempt
                    attempt++;
                    created = t.at();
                    canceling = 0;
                } else if (t.to() == JobStatus.CREATED) {
                    created = t.at();
                } else if (t.to() == JobStatus.CANCELLING || t.to() == JobStatus.FAILING) {
                    canceling = t.at();
                }
            }
            long deploying = Math.max(job.vertexStartTime(), 0);
            return new Run(attempt, created, deploying, running(job, deploying), canceling);
        }

        /**
         * When the attempt's tasks reached RUNNING. FlinkJob tells only while the job runs; once it has left
         * RUNNING, deployment is taken as instantaneous.
         */
        private static long running(FlinkJob job, long deploying) {
            long running = job.tasksRunningSince();
            if (running > 0) {
                return running;
            }
            return job.status() != JobStatus.RUNNING ? deploying : 0;
        }

        Map<ExecutionState, Long> timestamps(ExecutionState state, long lastModification) {
            Map<ExecutionState, Long> timestamps = new EnumMap<>(ExecutionState.class);
            putIfSet(timestamps, ExecutionState.CREATED, created);
            putIfSet(timestamps, ExecutionState.SCHEDULED, deploying);
            putIfSet(timestamps, ExecutionState.DEPLOYING, deploying);
            putIfSet(timestamps, ExecutionState.INITIALIZING, running);
            putIfSet(timestamps, ExecutionState.RUNNING, running);
            switch (state) {
                case CANCELING -> putIfSet(timestamps, ExecutionState.CANCELING, canceling);
                case CANCELED -> {
                    putIfSet(timestamps, ExecutionState.CANCELING, canceling);
                    timestamps.put(ExecutionState.CANCELED, lastModification);
                }
                case FINISHED, FAILED, RECONCILING -> timestamps.put(state, lastModification);
                default -> { }
            }
            return timestamps;
        }

        private static void putIfSet(Map<ExecutionState, Long> timestamps, ExecutionState state, long at) {
            if (at > 0) {
                timestamps.put(state, at);
            }
        }
    }
}
