package io.jobemu.jobserver.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueFactory;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.http.Json;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.core.state.IllegalTransitionException;
import io.jobemu.jobserver.ErrorData;
import io.jobemu.jobserver.JobserverSettings;
import io.jobemu.jobserver.ServerConfig;
import io.jobemu.jobserver.behaviours.BehaviourRegistry;
import io.jobemu.jobserver.behaviours.JobEnvironment;
import io.jobemu.jobserver.behaviours.JobPlan;
import io.jobemu.jobserver.behaviours.JobProgram;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The context supervisor and the job managers of the real server in cluster mode: every context and job, their
 * state machines and the clock events that drive them. Contexts start at once (the request that creates one
 * returns when it runs); a job runs as its {@link JobProgram} plans; an ad-hoc context stops when its job ends.
 * One lock guards all of it, because jobs and their contexts change each other.
 */
public final class Supervisor {

    /** A DELETE answers 202 when the stop has not finished by then (the deletion timeout of 15 s, less 2 s). */
    public static final Duration STOP_ANSWER_TIMEOUT = Duration.ofSeconds(13);

    private static final int FIRST_UI_PORT = 4040;
    private static final Set<String> CONTEXT_FACTORIES = Set.of(
            "spark.jobserver.context.DefaultSparkContextFactory",
            "spark.jobserver.context.JavaSparkContextFactory",
            "spark.jobserver.context.SessionContextFactory",
            "spark.jobserver.context.JavaSessionContextFactory",
            "spark.jobserver.context.StreamingContextFactory",
            "spark.jobserver.context.JavaStreamingContextFactory",
            "spark.jobserver.python.PythonSessionContextFactory");
    private static final List<String> CONTEXT_INIT_FRAMES = List.of(
            "spark.jobserver.JobManagerActor$$anonfun$wrappedReceive$1.applyOrElse(JobManagerActor.scala:362)",
            "akka.actor.Actor.aroundReceive(Actor.scala:539)",
            "akka.actor.ActorCell.invoke(ActorCell.scala:612)",
            "akka.dispatch.Mailbox.run(Mailbox.scala:229)");
    /** Under which a context factory's {@code loadAndValidateJob} runs when it throws. */
    private static final List<String> LOAD_FRAMES = List.of(
            "spark.jobserver.JobManagerActor.startJobInternal(JobManagerActor.scala:475)",
            "spark.jobserver.JobManagerActor$$anonfun$wrappedReceive$1.applyOrElse(JobManagerActor.scala:310)",
            "akka.actor.Actor.aroundReceive(Actor.scala:539)",
            "akka.actor.ActorCell.invoke(ActorCell.scala:612)",
            "akka.dispatch.Mailbox.run(Mailbox.scala:229)");
    private static final List<String> STATUS_FRAMES = List.of(
            "spark.jobserver.JobStatusActor$$anonfun$wrappedReceive$1.applyOrElse(JobStatusActor.scala:104)",
            "akka.actor.Actor.aroundReceive(Actor.scala:539)",
            "akka.actor.ActorCell.invoke(ActorCell.scala:612)",
            "akka.dispatch.Mailbox.run(Mailbox.scala:229)");

    /** How creating a context ended. */
    public sealed interface ContextCreation {
        record Created(ContextSnapshot context) implements ContextCreation {}
        record AlreadyExists() implements ContextCreation {}
        /** Initialization threw {@code error}; {@code malformedUrl} when it was a MalformedURLException. */
        record InitFailed(ErrorData error, boolean malformedUrl) implements ContextCreation {}
    }

    /** How a stop request ended: the driver had to stop first, so it may still be under way. */
    public sealed interface StopRequest {
        record NotFound() implements StopRequest {}
        record Stopped() implements StopRequest {}
        /** Still stopping; {@code worthWaiting} when it ends on the clock before the answer timeout. */
        record InProgress(CompletableFuture<Void> stopped, boolean worthWaiting) implements StopRequest {}
    }

    /** What a submission asks for; {@code contextName} null means an ad-hoc context. */
    public record JobRequest(String contextName, Config contextConfig, String mainClass,
                             List<ClassPaths.Entry> classPath, Config postedConfig, Config jobConfig, boolean async,
                             URI callback) {}

