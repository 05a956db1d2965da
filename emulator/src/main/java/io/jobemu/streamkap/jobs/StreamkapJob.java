package io.jobemu.streamkap.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.state.StateMachine;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobFailure;
import io.jobemu.flink.jobs.JobStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One job deployed through Streamkap. Until it reaches Flink it is CREATED (or FAILED when the deploy fails, or
 * CANCELLED when cancelled first); from then on its status follows its Flink job ({@link StreamkapStatus#of}).
 *
 * <p>Guarded by the job's own lock, which is never held while calling into a Flink job that already exists (a
 * Flink job reports savepoints to us under its lock), so the lock order is always Flink job, then this.
 */
public final class StreamkapJob {

    public enum Type {
        JAR, PYFLINK;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What was asked for at deploy time.
     *
     * @param entryClass the jar's main class, or for PyFlink the Python file's name
     * @param jarId      the jar in Flink's store; null for PyFlink and for an upload Flink would refuse
     */
    public record Definition(String id, String name, Type type, String entryClass, String jarId, int parallelism,
                             JsonNode jobArgs, String createdBy, long createdAt) {

        public Definition {
            jobArgs = jobArgs.deepCopy();
        }

        @Override
        public JsonNode jobArgs() {
            return jobArgs.deepCopy();
        }

        /** The name Streamkap gives the Flink job (unless the program names it itself). */
        public String flinkJobName() {
            return name;
        }
    }

    /**
     * The job at one moment.
     *
     * @param liveStatus   the Flink job's state; null before the job reached Flink
     * @param updatedAt    when the status last changed (or the job last changed otherwise)
     * @param errorMessage why the deploy or the Flink job failed, or why a stop failed
     */
    public record Snapshot(Definition definition, StreamkapStatus status, FlinkJob flinkJob, JobStatus liveStatus,
                           long updatedAt, String errorMessage, String savepointPath) {

        public Optional<FlinkJob> flink() {
            return Optional.ofNullable(flinkJob);
        }
    }

    private final Definition definition;
    private FlinkJob flinkJob;
    private String deployFailure;
    private boolean cancelledBeforeDeploy;
    private EmulatorClock.Scheduled pendingDeploy;
    private long changedAt;
    private String savepointPath;
    private String stopFailure;

    StreamkapJob(Definition definition) {
        this.definition = definition;
        this.changedAt = definition.createdAt();
    }

    public Definition definition() {
        return definition;
    }

    public String id() {
        return definition.id();
    }

    public synchronized Optional<FlinkJob> flinkJob() {
        return Optional.ofNullable(flinkJob);
    }

    /** How a deploy attempt ended: with a Flink job, or with the reason there is none. */
    record Deployment(FlinkJob flinkJob, String failure) {

        static Deployment submitted(FlinkJob job) {
            return new Deployment(job, null);
        }

        static Deployment failed(String reason) {
            return new Deployment(null, reason);
        }
    }

    synchronized void awaitDeploy(EmulatorClock.Scheduled deploy) {
        pendingDeploy = deploy;
    }

    /**
     * Runs the deploy unless it was cancelled meanwhile. {@code attempt} submits the Flink job under this job's
     * lock, so a cancel either comes first or finds the Flink job; the new Flink job cannot be calling back yet.
     */
    synchronized void deploy(long now, Supplier<Deployment> attempt) {
        if (!deployPending()) {
            return;
        }
        Deployment deployment = attempt.get();
        flinkJob = deployment.flinkJob();
        if (flinkJob == null) {
            deployFailure = deployment.failure();
            changedAt = now;
        }
    }

    /** True while the deploy is still to happen: not cancelled, not failed, not done. */
    private boolean deployPending() {
        return flinkJob == null && deployFailure == null && !cancelledBeforeDeploy;
    }

    synchronized boolean hasDeployFailed() {
        return deployFailure != null;
    }

    /**
     * Cancels the deploy if it has not happened yet. Returns the Flink job when it has (the caller cancels that
     * one, outside this lock).
     */
    synchronized Optional<FlinkJob> cancelDeploy(long now) {
        if (deployPending()) {
            cancelledBeforeDeploy = true;
            changedAt = now;
            if (pendingDeploy != null) {
                pendingDeploy.cancel();
            }
        }
        return Optional.ofNullable(flinkJob);
    }

    synchronized void savepointTaken(String location, long now) {
        savepointPath = location;
        changedAt = Math.max(changedAt, now);
    }

    synchronized void stopFailed(String message, long now) {
        stopFailure = message;
        changedAt = Math.max(changedAt, now);
    }

    /** Reads this job, then its Flink job, each under its own lock. */
    public Snapshot snapshot() {
        FlinkJob flink;
        Snapshot own;
        synchronized (this) {
            flink = flinkJob;
            own = new Snapshot(definition, ownStatus(), null, null, changedAt, deployFailure != null ? deployFailure
                    : stopFailure, savepointPath);
        }
        if (flink == null) {
            return own;
        }
        return flink.inspect(j -> {
            StreamkapStatus status = StreamkapStatus.of(j.status());
            String error = status == StreamkapStatus.FAILED ? failureMessage(j.failures()) : own.errorMessage();
            return new Snapshot(definition, status, j, j.status(), Math.max(statusSince(j), own.updatedAt()), error,
                    own.savepointPath());
        });
    }

    private StreamkapStatus ownStatus() {
        if (deployFailure != null) {
            return StreamkapStatus.FAILED;
        }
        return cancelledBeforeDeploy ? StreamkapStatus.CANCELLED : StreamkapStatus.CREATED;
    }

    /** When the Flink job's states last changed the Streamkap status; it is DEPLOYING from submission on. */
    private static long statusSince(FlinkJob job) {
        StreamkapStatus status = StreamkapStatus.DEPLOYING;
        long since = job.startTime();
        for (StateMachine.Transition<JobStatus> step : job.history()) {
            StreamkapStatus next = StreamkapStatus.of(step.to());
            if (next != status) {
                status = next;
                since = step.at();
            }
        }
        return since;
    }

    /** The root exception of the Flink job's last failure, as "class: message". */
    private static String failureMessage(List<JobFailure> failures) {
        if (failures.isEmpty()) {
            return null;
        }
        JobFailure last = failures.get(failures.size() - 1);
        return last.message() == null ? last.exceptionClass() : last.exceptionClass() + ": " + last.message();
    }
}
