package io.jobemu;

import io.jobemu.core.ApiListener;
import io.jobemu.core.EmulatorContext;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.control.ControlGuard;
import io.jobemu.core.Namespace;
import io.jobemu.core.Namespaces;
import io.jobemu.core.WorkDirectories;
import io.jobemu.core.faults.FaultRegistry;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.core.journal.RequestJournal;
import io.jobemu.flink.FlinkApi;
import io.jobemu.jobserver.JobserverApi;
import io.jobemu.streamkap.StreamkapApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.XnioWorker;

/**
 * The handle users hold: every emulated API on its own port. State lives in namespaces (each with its own clock,
 * ids, journal and faults); requests without a namespace use the default one.
 */
public final class Emulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);

    /** How long {@link #close} lets requests in flight finish before it aborts them. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private static final Path TEMP_ROOT = Path.of(System.getProperty("java.io.tmpdir"));

    private final EmulatorConfig config;
    private final Path workDir;
    private final Namespaces namespaces;
    private final Namespace defaultNamespace;
    private final Map<String, ApiListener> listeners = new LinkedHashMap<>();
    private final XnioWorker worker;

    private Emulator(EmulatorConfig config, CompletableFuture<XnioWorker> workerStart) throws IOException {
        this.config = config;
        this.workDir = WorkDirectories.create(TEMP_ROOT);
        this.namespaces = new Namespaces(this::createNamespace, config.limits().maxNamespaces());
        this.defaultNamespace = namespaces.get(Namespaces.DEFAULT);
        this.worker = joined(workerStart);
        ControlGuard controlGuard = new ControlGuard(config.controlAccess(), isLoopback(config.host()));
        for (EmulatorConfig.Api api : EmulatorConfig.Api.values()) {
            if (!config.apis().contains(api)) {
                continue;
            }
            int port = switch (api) {
                case FLINK -> config.flinkPort();
                case JOBSERVER -> config.jobserverPort();
                case STREAMKAP -> config.streamkapPort();
            };
            listeners.put(api.apiName(), new ApiListener(api.apiName(), namespaces, controlGuard, config.host(), port,
                    worker));
        }
    }

    /** A namespace with its own clock, ids, journal and a fresh instance of every API. */
    private Namespace createNamespace(String name) {
        IdGenerator ids = config.seed().isPresent()
                ? new IdGenerator(new Random(config.seed().getAsLong() + name.hashCode()))
                : IdGenerator.unseeded();
        EmulatorContext context = new EmulatorContext(new EmulatorClock(config.clockMode()), ids,
                new RequestJournal(config.journal()), workDir.resolve("ns-" + name), config.limits());
        FlinkApi flink = new FlinkApi(context, config.timing());
        JobserverApi jobserver = new JobserverApi(context, config.timing(), config.jobserverSettings());
        StreamkapApi streamkap = new StreamkapApi(context, flink, config.streamkapCredentials());
        return new Namespace(name, context, List.of(flink, jobserver, streamkap), this::baseUrls, namespaces);
    }

    /** Starts every API; on any failure (a port in use, say) nothing is left running. */
    public static Emulator start(EmulatorConfig config) throws BindException {
        CompletableFuture<XnioWorker> workerStart = ApiListener.startWorker();
        Emulator emulator;
        try {
            emulator = new Emulator(config, workerStart);
        } catch (IOException e) {
            workerStart.thenAccept(XnioWorker::shutdown);
            throw new UncheckedIOException("cannot create the emulator's work directory in " + TEMP_ROOT + " (the"
                    + " java.io.tmpdir system property): " + e, e);
        } catch (RuntimeException e) {
            workerStart.thenAccept(XnioWorker::shutdown);
            throw e;
        }
        try {
            for (Map.Entry<String, ApiListener> listener : emulator.listeners.entrySet()) {
                listener.getValue().start();
                LOG.info("jobemu {} API listening on {}", listener.getKey(), emulator.baseUrl(listener.getKey()));
            }
        } catch (BindException | RuntimeException e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    /** @throws IllegalStateException when Flink was not started ({@link EmulatorConfig#apis()}) */
    public String flinkUrl() {
        return baseUrl(flink().name());
    }

    /** @throws IllegalStateException when spark-jobserver was not started */
    public String jobserverUrl() {
        return baseUrl(jobserver().name());
    }

    /** @throws IllegalStateException when Streamkap was not started */
    public String streamkapUrl() {
        return baseUrl(streamkap().name());
    }

    /** Whether {@code api} listens. */
    public boolean isListening(EmulatorConfig.Api api) {
        return listeners.containsKey(api.apiName());
    }

    /** Base URL per API name of the APIs that listen, in start order. */
    public Map<String, String> baseUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        listeners.keySet().forEach(name -> urls.put(name, baseUrl(name)));
        return urls;
    }

    /**
     * The namespace called {@code name}, created if new. Requests reach it with the {@value Namespaces#HEADER}
     * header or the {@code /_ns/<name>} path prefix; the methods below act on the default namespace.
     */
    public Namespace namespace(String name) {
        return namespaces.get(name);
    }

    public EmulatorClock clock() {
        return defaultNamespace.context().clock();
    }

    public FaultRegistry faults() {
        return defaultNamespace.faults();
    }

    public RequestJournal journal() {
        return defaultNamespace.context().journal();
    }

    public FlinkApi flink() {
        return defaultNamespace.api(FlinkApi.class);
    }

    public JobserverApi jobserver() {
        return defaultNamespace.api(JobserverApi.class);
    }

    public StreamkapApi streamkap() {
        return defaultNamespace.api(StreamkapApi.class);
    }

    public EmulatorConfig config() {
        return config;
    }

    /** Empties every store, the journal, the faults and the scheduled events of the default namespace. */
    public void reset() {
        defaultNamespace.reset();
    }

    @Override
    public void close() {
        listeners.values().forEach(ApiListener::stop);
        stopWorker();
        namespaces.close();
        WorkDirectories.deleteRecursively(workDir);
    }

    private static XnioWorker joined(CompletableFuture<XnioWorker> workerStart) {
        try {
            return workerStart.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("cannot start the emulator's I/O threads", io);
            }
            throw e;
        }
    }

    /**
     * Lets requests in flight finish for a short grace period, then aborts those still running and closes every
     * connection, as Undertow does for a worker of its own with a shutdown timeout.
     */
    private void stopWorker() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
                worker.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private String baseUrl(String api) {
        ApiListener listener = listeners.get(api);
        if (listener == null) {
            throw new IllegalStateException("the " + api + " API was not started; EmulatorConfig.apis() is "
                    + config.apis());
        }
        String host = config.advertisedHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + listener.port();
    }

    /** Whether {@code host} names a loopback address; a name that does not resolve binds nothing anyway. */
    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