    /** How a submission ended: the job manager's answer. */
    public sealed interface StartOutcome {
        record Started(JobSnapshot job, CompletableFuture<JobSnapshot> completion) implements StartOutcome {}
        record ValidationFailed(ErrorData error) implements StartOutcome {}
        /** {@code validate()} threw: the job ended in ERROR before it counted as started. */
        record ErroredOut(JobSnapshot job) implements StartOutcome {}
        record ContextNotFound() implements StartOutcome {}
        record AdHocInitFailed(ErrorData error) implements StartOutcome {}
        record StopInProgress() implements StartOutcome {}
        /** Loading the job threw; {@code malformedUrl} when adding a class path URI to the JVM failed so. */
        record LoadingFailed(ErrorData error, boolean malformedUrl) implements StartOutcome {}
        record NoSuchClass() implements StartOutcome {}
        record WrongJobType() implements StartOutcome {}
        record NoSlots(int max) implements StartOutcome {}
    }

    /** What {@code DELETE /jobs/{id}} found. */
    public sealed interface KillOutcome {
        record NoSuchJob() implements KillOutcome {}
        record Killed() implements KillOutcome {}
        record AlreadyFailed(ErrorData error) implements KillOutcome {}
        record NotRunning() implements KillOutcome {}
        record Unexpected() implements KillOutcome {}
    }

    private final EmulatorClock clock;
    private final IdGenerator ids;
    private final Supplier<JobserverSettings> settings;
    private final BehaviourRegistry behaviours;
    private final ClassPaths classPaths;
    private final Predicate<String> dataFiles;
    private final Callbacks callbacks;
    private final List<ManagedContext> contexts = new ArrayList<>();
    private final Map<String, ManagedJob> jobs = new LinkedHashMap<>();

    public Supervisor(EmulatorClock clock, IdGenerator ids, Supplier<JobserverSettings> settings,
                      BehaviourRegistry behaviours, ClassPaths classPaths, Predicate<String> dataFiles) {
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
        this.behaviours = behaviours;
        this.classPaths = classPaths;
        this.dataFiles = dataFiles;
        this.callbacks = new Callbacks(clock);
    }

    // ---- contexts

    /** {@code AddContext}: a context in a non-final state already holds the name. */
    public synchronized ContextCreation createContext(String name, Config contextConfig) {
        if (latest(name).filter(c -> !c.state().isFinal()).isPresent()) {
            return new ContextCreation.AlreadyExists();
        }
        ManagedContext context = newContext(name, contextConfig, false);
        Optional<ContextCreation.InitFailed> failure = initialize(context);
        return failure.isPresent() ? failure.get() : new ContextCreation.Created(context.snapshot());
    }

    /** The most recent context of that name, in whatever state. */
    public synchronized Optional<ContextSnapshot> context(String name) {
        return latest(name).map(ManagedContext::snapshot);
    }

    /** Names of the contexts running, restarting or stopping, newest first (what {@code GET /contexts} lists). */
    public synchronized List<String> activeContextNames() {
        return activeContexts().map(ManagedContext::name).toList();
    }

    /** {@code StopContext}: stops the context's driver, failing the jobs still running in it. */
    public synchronized StopRequest stopContext(String name, boolean force) {
        ManagedContext context = latest(name).orElse(null);
        if (context == null || context.state().isFinal()) {
            return new StopRequest.NotFound();
        }
        switch (context.state()) {
            case STOPPING:
                return new StopRequest.InProgress(context.stopped(), false);
            case STARTED, RESTARTING:
                // no driver to ask: the real supervisor marks the context failed and answers "not found"
                terminate(context, ContextState.ERROR);
                return new StopRequest.NotFound();
            default:
                Duration delay = force ? Duration.ZERO : settings.get().contextStopDelay();
                beginStop(context, delay);
                return context.state().isFinal() ? new StopRequest.Stopped()
                        : new StopRequest.InProgress(context.stopped(), delay.compareTo(STOP_ANSWER_TIMEOUT) <= 0);
        }
    }

    /** {@code PUT /contexts?reset=reboot}: stops every context now (no context is configured to start again). */
    public synchronized void stopAllContexts() {
        for (ManagedContext context : activeContexts().toList()) {
            if (context.state() == ContextState.RUNNING) {
                beginStop(context, Duration.ZERO);
            } else if (context.state() == ContextState.RESTARTING) {
                terminate(context, ContextState.ERROR);
            }
        }
    }

