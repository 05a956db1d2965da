package io.jobemu.junit;

import io.jobemu.flink.jobs.JobBehaviour;
import java.time.Duration;
import java.util.List;

/**
 * What emulated Flink jobs of an entry class, a jar or a submitted job name do (a real job's code decides this on a real cluster), e.g.
 * {@code FlinkBehaviour.failsAfter(Duration.ofSeconds(30)).withException("java.io.IOException", "disk full")}.
 * Each step returns a new behaviour.
 */
public final class FlinkBehaviour {

    private final JobBehaviour behaviour;

    private FlinkBehaviour(JobBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Runs until cancelled or stopped, like a streaming job: the default. */
    public static FlinkBehaviour runs() {
        return outcome(JobBehaviour.Outcome.RUN, null);
    }

    /** Finishes after running for {@code after}, like a bounded job. */
    public static FlinkBehaviour finishesAfter(Duration after) {
        return outcome(JobBehaviour.Outcome.FINISH, after);
    }

    /** Fails after running for {@code after} (after any restarts). */
    public static FlinkBehaviour failsAfter(Duration after) {
        return outcome(JobBehaviour.Outcome.FAIL, after);
    }

    /** {@code main()} throws: the run request itself fails with Flink's 400. */
    public static FlinkBehaviour failsInMain() {
        return outcome(JobBehaviour.Outcome.FAIL_IN_MAIN, null);
    }

    /** The exception a failing job reports (and each restart's failure). */
    public FlinkBehaviour withException(String className, String message) {
        JobBehaviour b = behaviour;
        return new FlinkBehaviour(new JobBehaviour(b.outcome(), b.after(),
                new JobBehaviour.JobException(className, message), b.restarts(), b.restartInterval(), b.jobName(),
                b.vertices(), b.checkpointInterval(), b.failSavepoints()));
    }

    /** Fails and restarts (RESTARTING, then RUNNING) {@code times} times, each after running for {@code interval}. */
    public FlinkBehaviour restarts(int times, Duration interval) {
        JobBehaviour b = behaviour;
        return new FlinkBehaviour(new JobBehaviour(b.outcome(), b.after(), b.exception(), times, interval,
                b.jobName(), b.vertices(), b.checkpointInterval(), b.failSavepoints()));
    }

    /** The name the job gets, as {@code env.execute(name)} would set it. */
    public FlinkBehaviour jobName(String name) {
        JobBehaviour b = behaviour;
        return new FlinkBehaviour(new JobBehaviour(b.outcome(), b.after(), b.exception(), b.restarts(),
                b.restartInterval(), name, b.vertices(), b.checkpointInterval(), b.failSavepoints()));
    }

    /** Operator chain names in topological order; each becomes a job vertex. */
    public FlinkBehaviour vertices(String... chains) {
        JobBehaviour b = behaviour;
        return new FlinkBehaviour(new JobBehaviour(b.outcome(), b.after(), b.exception(), b.restarts(),
                b.restartInterval(), b.jobName(), List.of(chains), b.checkpointInterval(), b.failSavepoints()));
    }

    /** Periodic checkpoints while running. */
    public FlinkBehaviour checkpointEvery(Duration interval) {
        JobBehaviour b = behaviour;
        return new FlinkBehaviour(new JobBehaviour(b.outcome(), b.after(), b.exception(), b.restarts(),
                b.restartInterval(), b.jobName(), b.vertices(), interval, b.failSavepoints()));
    }

    /** Every savepoint and stop-with-savepoint of the job fails; the job keeps running. */
    public FlinkBehaviour failingSavepoints() {
        JobBehaviour b = behaviour;
        return new FlinkBehaviour(new JobBehaviour(b.outcome(), b.after(), b.exception(), b.restarts(),
                b.restartInterval(), b.jobName(), b.vertices(), b.checkpointInterval(), true));
    }

    /** The control API's form of this behaviour. */
    public JobBehaviour toJobBehaviour() {
        return behaviour;
    }

    private static FlinkBehaviour outcome(JobBehaviour.Outcome outcome, Duration after) {
        return new FlinkBehaviour(new JobBehaviour(outcome, after, null, null, null, null, null, null));
    }
}
