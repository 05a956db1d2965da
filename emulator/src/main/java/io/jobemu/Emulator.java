package io.jobemu;

import io.jobemu.core.ApiListener;
import io.jobemu.core.EmulatedApi;
import io.jobemu.core.EmulatorContext;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.control.ControlApi;
import io.jobemu.core.faults.FaultRegistry;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.core.journal.RequestJournal;
import io.jobemu.flink.FlinkApi;
import io.jobemu.jobserver.JobserverApi;
import io.jobemu.streamkap.StreamkapApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/** The handle users hold: every emulated API on its own port, sharing one clock, id source and journal. */
public final class Emulator implements AutoCloseable {

    static {
        // Undertow logs through jboss-logging; route it to slf4j (bound to nop) so the console stays ours.
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    private final EmulatorConfig config;
    private final EmulatorContext context;
    private final FlinkApi flink;
    private final JobserverApi jobserver;
    private final StreamkapApi streamkap;
    private final ControlApi control;
    private final FaultRegistry faults = new FaultRegistry();
    private final Map<String, ApiListener> listeners = new LinkedHashMap<>();

    private Emulator(EmulatorConfig config) throws IOException {
        this.config = config;
        Path workDir = Files.createTempDirectory("jobemu-");
        IdGenerator ids = config.seed().isPresent()
                ? new IdGenerator(new Random(config.seed().getAsLong())) : IdGenerator.unseeded();
        this.context = new EmulatorContext(new EmulatorClock(config.clockMode()), ids,
                new RequestJournal(config.journalCapacity()), workDir);
        this.flink = new FlinkApi(context, config.timing());
        this.jobserver = new JobserverApi(context, config.timing());
        this.streamkap = new StreamkapApi(context, flink, config.streamkapCredentials());
        List<EmulatedApi> apis = List.of(flink, jobserver, streamkap);
        this.control = new ControlApi(context, apis, faults, this::baseUrls);
        Path uploads = Files.createDirectories(workDir.resolve("multipart"));
        addListener(flink, config.flinkPort(), uploads);
        addListener(jobserver, config.jobserverPort(), uploads);
        addListener(streamkap, config.streamkapPort(), uploads);
    }

    private void addListener(EmulatedApi api, int port, Path uploads) {
        listeners.put(api.name(), new ApiListener(api, control, faults, context, config.host(), port, uploads));
    }

    /** Starts every API; on any failure (a port in use, say) nothing is left running. */
    public static Emulator start(EmulatorConfig config) throws BindException {
        Emulator emulator;
        try {
            emulator = new Emulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator's work directory", e);
        }
        try {
            for (ApiListener listener : emulator.listeners.values()) {
                listener.start();
            }
        } catch (BindException | RuntimeException e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    public String flinkUrl() {
        return baseUrl(flink.name());
    }

    public String jobserverUrl() {
        return baseUrl(jobserver.name());
    }

    public String streamkapUrl() {
        return baseUrl(streamkap.name());
    }

    /** Base URL per API name, in start order. */
    public Map<String, String> baseUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        listeners.keySet().forEach(name -> urls.put(name, baseUrl(name)));
        return urls;
    }

    public EmulatorClock clock() {
        return context.clock();
    }

    public FaultRegistry faults() {
        return faults;
    }

    public RequestJournal journal() {
        return context.journal();
    }

    public FlinkApi flink() {
        return flink;
    }

    public JobserverApi jobserver() {
        return jobserver;
    }

    public StreamkapApi streamkap() {
        return streamkap;
    }

    public EmulatorConfig config() {
        return config;
    }

    /** Empties every store, the journal and the scheduled events. */
    public void reset() {
        control.resetAll();
    }

    @Override
    public void close() {
        listeners.values().forEach(ApiListener::stop);
        context.clock().close();
        deleteRecursively(context.workDir());
    }

    private String baseUrl(String api) {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + listeners.get(api).port();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temp dir is harmless.
        }
    }
}