    /**
     * A test's hand on a context's driver: KILLED or ERROR (it died; its jobs fail), RESTARTING (supervise mode
     * restarts it; its jobs wait) or RUNNING (the restart succeeded; asynchronous jobs run again).
     *
     * @throws IllegalArgumentException for another target
     * @throws IllegalTransitionException when the context cannot get there from its state
     */
    public synchronized Optional<ContextSnapshot> forceContext(String name, ContextState target) {
        Optional<ManagedContext> found = latest(name);
        found.ifPresent(context -> {
            if (!ContextState.TRANSITIONS.isLegal(context.state(), target)) {
                throw new IllegalTransitionException(context.state(), target, "context " + name);
            }
            switch (target) {
                case KILLED, ERROR -> terminate(context, target);
                case RESTARTING -> restarting(context);
                case RUNNING -> restarted(context);
                default -> throw new IllegalArgumentException("a context can be forced to KILLED, ERROR, RESTARTING "
                        + "or RUNNING, not " + target);
            }
        });
        return found.map(ManagedContext::snapshot);
    }

    // ---- jobs

    /** {@code StartJob}: finds or creates the context, loads the job class, validates and runs it. */
    public synchronized StartOutcome startJob(JobRequest request) {
        ManagedContext context;
        if (request.contextName() != null) {
            context = latest(request.contextName()).filter(ManagedContext::driverAlive).orElse(null);
            if (context == null) {
                return new StartOutcome.ContextNotFound();
            }
        } else {
            Config adHocConfig = request.contextConfig().withValue("is-adhoc", ConfigValueFactory.fromAnyRef(true));
            context = newContext(adHocName(request), adHocConfig, true);
            Optional<ContextCreation.InitFailed> failure = initialize(context);
            if (failure.isPresent()) {
                return new StartOutcome.AdHocInitFailed(failure.get().error());
            }
        }
        if (context.state() == ContextState.STOPPING) {
            return new StartOutcome.StopInProgress();
        }
        return load(context, request);
    }

    public synchronized Optional<JobSnapshot> job(String id) {
        return Optional.ofNullable(jobs.get(id)).map(ManagedJob::snapshot);
    }

    /** Every job, newest first. */
    public synchronized List<JobSnapshot> jobs() {
        List<ManagedJob> all = new ArrayList<>(jobs.values());
        Collections.reverse(all);
        return all.stream().map(ManagedJob::snapshot)
                .sorted(Comparator.comparingLong(JobSnapshot::startTime).reversed()).toList();
    }

    /** {@code DELETE /jobs/{id}}'s decision: a job without an end time is killed; otherwise its end is reported. */
    public synchronized KillOutcome kill(String id) {
        ManagedJob job = jobs.get(id);
        if (job == null) {
            return new KillOutcome.NoSuchJob();
        }
        if (job.endTime() < 0) {
            job.moveTo(JobState.KILLED, clock.millis(), ErrorData.of(
                    "spark.jobserver.JobManagerActor$JobKilledException", "Job " + id + " killed", STATUS_FRAMES));
            afterJob(job.context());
            return new KillOutcome.Killed();
        }
        JobSnapshot ended = job.snapshot();
        return switch (ended.state()) {
            case ERROR -> new KillOutcome.AlreadyFailed(ended.error());
            case FINISHED, KILLED -> new KillOutcome.NotRunning();
            default -> new KillOutcome.Unexpected();
        };
    }

    /** Ids of the jobs not yet ended whose class path uses the binary. */
    public synchronized List<String> activeJobsUsing(String binaryName) {
        return jobs.values().stream()
                .filter(job -> !job.state().isFinal() && job.binaryNames().contains(binaryName))
                .map(ManagedJob::id).toList();
    }

    public synchronized void reset() {
        contexts.clear();
        jobs.clear();
    }

    // ---- context life cycle

    private ManagedContext newContext(String name, Config contextConfig, boolean adHoc) {
        ManagedContext context = new ManagedContext(ids.uuid().toString(), name,
                contextConfig.withFallback(ServerConfig.CONTEXT_DEFAULTS), adHoc, clock.millis(), freeUiPort());
        contexts.add(context);
        return context;
    }

