package io.jobemu.streamkap.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.flink.TimingProfile;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobSpec;
import io.jobemu.flink.jobs.JobStatus;
import io.jobemu.flink.jobs.OperationListener;
import io.jobemu.flink.jobs.SavepointFollowUp;
import io.jobemu.flink.operations.SavepointLocations;
import io.jobemu.streamkap.fastapi.FastApi;
import io.jobemu.streamkap.jobs.StreamkapJob.Deployment;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Streamkap does with the Flink cluster behind it, in-process: a deploy stores the jar in Flink's jar store at
 * once (it shows on the Flink port's {@code /jars}), then after a short delay on the clock runs it as Flink's
 * {@code /jars/{id}/run} would, so the job's Flink job is a real job of the emulated cluster. Cancel, stop
 * (stop-with-savepoint) and delete act on that Flink job.
 */
public final class Deployer {

    /** The entry class Flink runs Python programs with ({@code flink run -py}). */
    public static final String PYTHON_DRIVER = "org.apache.flink.client.python.PythonDriver";
    /** What Flink's jar upload answers for a file not named {@code *.jar}. */
    static final String NOT_A_JAR = "Only Jar files are allowed.";

    private final FlinkCluster cluster;
    private final StreamkapJobs jobs;
    private final DeployFailures failures;
    private final EmulatorClock clock;
    private final IdGenerator ids;
    private final Duration deployDelay;

    public Deployer(FlinkCluster cluster, StreamkapJobs jobs, DeployFailures failures) {
        this.cluster = cluster;
        this.jobs = jobs;
        this.failures = failures;
        this.clock = cluster.context().clock();
        this.ids = cluster.context().ids();
        this.deployDelay = deployDelay(cluster.timing());
    }

    /** Time from accepting a deploy to submitting the Flink job: Streamkap uploading the jar and running it. */
    public static Duration deployDelay(TimingProfile timing) {
        return timing == TimingProfile.INSTANT ? Duration.ZERO : Duration.ofMillis(500);
    }

    /**
     * Accepts a deploy: the job is CREATED now and reaches Flink after the deploy delay.
     *
     * @throws ApiError 409 for a name in use; the status of a failure queued to answer the request itself
     */
    public StreamkapJob deploy(DeployRequest request, String clientId) throws IOException {
        Optional<DeployFailures.Failure> forced = failures.take(request.name());
        if (forced.isPresent() && forced.get().status() != null) {
            throw FastApi.error(forced.get().status(), forced.get().message());
        }
        String refusal = forced.map(DeployFailures.Failure::message).orElse(null);
        String jarId = null;
        if (request.type() == StreamkapJob.Type.JAR) {
            if (request.fileName().endsWith(".jar")) {
                jarId = storeJar(request);
            } else if (refusal == null) {
                refusal = NOT_A_JAR;
            }
        }
        long now = clock.millis();
        StreamkapJob.Definition definition = new StreamkapJob.Definition(jobs.newId(now), request.name(),
                request.type(), request.entryClass(), jarId, request.parallelism(), request.jobArgs(), clientId, now);
        StreamkapJob job;
        try {
            job = jobs.create(definition);
        } catch (ApiError e) {
            deleteJar(jarId);
            throw e;
        }
        String deployRefusal = refusal;
        job.awaitDeploy(clock.schedule(deployDelay,
                () -> job.deploy(clock.millis(), () -> attempt(definition, deployRefusal))));
        return job;
    }

    private String storeJar(DeployRequest request) throws IOException {
        try {
            return cluster.jars().store(request.fileName(), request.size(), request.content()).id();
        } catch (IllegalArgumentException e) {
            throw FastApi.error(400, e.getMessage());
        }
    }

    /** Cancels the deploy, or the Flink job; 409 when the job has already ended otherwise. */
    public void cancel(StreamkapJob job) {
        Optional<FlinkJob> flink = job.cancelDeploy(clock.millis());
        if (flink.isEmpty()) {
            if (job.hasDeployFailed()) {
                throw alreadyEnded(StreamkapStatus.FAILED);
            }
            return;
        }
        if (flink.get().cancel() == FlinkJob.CancelRefusal.TERMINAL) {
            throw alreadyEnded(StreamkapStatus.of(flink.get().status()));
        }
    }

    /**
     * Stops the job with a savepoint (Flink's stop-with-savepoint): it ends FINISHED and its savepoint_path is set.
     * 409 unless the Flink job is running with all its tasks.
     */
    public void stop(StreamkapJob job) {
        FlinkJob flink = job.flinkJob().orElseThrow(Deployer::notRunning);
        String location = SavepointLocations.newLocation(FlinkCluster.DEFAULT_SAVEPOINT_DIR, flink.id(), ids);
        boolean started = flink.inspect(j -> {
            if (j.status() != JobStatus.RUNNING || j.tasksRunningSince() < 0) {
                return false;
            }
            j.triggerSavepoint(location, SavepointFollowUp.FINISH, savepointReporter(job));
            return true;
        });
        if (!started) {
            throw notRunning();
        }
    }

    /** Cancels whatever still runs, forgets the job and removes its jar from Flink's store. */
    public void delete(StreamkapJob job) throws IOException {
        job.cancelDeploy(clock.millis()).ifPresent(FlinkJob::cancel);
        jobs.remove(job);
        deleteJar(job.definition().jarId());
    }

    /** Cancels every pending deploy (their clock events may outlive a reset of the store). */
    public void cancelPending() {
        jobs.all().forEach(job -> job.cancelDeploy(clock.millis()));
    }

    private Deployment attempt(StreamkapJob.Definition definition, String refusal) {
        if (refusal != null) {
            return Deployment.failed(refusal);
        }
        try {
            boolean jar = definition.type() == StreamkapJob.Type.JAR;
            if (jar) {
                List<String> failure = cluster.jars().entryClassFailure(definition.jarId(), definition.entryClass());
                if (!failure.isEmpty()) {
                    return Deployment.failed(failure.get(0));
                }
            }
            JobBehaviour behaviour = behaviourOf(definition);
            if (behaviour.outcome() == JobBehaviour.Outcome.FAIL_IN_MAIN) {
                JobBehaviour.JobException exception = behaviour.effectiveException();
                return Deployment.failed(exception.message() == null ? exception.className()
                        : exception.className() + ": " + exception.message());
            }
            JobSpec spec = new JobSpec(null, definition.jarId(), jar ? definition.entryClass() : PYTHON_DRIVER,
                    programArgs(definition), definition.parallelism(), null, false,
                    named(behaviour, definition.flinkJobName()));
            return Deployment.submitted(cluster.jobs().submit(spec).orElseThrow());
        } catch (RuntimeException e) {
            // A clock event must not throw into whoever advanced the clock; the job reports the failure instead.
            return Deployment.failed(e.toString());
        }
    }

    /**
     * The Flink behaviour the job gets: a jar's by its jar id or main class; a Python program's by its file name,
     * else by Flink's Python driver class.
     */
    private JobBehaviour behaviourOf(StreamkapJob.Definition definition) {
        if (definition.type() == StreamkapJob.Type.JAR) {
            return cluster.behaviours().resolve(definition.jarId(), definition.entryClass());
        }
        Map<String, JobBehaviour> byClass = cluster.behaviours().entryClasses();
        return byClass.getOrDefault(definition.entryClass(), byClass.getOrDefault(PYTHON_DRIVER,
                JobBehaviour.DEFAULT));
    }

    /** Streamkap names the Flink job after the Streamkap job, unless the program names it itself. */
    private static JobBehaviour named(JobBehaviour behaviour, String jobName) {
        if (behaviour.jobName() != null) {
            return behaviour;
        }
        return new JobBehaviour(behaviour.outcome(), behaviour.after(), behaviour.exception(), behaviour.restarts(),
                behaviour.restartInterval(), jobName, behaviour.vertices(), behaviour.checkpointInterval(),
                behaviour.failSavepoints());
    }

    /**
     * The program arguments: each job_args entry as its key then its value (a string as is, other values as JSON, a
     * null value adds the key alone). A Python program gets {@code -py <file>} first, as PythonDriver expects.
     */
    private static List<String> programArgs(StreamkapJob.Definition definition) {
        List<String> args = new ArrayList<>();
        if (definition.type() == StreamkapJob.Type.PYFLINK) {
            args.add("-py");
            args.add(definition.entryClass());
        }
        definition.jobArgs().fields().forEachRemaining(entry -> {
            args.add(entry.getKey());
            JsonNode value = entry.getValue();
            if (!value.isNull()) {
                args.add(value.isTextual() ? value.textValue() : value.toString());
            }
        });
        return args;
    }

    private OperationListener savepointReporter(StreamkapJob job) {
        return new OperationListener() {
            @Override
            public void completed(long checkpointId, String location) {
                cluster.savepoints().add(location);
                job.savepointTaken(location, clock.millis());
            }

            @Override
            public void failed(String exceptionClass, String message) {
                job.stopFailed(message, clock.millis());
            }
        };
    }

    private void deleteJar(String jarId) throws IOException {
        if (jarId != null) {
            cluster.jars().delete(jarId);
        }
    }

    private static ApiError alreadyEnded(StreamkapStatus status) {
        return FastApi.error(409, "Flink job is already " + status);
    }

    private static ApiError notRunning() {
        return FastApi.error(409, "Flink job is not running");
    }
}
