package io.jobemu.junit;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JUnit 5 extension: starts an emulator (per class or per test, on free ports) or connects to a remote one,
 * hands each test an {@link EmulatorHandle} (or one API's handle), keeps tests apart (reset, or a namespace per
 * test when they run concurrently) and optionally reports what a test left running.
 *
 * <p>Use it through {@link WithEmulator}, or register it:
 * <pre>{@code
 * @RegisterExtension
 * static EmulatorExtension emulator = EmulatorExtension.perClass().leaks(LeakPolicy.FAIL);
 * }</pre>
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(EmulatorExtension.class);
    private static final String SERVER = "server";
    private static final String TEST = "test";
    private static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";
    private static final int MAX_NAMESPACE_LENGTH = 64;
    private static final AtomicLong TESTS = new AtomicLong();
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorExtension.class);
    /** What a parameter of each type gets, from the test's handle. */
    private static final Map<Class<?>, Function<EmulatorHandle, Object>> INJECTABLE = Map.of(
            EmulatorHandle.class, handle -> handle,
            FlinkHandle.class, EmulatorHandle::flink,
            JobserverHandle.class, EmulatorHandle::jobserver,
            StreamkapHandle.class, EmulatorHandle::streamkap,
            ClockHandle.class, EmulatorHandle::clock,
            JournalHandle.class, EmulatorHandle::journal,
            FaultsHandle.class, EmulatorHandle::faults);

    /** Null when the settings come from {@link WithEmulator}. */
    private Settings settings;
    private final ThreadLocal<EmulatorHandle> current = new ThreadLocal<>();
    private volatile EmulatorHandle shared;

    /** For {@code @ExtendWith} and {@link WithEmulator}: settings come from the annotation, else the defaults. */
    public EmulatorExtension() {
        this(null);
    }

    private EmulatorExtension(Settings settings) {
        this.settings = settings;
    }

    /** One in-process server for all tests of the class, on free ports with a manual clock. */
    public static EmulatorExtension perClass() {
        return new EmulatorExtension(Settings.DEFAULTS);
    }

    /** A fresh in-process server for every test. */
    public static EmulatorExtension perTest() {
        return new EmulatorExtension(Settings.DEFAULTS.withLifecycle(ServerLifecycle.PER_TEST));
    }

    /**
     * An emulator that is already running (a container, say), asked for its URLs when the class starts. Each test
     * gets its own namespace by default, as others may share the server.
     */
    public static EmulatorExtension remote(Supplier<EmulatorUrls> urls) {
        return new EmulatorExtension(Settings.DEFAULTS.withRemote(urls));
    }

    /** How in-process servers start; {@link EmulatorConfig#forTests()} by default. */
    public EmulatorExtension withConfig(EmulatorConfig config) {
        settings = configured().withConfig(config);
        return this;
    }

    /** Whether a shared namespace is reset after each test; on by default. */
    public EmulatorExtension resetBetweenTests(boolean reset) {
        settings = configured().withReset(reset);
        return this;
    }

    public EmulatorExtension isolation(Isolation isolation) {
        settings = configured().withIsolation(isolation);
        return this;
    }

    public EmulatorExtension leaks(LeakPolicy policy) {
        settings = configured().withLeaks(policy);
        return this;
    }

    /**
     * The running test's handle (on the thread running it), else the server's (default namespace). Parameter
     * injection is the surer way to get a test's own namespace.
     */
    public EmulatorHandle handle() {
        EmulatorHandle handle = current.get();
        if (handle == null) {
            handle = shared;
        }
        if (handle == null) {
            throw new IllegalStateException("no emulator yet: the extension starts it before the tests "
                    + "(before each test for a server per test)");
        }
        return handle;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Settings current = settings(context);
        ExtensionContext.Store store = context.getStore(STORE);
        Server server = store.get(SERVER, Server.class); // an enclosing class's, for @Nested classes
        if (server == null && current.lifecycle() == ServerLifecycle.PER_CLASS) {
            server = Server.start(current);
            store.put(SERVER, server);
        }
        if (server != null) {
            shared = server.root();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Server own = context.getStore(STORE).remove(SERVER, Server.class);
        if (own != null) {
            shared = null;
            own.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        current.set(scope(context).handle());
    }

    /** Checks for leaks (before anything is cleaned up), then resets, deletes the namespace or stops the server. */
    @Override
    public void afterEach(ExtensionContext context) {
        current.remove();
        TestScope scope = context.getStore(STORE).remove(TEST, TestScope.class);
        if (scope == null) {
            return;
        }
        LeakPolicy policy = settings(context).leaks();
        Optional<LeakReport> leaks = Optional.empty();
        try {
            if (policy != LeakPolicy.IGNORE) {
                leaks = Optional.of(scope.handle().leaks());
            }
        } finally {
            scope.cleanUp();
        }
        leaks.ifPresent(report -> report(context, policy, report));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTABLE.containsKey(parameter.getParameter().getType());
    }

    /**
     * Test and per-test lifecycle methods get the test's handle (or one of its parts); constructors and
     * {@code @BeforeAll} the server's.
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Function<EmulatorHandle, Object> part = INJECTABLE.get(parameter.getParameter().getType());
        if (context.getTestMethod().isPresent()) {
            return part.apply(scope(context).handle());
        }
        Server server = context.getStore(STORE).get(SERVER, Server.class);
        if (server == null) {
            throw new ParameterResolutionException("with a server per test there is no emulator yet for "
                    + parameter.getDeclaringExecutable() + "; inject " + parameter.getParameter().getType()
                    .getSimpleName() + " into test, @BeforeEach or @AfterEach methods");
        }
        return part.apply(server.root());
    }

    /** The test's scope, opened on first need (parameter resolution may come before {@link #beforeEach}). */
    private TestScope scope(ExtensionContext context) {
        return context.getStore(STORE).getOrComputeIfAbsent(TEST, key -> open(context), TestScope.class);
    }

    private TestScope open(ExtensionContext context) {
        Settings current = settings(context);
        Server server = context.getStore(STORE).get(SERVER, Server.class);
        if (server == null) {
            Server own = Server.start(current);
            return new TestScope(own.root(), own, Cleanup.STOP_SERVER);
        }
        if (namespacePerTest(current, server, context)) {
            return new TestScope(server.root().inNamespace(namespaceName(context)), null, Cleanup.DELETE_NAMESPACE);
        }
        return new TestScope(server.root(), null, current.reset() ? Cleanup.RESET : Cleanup.NONE);
    }

    private static boolean namespacePerTest(Settings settings, Server server, ExtensionContext context) {
        return switch (settings.isolation()) {
            case NAMESPACE_PER_TEST -> true;
            case SHARED_NAMESPACE -> false;
            case AUTO -> server.isRemote() || (context.getExecutionMode() == ExecutionMode.CONCURRENT
                    && context.getConfigurationParameter(PARALLEL_ENABLED).map(Boolean::parseBoolean).orElse(false));
        };
    }

    /** The test method's name, made unique (also across JVMs sharing a remote server) and valid as a namespace. */
    private static String namespaceName(ExtensionContext context) {
        String suffix = "-" + TESTS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String name = context.getTestMethod().map(Method::getName).orElse("test").replaceAll("[^A-Za-z0-9._-]", "_");
        return name.substring(0, Math.min(name.length(), MAX_NAMESPACE_LENGTH - suffix.length())) + suffix;
    }

    private static void report(ExtensionContext context, LeakPolicy policy, LeakReport report) {
        if (!report.hasLeaks() && report.unchecked().isEmpty()) {
            return;
        }
        String message = context.getDisplayName() + " left resources in the emulator: " + report.describe();
        if (policy == LeakPolicy.FAIL && report.hasLeaks()) {
            throw new AssertionError(message + ". Cancel jobs and delete contexts in the test, or report leaks "
                    + "with LeakPolicy.LOG.");
        }
        LOG.warn(message);
        context.publishReportEntry("jobemu.leaks", report.describe());
    }

    private Settings configured() {
        return settings != null ? settings : Settings.DEFAULTS;
    }

    private Settings settings(ExtensionContext context) {
        if (settings != null) {
            return settings;
        }
        // on the class, a superclass or an annotation of the user's own; a @Nested class takes its outer class's
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<WithEmulator> annotation = AnnotationSupport.findAnnotation(type, WithEmulator.class);
            if (annotation.isPresent()) {
                return Settings.of(annotation.get(), type);
            }
        }
        return Settings.DEFAULTS;
    }

    /** Everything the extension can be told; see the public setters. */
    private record Settings(ServerLifecycle lifecycle, EmulatorConfig config, Supplier<EmulatorUrls> remote,
                            boolean reset, Isolation isolation, LeakPolicy leaks) {

        static final Settings DEFAULTS = new Settings(ServerLifecycle.PER_CLASS, EmulatorConfig.forTests(), null, true,
                Isolation.AUTO, LeakPolicy.IGNORE);

        static Settings of(WithEmulator annotation, Class<?> annotated) {
            EmulatorConfig config;
            try {
                config = EmulatorConfig.forTests().withClockMode(annotation.clock()).withTiming(annotation.timing())
                        .withPorts(annotation.flinkPort(), annotation.jobserverPort(), annotation.streamkapPort())
                        .withApis(Set.of(annotation.apis()));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@WithEmulator on " + annotated.getName() + ": "
                        + e.getMessage(), e);
            }
            if (annotation.seed() != WithEmulator.RANDOM_IDS) {
                config = config.withSeed(annotation.seed());
            }
            if (!annotation.controlToken().isEmpty()) {
                config = config.withControlAccess(config.controlAccess().withToken(annotation.controlToken()));
            }
            return new Settings(annotation.lifecycle(), config, null, annotation.resetBetweenTests(),
                    annotation.isolation(), annotation.leaks());
        }

        Settings withLifecycle(ServerLifecycle value) {
            return new Settings(value, config, remote, reset, isolation, leaks);
        }

        Settings withConfig(EmulatorConfig value) {
            return new Settings(lifecycle, value, remote, reset, isolation, leaks);
        }

        Settings withRemote(Supplier<EmulatorUrls> value) {
            return new Settings(ServerLifecycle.PER_CLASS, config, value, reset, isolation, leaks);
        }

        Settings withReset(boolean value) {
            return new Settings(lifecycle, config, remote, value, isolation, leaks);
        }

        Settings withIsolation(Isolation value) {
            return new Settings(lifecycle, config, remote, reset, value, leaks);
        }

        Settings withLeaks(LeakPolicy value) {
            return new Settings(lifecycle, config, remote, reset, isolation, value);
        }
    }

    /** A server the extension started (closed with it) or connected to. */
    private record Server(Emulator emulator, EmulatorHandle root) implements AutoCloseable {

        static Server start(Settings settings) {
            if (settings.remote() != null) {
                return connect(settings.remote().get());
            }
            try {
                Emulator emulator = Emulator.start(settings.config());
                return new Server(emulator, EmulatorHandle.of(emulator));
            } catch (IOException e) {
                EmulatorConfig config = settings.config();
                boolean fixed = config.flinkPort() != 0 || config.jobserverPort() != 0 || config.streamkapPort() != 0;
                throw new UncheckedIOException("cannot start the emulator: " + e.getMessage() + (fixed
                        ? " (a fixed port is taken: by another server of these tests, say, when servers live per "
                        + "test or classes run in parallel; port 0 picks a free one)" : ""), e);
            }
        }

        private static Server connect(EmulatorUrls urls) {
            EmulatorHandle root = EmulatorHandle.connect(urls);
            try {
                if (root.isHealthy()) {
                    return new Server(null, root);
                }
            } catch (RuntimeException e) {
                throw new ExtensionConfigurationException("no emulator answers at " + urls + ": " + e.getMessage(), e);
            }
            throw new ExtensionConfigurationException("the emulator at " + urls + " is not healthy");
        }

        boolean isRemote() {
            return emulator == null;
        }

        @Override
        public void close() {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private enum Cleanup { NONE, RESET, DELETE_NAMESPACE, STOP_SERVER }

    /** One test's handle and what to do with it afterwards. */
    private record TestScope(EmulatorHandle handle, Server ownServer, Cleanup cleanup) {
        void cleanUp() {
            switch (cleanup) {
                case RESET -> handle.reset();
                case DELETE_NAMESPACE -> handle.deleteNamespace();
                case STOP_SERVER -> ownServer.close();
                case NONE -> { }
            }
        }
    }
}