    /** The driver's {@code Initialize}: loads the context's class path and its factory; RUNNING, or ERROR. */
    private Optional<ContextCreation.InitFailed> initialize(ManagedContext context) {
        Optional<ContextCreation.InitFailed> failure = initFailure(context.config());
        context.moveTo(failure.isPresent() ? ContextState.ERROR : ContextState.RUNNING, clock.millis());
        return failure;
    }

    private Optional<ContextCreation.InitFailed> initFailure(Config config) {
        List<String> classPath = Stream.concat(ServerConfig.sequence(config, "cp").stream(),
                ServerConfig.sequence(config, "dependent-jar-uris").stream()).toList();
        try {
            ClassPaths.checkLoadable(classPaths.resolve(classPath));
        } catch (URISyntaxException e) {
            return initFailed("java.lang.Exception", "Failed to get list of binaries for cp: " + e.getMessage(), false);
        } catch (ClassPaths.UnknownBinaryException e) {
            return initFailed("spark.jobserver.util.NoSuchBinaryException", e.getMessage(), false);
        } catch (MalformedURLException e) {
            return initFailed(e.getClass().getName(), e.getMessage(), true);
        }
        String factory;
        try {
            factory = config.getString("context-factory");
        } catch (ConfigException e) {
            return initFailed(e.getClass().getName(), e.getMessage(), false);
        }
        return CONTEXT_FACTORIES.contains(factory) ? Optional.empty()
                : initFailed("java.lang.ClassNotFoundException", factory, false);
    }

    private static Optional<ContextCreation.InitFailed> initFailed(String errorClass, String message,
                                                                   boolean malformedUrl) {
        return Optional.of(new ContextCreation.InitFailed(ErrorData.of(errorClass, message, CONTEXT_INIT_FRAMES),
                malformedUrl));
    }

    /** Stops the driver now, or after {@code delay} on the clock; jobs still running then fail. */
    private void beginStop(ManagedContext context, Duration delay) {
        context.moveTo(ContextState.STOPPING, clock.millis());
        if (delay.isZero()) {
            finishStop(context);
        } else {
            context.stopLater(clock.schedule(delay, () -> {
                synchronized (this) {
                    if (context.state() == ContextState.STOPPING) {
                        finishStop(context);
                    }
                }
            }));
        }
    }

    /** The job status actor's {@code postStop}: unfinished jobs end in ERROR with a bare message. */
    private void finishStop(ManagedContext context) {
        endJobs(context, JobState.ERROR, new ErrorData("Context (" + context.name() + ") for this job was terminated",
                "", ""));
        context.moveTo(ContextState.FINISHED, clock.millis());
    }

    /** The driver is gone: the context ends in {@code state} and the DAO fails its unfinished jobs. */
    private void terminate(ManagedContext context, ContextState state) {
        context.cancelPendingStop();
        endJobs(context, JobState.ERROR, contextTerminated(context));
        context.moveTo(state, clock.millis());
    }

    /** Supervise mode: the driver died and is restarting; its running jobs wait in RESTARTING. */
    private void restarting(ManagedContext context) {
        ErrorData error = contextTerminated(context);
        jobsOf(context).filter(job -> job.state() == JobState.RUNNING)
                .forEach(job -> job.moveTo(JobState.RESTARTING, clock.millis(), error));
        context.moveTo(ContextState.RESTARTING, clock.millis());
    }

    /** The restarted driver runs the waiting jobs again from their saved config; a job without one fails. */
    private void restarted(ManagedContext context) {
        context.moveTo(ContextState.RUNNING, clock.millis());
        for (ManagedJob job : jobsOf(context).filter(j -> j.state() == JobState.RESTARTING).toList()) {
            if (job.postedConfig() == null) {
                job.moveTo(JobState.ERROR, clock.millis(), ErrorData.of(
                        "spark.jobserver.util.NoJobConfigFoundException",
                        "Failed to load config for job with id: " + job.id(), CONTEXT_INIT_FRAMES));
            } else {
                job.moveTo(JobState.RUNNING, clock.millis(), null);
                run(job, job.program().plan(job.postedConfig(), job.environment()));
            }
        }
    }

    /** After each job of an ad-hoc context, the context stops itself. */
    private void afterJob(ManagedContext context) {
        if (context.adHoc() && context.state() == ContextState.RUNNING) {
            beginStop(context, settings.get().contextStopDelay());
        }
    }

