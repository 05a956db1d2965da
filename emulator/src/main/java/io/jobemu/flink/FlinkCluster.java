package io.jobemu.flink;

import io.jobemu.core.EmulatorContext;
import io.jobemu.flink.cluster.TaskManagers;
import io.jobemu.flink.jars.JarStore;
import io.jobemu.flink.jobs.BehaviourRegistry;
import io.jobemu.flink.jobs.JobStore;
import io.jobemu.flink.jobs.OverviewCache;
import io.jobemu.flink.operations.AsyncOperations;
import io.jobemu.flink.operations.SavepointLocations;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobSpec;
import io.jobemu.flink.jobs.JobStatus;
import java.util.Optional;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The emulated Flink cluster's services and stores; handlers read and change state only through these. */
public final class FlinkCluster {

    public static final String FLINK_VERSION = "2.3.0";
    public static final String FLINK_REVISION = "c0f8d1a @ 2026-06-14T16:29:03+02:00";
    /** Default for {@code execution.checkpointing.savepoint-dir}, so savepoints without a target directory work. */
    public static final String DEFAULT_SAVEPOINT_DIR = "file:/tmp/flink-savepoints";
    /** {@code parallelism.default}. */
    public static final int DEFAULT_PARALLELISM = 1;

    private final EmulatorContext context;
    private final TimingProfile timing;
    private final JobStore jobs;
    private final JarStore jars;
    private final BehaviourRegistry behaviours = new BehaviourRegistry();
    private final AsyncOperations operations;
    private final TaskManagers taskManagers;
    private final OverviewCache overview;
    private final SavepointLocations savepoints = new SavepointLocations();

    public FlinkCluster(EmulatorContext context, TimingProfile timing) {
        this.context = context;
        this.timing = timing;
        this.jobs = new JobStore(context.clock(), context.ids(), timing);
        this.operations = new AsyncOperations(context.clock(), context.ids());
        this.taskManagers = new TaskManagers(context, jobs);
        this.overview = new OverviewCache(jobs, context.clock());
        try {
            this.jars = new JarStore(context.workDir().resolve("flink-web-upload"), context.ids(), context.clock(),
                    context.limits().flinkJarStoreBytes(), context.limits().flinkMaxJars());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the jar upload directory", e);
        }
    }

    public EmulatorContext context() {
        return context;
    }

    public TimingProfile timing() {
        return timing;
    }

    public JobStore jobs() {
        return jobs;
    }

    public JarStore jars() {
        return jars;
    }

    public BehaviourRegistry behaviours() {
        return behaviours;
    }

    public AsyncOperations operations() {
        return operations;
    }

    public SavepointLocations savepoints() {
        return savepoints;
    }

    public TaskManagers taskManagers() {
        return taskManagers;
    }

    /** The last {@code /jobs/overview} body; it follows the job store by itself (a reset changes its version). */
    public OverviewCache overview() {
        return overview;
    }

    /**
     * Submits a job as the dispatcher does. One that restores from a savepoint this cluster never wrote (or has
     * disposed) fails while initializing, as a JobMaster that cannot find its savepoint does. Empty when the job
     * id is taken.
     */
    public Optional<FlinkJob> submit(JobSpec spec) {
        Optional<FlinkJob> job = jobs.submit(spec);
        if (restoresMissingSavepoint(spec)) {
            job.ifPresent(submitted -> submitted.force(JobStatus.FAILED));
        }
        return job;
    }

    public boolean restoresMissingSavepoint(JobSpec spec) {
        return spec.savepointPath() != null && !savepoints.exists(spec.savepointPath());
    }

    /** Forgets every job, jar, behaviour, operation and task manager. */
    public void reset() {
        jobs.reset();
        jars.reset();
        behaviours.reset();
        operations.reset();
        savepoints.reset();
        taskManagers.reset();
    }
}
