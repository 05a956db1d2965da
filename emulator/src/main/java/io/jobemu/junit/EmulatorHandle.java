package io.jobemu.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.Emulator;
import io.jobemu.core.Namespaces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A test's view of one emulator namespace, over HTTP: each API's base URL and the control operations as Java
 * methods. Works the same for an emulator started in this JVM ({@link #of(Emulator)}) and a remote one, such as a
 * container ({@link #connect(EmulatorUrls)}).
 *
 * <p>In a namespace other than the default one, every URL ends in {@code /_ns/<name>}, so plain HTTP clients
 * configured with these URLs land in the namespace without any header.
 */
public final class EmulatorHandle {

    private final EmulatorUrls serverUrls;
    private final String namespace;
    private final Optional<String> controlToken;
    private final EmulatorUrls urls;
    private final ControlClient control;
    /** The default namespace's control API, the only one that lists and deletes namespaces. */
    private final ControlClient root;
    private final FlinkHandle flink;
    private final JobserverHandle jobserver;
    private final StreamkapHandle streamkap;
    private final ClockHandle clock;
    private final FaultsHandle faults;
    private final JournalHandle journal;

    private EmulatorHandle(EmulatorUrls serverUrls, String namespace, Optional<String> controlToken) {
        this.serverUrls = serverUrls;
        this.namespace = namespace;
        this.controlToken = controlToken;
        this.urls = namespace.equals(Namespaces.DEFAULT) ? serverUrls
                : serverUrls.withPathPrefix(Namespaces.PATH_PREFIX + namespace);
        this.control = new ControlClient(urls.controlBase(), controlToken);
        this.root = new ControlClient(serverUrls.controlBase(), controlToken);
        this.flink = new FlinkHandle(urls.flink(), control);
        this.jobserver = new JobserverHandle(urls.jobserver(), control);
        this.streamkap = new StreamkapHandle(urls.streamkap(), control);
        this.clock = new ClockHandle(control);
        this.faults = new FaultsHandle(control);
        this.journal = new JournalHandle(control);
    }

    /** The default namespace of an emulator reachable at these URLs (a container's mapped ports, say). */
    public static EmulatorHandle connect(EmulatorUrls urls) {
        return new EmulatorHandle(urls, Namespaces.DEFAULT, Optional.empty());
    }

    /** The default namespace of an emulator reachable at these base URLs; null for an API not exposed. */
    public static EmulatorHandle connect(String flinkUrl, String jobserverUrl, String streamkapUrl) {
        return connect(new EmulatorUrls(flinkUrl, jobserverUrl, streamkapUrl));
    }

    /** The default namespace of an emulator started in this JVM, with its control token if it has one. */
    public static EmulatorHandle of(Emulator emulator) {
        return new EmulatorHandle(EmulatorUrls.of(emulator), Namespaces.DEFAULT,
                emulator.config().controlAccess().token());
    }

    /** The same emulator's namespace {@code name} (created on first use; letters, digits, '.', '_', '-'). */
    public EmulatorHandle inNamespace(String name) {
        return new EmulatorHandle(serverUrls, name, controlToken);
    }

    /** This handle sending {@code token} with every control request, for an emulator started with a control token. */
    public EmulatorHandle withControlToken(String token) {
        return new EmulatorHandle(serverUrls, namespace, Optional.of(token));
    }

    public String namespace() {
        return namespace;
    }

    /** Every API's base URL in this namespace. */
    public EmulatorUrls urls() {
        return urls;
    }

    public String flinkUrl() {
        return flink.url();
    }

    public String jobserverUrl() {
        return jobserver.url();
    }

    public String streamkapUrl() {
        return streamkap.url();
    }

    public FlinkHandle flink() {
        return flink;
    }

    public JobserverHandle jobserver() {
        return jobserver;
    }

    public StreamkapHandle streamkap() {
        return streamkap;
    }

    public ClockHandle clock() {
        return clock;
    }

    public FaultsHandle faults() {
        return faults;
    }

    public JournalHandle journal() {
        return journal;
    }

    /** Forgets every job, jar, context, behaviour, fault, pending clock event and journal entry of the namespace. */
    public void reset() {
        control.post("/reset");
    }

    /** Whether the emulator answers its health check with UP. */
    public boolean isHealthy() {
        return "UP".equals(control.get("/health").path("status").asText());
    }

    /** Every namespace the emulator holds (asked of the root control API, whichever namespace this handle is in). */
    public List<String> namespaces() {
        List<String> names = new ArrayList<>();
        root.get("/namespaces").path("namespaces").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** Drops this namespace and everything in it; the default namespace is reset instead. */
    public void deleteNamespace() {
        root.delete("/namespaces/" + ControlClient.encode(namespace));
    }

    /**
     * Any control request, for routes without a method here; {@code path} is relative to {@code /_emulator}
     * (e.g. {@code /jobserver/settings}), {@code jsonBody} may be null.
     *
     * @throws EmulatorControlException when the control API answers an error
     */
    public JsonNode control(String method, String path, String jsonBody) {
        return control.call(method, path, jsonBody);
    }

    /**
     * What the namespace holds that a test should have cleaned up: Flink jobs not yet terminal, jobserver contexts
     * still up. Read through the APIs themselves, so these reads appear in the journal.
     */
    public LeakReport leaks() {
        List<String> unchecked = new ArrayList<>();
        Map<String, String> jobs = new LinkedHashMap<>();
        read("Flink jobs", urls.flink(), flink::jobs, unchecked).ifPresent(all -> all.forEach((id, state) -> {
            if (!FlinkHandle.isTerminal(state)) {
                jobs.put(id, state);
            }
        }));
        List<String> contexts = read("jobserver contexts", urls.jobserver(), jobserver::activeContexts, unchecked)
                .orElse(List.of());
        return new LeakReport(jobs, contexts, unchecked);
    }

    /** What {@code reader} returns, or empty with the reason added to {@code unchecked}. */
    private static <T> Optional<T> read(String what, String url, Supplier<T> reader, List<String> unchecked) {
        if (url == null) {
            unchecked.add(what + " (no URL given)");
            return Optional.empty();
        }
        try {
            return Optional.of(reader.get());
        } catch (RuntimeException e) {
            unchecked.add(what + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "emulator namespace " + namespace + " at " + urls;
    }
}