    // ---- job life cycle

    /** Class path, job class and context type, then slots, then {@code validate()}. */
    private StartOutcome load(ManagedContext context, JobRequest request) {
        StartOutcome refusal = refusal(context, request);
        if (refusal != null) {
            afterJob(context);
            return refusal;
        }
        JobProgram program = behaviours.find(request.mainClass()).orElseThrow();
        int max = settings.get().maxJobsPerContext();
        if (jobsOf(context).filter(job -> job.state() == JobState.RUNNING).count() >= max) {
            return new StartOutcome.NoSlots(max);
        }
        JobEnvironment environment = new JobEnvironment(context.factory(), context.config(),
                request.classPath().stream().map(ClassPaths.Entry::name).toList(),
                jobsOf(context).filter(earlier -> earlier.state() == JobState.FINISHED).map(ManagedJob::mainClass)
                        .toList(), dataFiles);
        JobPlan plan = program.plan(request.jobConfig(), environment);
        // the web API saves the posted config once the job has started, which a failed validate() never does
        boolean starts = !(plan instanceof JobPlan.Invalid || plan instanceof JobPlan.ValidateThrows);
        ManagedJob job = new ManagedJob(ids.uuid().toString(), context, request.mainClass(),
                request.classPath().stream().filter(ClassPaths.Entry::uploaded).map(ClassPaths.Entry::name).toList(),
                program, environment, request.async() && starts ? request.postedConfig() : null, request.callback(),
                clock.millis());
        jobs.put(job.id(), job);
        if (plan instanceof JobPlan.Invalid invalid) {
            ErrorData error = validationError(invalid);
            fail(job, error);
            return new StartOutcome.ValidationFailed(error);
        }
        run(job, plan);
        if (plan instanceof JobPlan.ValidateThrows) {
            return new StartOutcome.ErroredOut(job.snapshot());
        }
        return new StartOutcome.Started(job.snapshot(), job.completion());
    }

    private StartOutcome refusal(ManagedContext context, JobRequest request) {
        if (!context.runsPython()) {
            try {
                ClassPaths.checkLoadable(request.classPath());
            } catch (MalformedURLException e) {
                return new StartOutcome.LoadingFailed(ErrorData.of(e.getClass().getName(), e.getMessage(),
                        ErrorData.JOB_FRAMES), true);
            }
        } else if (request.classPath().size() != 1) {
            return loadingFailed("java.lang.IllegalArgumentException",
                    "Python should have exactly one package file! Found: " + request.classPath().size());
        }
        Optional<JobProgram> program = behaviours.find(request.mainClass());
        if (program.isEmpty()) {
            return new StartOutcome.NoSuchClass();
        }
        JobProgram.Loading loading = program.get().load(context.factory());
        if (loading instanceof JobProgram.Loading.WrongType) {
            return new StartOutcome.WrongJobType();
        }
        if (loading instanceof JobProgram.Loading.NotFound) {
            return new StartOutcome.NoSuchClass();
        }
        if (loading instanceof JobProgram.Loading.Failed failed) {
            return loadingFailed(failed.errorClass(), failed.message());
        }
        return null;
    }

    private static StartOutcome loadingFailed(String errorClass, String message) {
        return new StartOutcome.LoadingFailed(ErrorData.of(errorClass, message, LOAD_FRAMES), false);
    }

    private void run(ManagedJob job, JobPlan plan) {
        int run = job.beginRun();
        if (plan instanceof JobPlan.Finish finish) {
            endAfter(job, run, finish.after(), () -> finish(job, finish.result()));
        } else if (plan instanceof JobPlan.Fail failure) {
            List<String> frames = failure.frames().isEmpty() ? runJobFrames(job) : failure.frames();
            endAfter(job, run, failure.after(), () -> fail(job, ErrorData.of(failure.errorClass(),
                    failure.message(), frames)));
        } else if (plan instanceof JobPlan.ValidateThrows thrown) {
            fail(job, ErrorData.of(thrown.errorClass(), thrown.message(), thrown.frames()));
        } else if (plan instanceof JobPlan.Invalid invalid) {
            fail(job, validationError(invalid));
        }
        // RunUntilKilled: nothing is scheduled; a kill or the context's end stops it
    }

