package io.jobemu.flink.jobs;

import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.state.StateMachine;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.TimingProfile;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One emulated Flink job: its state machine and the clock events that drive it. Every state change goes through
 * {@link JobStatus#TRANSITIONS}; after each one, {@link #scheduleNextLocked()} decides from the new state and the
 * job's {@link JobBehaviour} what happens next and when. All access is synchronized on the job.
 */
public final class FlinkJob {


    private static final String COMPLETION_EXCEPTION = FlinkErrors.COMPLETION_EXCEPTION;
    private static final String CHECKPOINT_EXCEPTION = "org.apache.flink.runtime.checkpoint.CheckpointException";
    /** What Flink's checkpoint coordinator aborts pending checkpoints with when the job stops running. */
    private static final String COORDINATOR_SUSPENDING = "Checkpoint Coordinator is suspending.";
    /** Flink's reason for a snapshot that a task could not write (CheckpointFailureReason.CHECKPOINT_ASYNC_EXCEPTION). */
    private static final String SNAPSHOT_FAILED = "Asynchronous task checkpoint failed.";
    private static final String INITIALIZATION_EXCEPTION =
            "org.apache.flink.runtime.client.JobInitializationException";

    /** The outcome of a cancel request: NONE when it was accepted, TERMINAL when the job had already ended. */
    public enum CancelRefusal { NONE, TERMINAL }

    private final String id;
    private final JobSpec spec;
    private final JobBehaviour behaviour;
    private final EmulatorClock clock;
    private final TimingProfile timing;
    private final long startTime;
    private final List<JobVertex> vertices;
    private final StateMachine<JobStatus> state;
    private final List<JobFailure> failures = new ArrayList<>();
    private final JobCheckpoints checkpoints;
    /** Told of every state change (the store's version). */
    private final Runnable onStateChange;
    private long endTime = -1;
    private boolean executionGraphCreated;
    /** When the tasks of the current attempt began deploying (the latest RUNNING), -1 before the first. */
    private long deployingSince = -1;
    /** When those tasks are (or will be) all RUNNING. */
    private long deployedAt = -1;
    private int restartsDone;
    private EmulatorClock.Scheduled nextStep;
    private EmulatorClock.Scheduled nextCheckpoint;

    FlinkJob(String id, JobSpec spec, List<JobVertex> vertices, EmulatorClock clock, TimingProfile timing,
             JobCheckpoints checkpoints, Runnable onStateChange) {
        this.id = id;
        this.spec = spec;
        this.behaviour = spec.behaviour();
        this.clock = clock;
        this.timing = timing;
        this.vertices = List.copyOf(vertices);
        this.checkpoints = checkpoints;
        this.onStateChange = onStateChange;
        this.startTime = clock.millis();
        this.state = new StateMachine<>(JobStatus.TRANSITIONS, JobStatus.class, JobStatus.INITIALIZING, startTime,
                "job " + id);
    }

    /** Starts the lifecycle: the job is INITIALIZING until its first scheduled step. */
    synchronized void start() {
        scheduleNextLocked();
    }

    /** Reads several properties under one lock, so a view sees one consistent moment of the job. */
    public synchronized <T> T inspect(Function<FlinkJob, T> reader) {
        return reader.apply(this);
    }

    public String id() {
        return id;
    }

    public JobSpec spec() {
        return spec;
    }

    public String name() {
        return behaviour.effectiveJobName();
    }

    public long startTime() {
        return startTime;
    }

    public synchronized JobStatus status() {
        return state.current();
    }

    /** -1 while the job is not globally terminal. */
    public synchronized long endTime() {
        return endTime;
    }

    /**
     * Last modification, as {@code /jobs/overview} shows it: the latest job or task state change. 0 while
     * INITIALIZING, like Flink's sparse graph.
     */
    public synchronized long lastModification() {
        JobStatus current = state.current();
        if (current == JobStatus.INITIALIZING) {
            return 0;
        }
        long latest = state.enteredAt(current);
        return current == JobStatus.RUNNING && tasksRunning() ? Math.max(latest, deployedAt) : latest;
    }

    /**
     * False until the JobMaster exists (the job reached CREATED). Until then, and for a job that ended without
     * one, Flink shows a sparse graph: no vertices, an empty plan, no scheduler.
     */
    public synchronized boolean hasExecutionGraph() {
        return executionGraphCreated;
    }

    public synchronized Map<JobStatus, Long> timestamps() {
        Map<JobStatus, Long> result = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            result.put(status, state.enteredAt(status));
        }
        return result;
    }

    public synchronized List<StateMachine.Transition<JobStatus>> history() {
        return List.copyOf(state.history());
    }

    public List<JobVertex> vertices() {
        return vertices;
    }


    public synchronized List<JobFailure> failures() {
        return List.copyOf(failures);
    }

    /** The checkpoint statistics; read them inside {@link #inspect}. */
    public JobCheckpoints checkpoints() {
        return checkpoints;
    }

    public boolean checkpointingEnabled() {
        return behaviour.checkpointInterval() != null;
    }

    public JobBehaviour behaviour() {
        return behaviour;
    }

    /** Slots the job holds now: with slot sharing, its highest vertex parallelism while tasks are deployed. */
    public synchronized int slotsInUse() {
        return switch (state.current()) {
            case RUNNING, CANCELLING, FAILING, RESTARTING, RECONCILING ->
                    vertices.stream().mapToInt(JobVertex::parallelism).max().orElse(0);
            default -> 0;
        };
    }

    /** The task state every subtask of {@code vertex} is in now. */
    public synchronized ExecutionState executionState(JobVertex vertex) {
        boolean failingVertex = vertex.equals(vertices.get(0));
        return switch (state.current()) {
            case INITIALIZING, CREATED -> ExecutionState.CREATED;
            case RUNNING -> tasksRunning() ? ExecutionState.RUNNING : ExecutionState.DEPLOYING;
            case FAILING -> failingVertex ? ExecutionState.FAILED : ExecutionState.CANCELING;
            case FAILED -> failingVertex ? ExecutionState.FAILED : ExecutionState.CANCELED;
            case CANCELLING -> ExecutionState.CANCELING;
            case CANCELED, SUSPENDED, RESTARTING -> ExecutionState.CANCELED;
            case FINISHED -> ExecutionState.FINISHED;
            case RECONCILING -> ExecutionState.RECONCILING;
        };
    }

    /** A vertex's start-time: when its tasks began deploying (Flink's DEPLOYING timestamp), -1 before that. */
    public synchronized long vertexStartTime() {
        return deployingSince;
    }

    /** When every task of the running job reached RUNNING, or -1 while they deploy or the job is not running. */
    public synchronized long tasksRunningSince() {
        return state.current() == JobStatus.RUNNING && tasksRunning() ? deployedAt : -1;
    }

    /** The fixed delay between a recoverable failure and the restart. */
    public long restartDelayMillis() {
        return timing.restartDelay().toMillis();
    }

    public synchronized int restartsDone() {
        return restartsDone;
    }

    /**
     * Asks the job to cancel. Already CANCELED or CANCELLING counts as accepted, as in Flink; another terminal
     * state is refused.
     */
    public synchronized CancelRefusal cancel() {
        JobStatus current = state.current();
        if (current == JobStatus.CANCELED || current == JobStatus.CANCELLING) {
            return CancelRefusal.NONE;
        }
        if (current == JobStatus.INITIALIZING) {
            moveLocked(JobStatus.CANCELED);
            return CancelRefusal.NONE;
        }
        if (!state.canMoveTo(JobStatus.CANCELLING)) {
            return CancelRefusal.TERMINAL;
        }
        moveLocked(JobStatus.CANCELLING);
        return CancelRefusal.NONE;
    }

    /**
     * Takes a savepoint. {@code then} says what follows a successful one: keep running, cancel, or finish
     * (stop-with-savepoint). A job whose tasks are not all running fails the savepoint, as Flink does.
     */
    public synchronized void triggerSavepoint(String location, SavepointFollowUp then, OperationListener listener) {
        if (refuseCheckpointLocked(listener)) {
            return;
        }
        CheckpointRecord.Kind kind = then == SavepointFollowUp.FINISH
                ? CheckpointRecord.Kind.SYNC_SAVEPOINT : CheckpointRecord.Kind.SAVEPOINT;
        CheckpointRecord record = checkpoints.start(kind, clock.millis(), location);
        clock.schedule(timing.savepoint(), () -> complete(record, then, listener));
    }

    /** Triggers a checkpoint outside the periodic schedule. */
    public synchronized void triggerCheckpoint(OperationListener listener) {
        if (refuseCheckpointLocked(listener)) {
            return;
        }
        CheckpointRecord record = checkpoints.start(CheckpointRecord.Kind.CHECKPOINT, clock.millis(), null);
        clock.schedule(timing.checkpoint(), () -> complete(record, SavepointFollowUp.KEEP_RUNNING, listener));
    }

    /**
     * Moves the job to {@code target} along the shortest legal path of transitions (a test forcing a state), then
     * lets the lifecycle carry on from there.
     *
     * @throws IllegalStateException when no legal path leads there
     */
    public synchronized List<JobStatus> force(JobStatus target) {
        List<JobStatus> path = shortestPath(state.current(), target);
        if (path == null) {
            throw new IllegalStateException("job " + id + " cannot move from " + state.current() + " to " + target
                    + " through Flink's legal transitions");
        }
        for (JobStatus step : path) {
            recordForcedFailureLocked(step);
            moveLocked(step, false);
        }
        scheduleNextLocked();
        return path;
    }

    /**
     * A forced failure still leaves the exception history Flink would show: a task failure for FAILING and
     * RESTARTING, the JobMaster's start failure when the job fails while INITIALIZING, and a task failure when it
     * fails straight from CANCELLING.
     */
    private void recordForcedFailureLocked(JobStatus step) {
        JobStatus from = state.current();
        if (step == JobStatus.FAILING || step == JobStatus.RESTARTING) {
            failures.add(failure(step == JobStatus.RESTARTING));
        } else if (step == JobStatus.FAILED && from == JobStatus.INITIALIZING) {
            failures.add(new JobFailure(INITIALIZATION_EXCEPTION, "Could not start the JobMaster.", clock.millis(),
                    null, false));
        } else if (step == JobStatus.FAILED && from != JobStatus.FAILING) {
            failures.add(failure(false));
        }
    }

    /**
     * Completes a savepoint or checkpoint, unless the job stopped running meanwhile or its behaviour fails its
     * savepoints (the job then keeps running, as after a failed stop-with-savepoint).
     */
    private void complete(CheckpointRecord record, SavepointFollowUp then, OperationListener listener) {
        synchronized (this) {
            if (state.current() != JobStatus.RUNNING) {
                checkpoints.fail(record, clock.millis(), COORDINATOR_SUSPENDING);
                listener.failed(COMPLETION_EXCEPTION, CHECKPOINT_EXCEPTION + ": " + COORDINATOR_SUSPENDING);
                return;
            }
            if (behaviour.savepointsFail() && record.kind() != CheckpointRecord.Kind.CHECKPOINT) {
                checkpoints.fail(record, clock.millis(), SNAPSHOT_FAILED);
                listener.failed(COMPLETION_EXCEPTION, CHECKPOINT_EXCEPTION + ": " + SNAPSHOT_FAILED);
                return;
            }
            checkpoints.complete(record, clock.millis());
            listener.completed(record.id(), record.externalPath());
            switch (then) {
                case CANCEL -> cancel();
                case FINISH -> moveLocked(JobStatus.FINISHED);
                case KEEP_RUNNING -> { }
            }
        }
    }

    /**
     * Fails the operation when the job cannot take a checkpoint now: a finished job is gone from the
     * dispatcher, and one whose tasks are not all running is refused by the checkpoint coordinator.
     */
    private boolean refuseCheckpointLocked(OperationListener listener) {
        if (state.current().isGloballyTerminal()) {
            listener.failed(COMPLETION_EXCEPTION, FlinkErrors.jobNotFound(id));
            return true;
        }
        if (state.current() != JobStatus.RUNNING || !tasksRunning()) {
            listener.failed(COMPLETION_EXCEPTION, CHECKPOINT_EXCEPTION + ": Checkpoint triggering task "
                    + vertices.get(0).name() + " (1/" + vertices.get(0).parallelism() + ") of job " + id
                    + " is not being executed at the moment. Aborting checkpoint. Failure reason: Not all required"
                    + " tasks are currently running.");
            return true;
        }
        return false;
    }

    private void moveLocked(JobStatus to) {
        moveLocked(to, true);
    }

    private void moveLocked(JobStatus to, boolean scheduleNext) {
        long now = clock.millis();
        state.moveTo(to, now);
        onStateChange.run();
        if (to == JobStatus.RUNNING) {
            deployingSince = now;
            deployedAt = now + timing.deploying().toMillis();
        }
        if (to == JobStatus.CREATED) {
            executionGraphCreated = true;
        }
        if (to == JobStatus.RESTARTING) {
            restartsDone++;
        }
        if (to.isGloballyTerminal()) {
            endTime = now;
        }
        if (scheduleNext) {
            scheduleNextLocked();
        }
    }

    /** Decides the next step from the current state and the behaviour, replacing whatever was pending. */
    private void scheduleNextLocked() {
        cancelPendingLocked();
        switch (state.current()) {
            case INITIALIZING -> after(timing.initializing(), JobStatus.INITIALIZING, () -> moveLocked(
                    JobStatus.CREATED));
            case CREATED -> after(timing.created(), JobStatus.CREATED, () -> moveLocked(JobStatus.RUNNING));
            case RUNNING -> scheduleWhileRunningLocked();
            case RESTARTING -> after(timing.restartDelay(), JobStatus.RESTARTING, () -> moveLocked(
                    JobStatus.RUNNING));
            case CANCELLING -> after(timing.cancelling(), JobStatus.CANCELLING, () -> moveLocked(
                    JobStatus.CANCELED));
            case FAILING -> after(timing.cancelling(), JobStatus.FAILING, () -> moveLocked(JobStatus.FAILED));
            case RECONCILING -> after(timing.created(), JobStatus.RECONCILING, () -> moveLocked(
                    JobStatus.RUNNING));
            case FAILED, CANCELED, FINISHED, SUSPENDED -> { }
        }
    }

    private void scheduleWhileRunningLocked() {
        Duration deploy = timing.deploying();
        if (restartsDone < behaviour.restarts()) {
            after(deploy.plus(behaviour.effectiveRestartInterval()), JobStatus.RUNNING, () -> {
                failures.add(failure(true));
                moveLocked(JobStatus.RESTARTING);
            });
        } else if (behaviour.outcome() == JobBehaviour.Outcome.FINISH) {
            after(deploy.plus(behaviour.after()), JobStatus.RUNNING, () -> moveLocked(JobStatus.FINISHED));
        } else if (behaviour.outcome() == JobBehaviour.Outcome.FAIL) {
            after(deploy.plus(behaviour.after()), JobStatus.RUNNING, () -> {
                failures.add(failure(false));
                moveLocked(JobStatus.FAILING);
            });
        }
        if (behaviour.checkpointInterval() != null) {
            schedulePeriodicCheckpointLocked(deploy.plus(behaviour.checkpointInterval()));
        }
    }

    private void schedulePeriodicCheckpointLocked(Duration delay) {
        nextCheckpoint = clock.schedule(delay, () -> {
            synchronized (this) {
                if (state.current() != JobStatus.RUNNING) {
                    return;
                }
                CheckpointRecord record = checkpoints.start(CheckpointRecord.Kind.CHECKPOINT, clock.millis(), null);
                clock.schedule(timing.checkpoint(),
                        () -> complete(record, SavepointFollowUp.KEEP_RUNNING, NO_LISTENER));
                schedulePeriodicCheckpointLocked(behaviour.checkpointInterval());
            }
        });
    }

    /** Runs {@code step} after {@code delay} if the job is still in {@code expected} by then. */
    private void after(Duration delay, JobStatus expected, Runnable step) {
        nextStep = clock.schedule(delay, () -> {
            synchronized (this) {
                if (state.current() == expected) {
                    step.run();
                }
            }
        });
    }

    private void cancelPendingLocked() {
        if (nextStep != null) {
            nextStep.cancel();
            nextStep = null;
        }
        if (nextCheckpoint != null) {
            nextCheckpoint.cancel();
            nextCheckpoint = null;
        }
    }

    private boolean tasksRunning() {
        return clock.millis() >= deployedAt;
    }

    private JobFailure failure(boolean causedRestart) {
        JobBehaviour.JobException exception = behaviour.effectiveException();
        JobVertex origin = vertices.get(0);
        return new JobFailure(exception.className(), exception.message(), clock.millis(),
                origin.name() + " (1/" + origin.parallelism() + ")", causedRestart);
    }

    private static List<JobStatus> shortestPath(JobStatus from, JobStatus to) {
        if (from == to) {
            return List.of();
        }
        Map<JobStatus, JobStatus> previous = new HashMap<>();
        Deque<JobStatus> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            JobStatus current = queue.removeFirst();
            for (JobStatus next : JobStatus.TRANSITIONS.targets(current)) {
                if (next != from && !previous.containsKey(next)) {
                    previous.put(next, current);
                    if (next == to) {
                        List<JobStatus> path = new ArrayList<>();
                        for (JobStatus step = to; step != from; step = previous.get(step)) {
                            path.add(step);
                        }
                        Collections.reverse(path);
                        return path;
                    }
                    queue.addLast(next);
                }
            }
        }
        return null;
    }

    private static final OperationListener NO_LISTENER = new OperationListener() {
        @Override
        public void completed(long checkpointId, String location) {
        }

        @Override
        public void failed(String exceptionClass, String message) {
        }
    };
}
