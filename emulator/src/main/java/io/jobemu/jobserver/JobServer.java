package io.jobemu.jobserver;

import io.jobemu.core.EmulatorContext;
import io.jobemu.flink.TimingProfile;
import io.jobemu.jobserver.behaviours.BehaviourRegistry;
import io.jobemu.jobserver.binaries.BinaryStore;
import io.jobemu.jobserver.data.DataStore;
import io.jobemu.jobserver.runtime.ClassPaths;
import io.jobemu.jobserver.runtime.Supervisor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The emulated job server's services and stores; handlers read and change state only through these. */
public final class JobServer {

    /** How long a small Spark action of a built-in job (the word count, say) takes on a small local context. */
    private static final Duration REALISTIC_SPARK_ACTION = Duration.ofMillis(500);

    private final EmulatorContext context;
    private final JobserverSettings initialSettings;
    private final AtomicReference<JobserverSettings> settings;
    private final BasicAuth auth;
    private final BinaryStore binaries;
    private final DataStore data = new DataStore();
    private final BehaviourRegistry behaviours;
    private final ClassPaths classPaths;
    private final Supervisor supervisor;
    private final ActorPaths actors;

    /** @param initialSettings what the server starts with, and returns to on {@link #reset} */
    public JobServer(EmulatorContext context, TimingProfile timing, JobserverSettings initialSettings) {
        this.context = context;
        this.initialSettings = initialSettings;
        this.settings = new AtomicReference<>(initialSettings);
        this.auth = new BasicAuth(settings::get);
        this.binaries = new BinaryStore(context.limits().jobserverMaxBinaries());
        this.classPaths = new ClassPaths(binaries::exists);
        this.behaviours = new BehaviourRegistry(timing == TimingProfile.INSTANT ? Duration.ZERO
                : REALISTIC_SPARK_ACTION);
        this.supervisor = new Supervisor(context.clock(), context.ids(), settings::get, behaviours, classPaths,
                data::contains);
        this.actors = new ActorPaths(context.ids());
    }

    public EmulatorContext context() {
        return context;
    }

    public JobserverSettings settings() {
        return settings.get();
    }

    public void updateSettings(JobserverSettings changed) {
        settings.set(changed);
    }

    public BasicAuth auth() {
        return auth;
    }

    public BinaryStore binaries() {
        return binaries;
    }

    public DataStore data() {
        return data;
    }

    public BehaviourRegistry behaviours() {
        return behaviours;
    }

    public ClassPaths classPaths() {
        return classPaths;
    }

    public Supervisor supervisor() {
        return supervisor;
    }

    public ActorPaths actors() {
        return actors;
    }

    /** Forgets every binary, data file, context, job and behaviour, and restores the initial settings. */
    public void reset() {
        settings.set(initialSettings);
        binaries.reset();
        data.deleteAll();
        behaviours.reset();
        supervisor.reset();
    }
}