    private void endAfter(ManagedJob job, int run, Duration after, Runnable end) {
        job.endLater(clock.schedule(after, () -> {
            synchronized (this) {
                if (job.inRun(run)) {
                    end.run();
                }
            }
        }));
    }

    private void finish(ManagedJob job, JsonNode result) {
        job.finish(clock.millis(), result);
        if (job.callback() != null) {
            ObjectNode body = Json.object().put("jobId", job.id());
            body.set("result", result);
            callbacks.post(job.callback(), body);
        }
        job.completion().complete(job.snapshot());
        afterJob(job.context());
    }

    /** The job threw (or failed validation): ERROR, the callback, and the context's reaction to job errors. */
    private void fail(ManagedJob job, ErrorData error) {
        job.moveTo(JobState.ERROR, clock.millis(), error);
        if (job.callback() != null) {
            ObjectNode body = Json.object().put("jobId", job.id()).put("status", "ERROR");
            body.set("result", error.toJson());
            callbacks.post(job.callback(), body);
        }
        job.completion().complete(job.snapshot());
        ManagedContext context = job.context();
        if (context.stopsOnJobError() && context.state() == ContextState.RUNNING) {
            // stopping the SparkContext looks to the driver like an external stop: the context is KILLED
            endJobs(context, JobState.ERROR, new ErrorData("Context (" + context.name()
                    + ") for this job was terminated", "", ""));
            context.moveTo(ContextState.KILLED, clock.millis());
        }
        afterJob(context);
    }

    private void endJobs(ManagedContext context, JobState state, ErrorData error) {
        jobsOf(context).filter(job -> !job.state().isFinal())
                .forEach(job -> job.moveTo(state, clock.millis(), error));
    }

    // ---- helpers

    private Optional<ManagedContext> latest(String name) {
        ManagedContext found = null;
        for (ManagedContext context : contexts) {
            if (context.name().equals(name) && (found == null || context.startTime() >= found.startTime())) {
                found = context;
            }
        }
        return Optional.ofNullable(found);
    }

    private Stream<ManagedContext> activeContexts() {
        List<ManagedContext> newestFirst = new ArrayList<>(contexts);
        Collections.reverse(newestFirst);
        return newestFirst.stream()
                .filter(c -> Set.of(ContextState.RUNNING, ContextState.RESTARTING, ContextState.STOPPING)
                        .contains(c.state()))
                .sorted(Comparator.comparingLong(ManagedContext::startTime).reversed());
    }

    private Stream<ManagedJob> jobsOf(ManagedContext context) {
        return jobs.values().stream().filter(job -> job.context() == context);
    }

    /** Each driver's web UI takes the first free port from 4040, as Spark's does. */
    private int freeUiPort() {
        Set<Integer> taken = new HashSet<>();
        contexts.stream().filter(c -> !c.state().isFinal()).forEach(c -> taken.add(c.uiPort()));
        int port = FIRST_UI_PORT;
        while (taken.contains(port)) {
            port++;
        }
        return port;
    }

    /** {@code <proxy user>~<uuid>-<mainClass>}, the cluster supervisor's ad-hoc name. */
    private String adHocName(JobRequest request) {
        String prefix = "";
        try {
            prefix = request.contextConfig().getString("spark.proxy.user").replace("~", "~~") + "~";
        } catch (ConfigException e) {
            // no proxy user: no prefix
        }
        return prefix + ids.uuid() + "-" + request.mainClass();
    }

    private static List<String> runJobFrames(ManagedJob job) {
        String mainClass = job.mainClass();
        String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        List<String> frames = new ArrayList<>();
        frames.add(mainClass + ".runJob(" + simpleName + ".scala)");
        frames.addAll(ErrorData.JOB_FRAMES);
        return frames;
    }

    /** {@code validate()} failed: the job manager throws {@code new Throwable(reasons.toString)}. */
    private static ErrorData validationError(JobPlan.Invalid invalid) {
        return ErrorData.of("java.lang.Throwable", invalid.reason(), ErrorData.JOB_FRAMES);
    }

    private static ErrorData contextTerminated(ManagedContext context) {
        return ErrorData.of("spark.jobserver.JobManagerActor$ContextTerminatedException",
                "Unexpected termination of context " + context.id(), STATUS_FRAMES);
    }
}
