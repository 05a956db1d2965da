package io.jobemu.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.control.ControlGuard;
import io.jobemu.flink.TimingProfile;
import io.jobemu.junit.EmulatorHandle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * The jobemu emulator in a Docker container, for integration tests: the Flink, spark-jobserver and Streamkap REST
 * APIs, each on its own mapped port, and the control API under {@code /_emulator}. {@link #start()} returns once
 * {@code GET /_emulator/health} answers, that is once every API listens.
 *
 * <pre>{@code
 * try (JobemuContainer emulator = new JobemuContainer().withClockMode(EmulatorClock.Mode.MANUAL)) {
 *     emulator.start();
 *     String flinkRestUrl = emulator.getFlinkUrl();        // point the client under test here
 *     EmulatorHandle control = emulator.getEmulatorHandle();
 *     control.clock().advance(Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * The image ({@code jobemu/emulator:<library version>} by default) must already be in the local Docker engine:
 * jobemu publishes none, so the container never pulls and fails at once, saying how to build it, when it is missing.
 * Call {@code withImagePullPolicy(PullPolicy.defaultPolicy())} to pull from a registry you pushed it to. Before the
 * first container of a JVM starts, the helper images Testcontainers itself needs (Ryuk, and where it believes it
 * runs inside a container an alpine image) are checked: one that is missing and cannot be pulled fails the start in
 * seconds, naming the environment variable to set, instead of a hang of many minutes.
 */
public class JobemuContainer extends GenericContainer<JobemuContainer> {

    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("jobemu/emulator");
    /** The library version: the image built from this very jar carries it as its tag. */
    public static final String DEFAULT_TAG = libraryVersion();

    public static final int FLINK_PORT = 8081;
    public static final int JOBSERVER_PORT = 8090;
    public static final int STREAMKAP_PORT = 8080;

    private static final String CONTROL_PATH = "/_emulator";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** The environment variable the image's emulator reads its control token from. */
    public static final String CONTROL_TOKEN_VARIABLE = "JOBEMU_CONTROL_TOKEN";

    private final List<String> emulatorOptions = new ArrayList<>();
    private String controlToken;

    public JobemuContainer() {
        this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG));
    }

    public JobemuContainer(String dockerImageName) {
        this(DockerImageName.parse(dockerImageName));
    }

    public JobemuContainer(DockerImageName dockerImageName) {
        super(dockerImageName);
        dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withExposedPorts(FLINK_PORT, JOBSERVER_PORT, STREAMKAP_PORT);
        withImagePullPolicy(localImagesOnly());
        waitingFor(healthCheck());
    }

    /**
     * Every control request must then carry {@code token} (passed in {@value #CONTROL_TOKEN_VARIABLE}, so it shows
     * in no command line); the health wait and {@link #getEmulatorHandle()} send it.
     */
    public JobemuContainer withControlToken(String token) {
        controlToken = token;
        withEnv(CONTROL_TOKEN_VARIABLE, token);
        return waitingFor(healthCheck());
    }

    /** {@code manual} freezes time: it moves only through the control API ({@code /_emulator/clock/...}). */
    public JobemuContainer withClockMode(EmulatorClock.Mode mode) {
        return withEmulatorOption("--clock", mode.name().toLowerCase(Locale.ROOT));
    }

    /** {@code instant} makes every lifecycle step due at once; {@code realistic} (the default) takes real time. */
    public JobemuContainer withTiming(TimingProfile timing) {
        return withEmulatorOption("--timing", timing.name().toLowerCase(Locale.ROOT));
    }

    /** Derives every generated id from {@code seed}, so runs repeat exactly. */
    public JobemuContainer withSeed(long seed) {
        return withEmulatorOption("--seed", Long.toString(seed));
    }

    /** Turns spark-jobserver's Basic authentication on for this user (every permission); call again for more. */
    public JobemuContainer withJobserverUser(String name, String password) {
        return withEmulatorOption("--jobserver-user", name + ":" + password);
    }

    /** The Flink JobManager REST API, e.g. {@code http://localhost:32768}. */
    public String getFlinkUrl() {
        return urlOf(FLINK_PORT);
    }

    /** The spark-jobserver REST API. */
    public String getJobserverUrl() {
        return urlOf(JOBSERVER_PORT);
    }

    /** The Streamkap REST API. */
    public String getStreamkapUrl() {
        return urlOf(STREAMKAP_PORT);
    }

    /** The control API's base: append {@code /health}, {@code /reset}, {@code /clock/advance?by=PT5S}, ... */
    public String getControlUrl() {
        return getFlinkUrl() + CONTROL_PATH;
    }

    /** The control API as Java methods (clock, faults, journal, behaviours, reset), over the mapped ports. */
    public EmulatorHandle getEmulatorHandle() {
        EmulatorHandle handle = EmulatorHandle.connect(getFlinkUrl(), getJobserverUrl(), getStreamkapUrl());
        return controlToken == null ? handle : handle.withControlToken(controlToken);
    }

    private String urlOf(int containerPort) {
        return "http://" + getHost() + ":" + getMappedPort(containerPort);
    }

    private HttpWaitStrategy healthCheck() {
        HttpWaitStrategy health = Wait.forHttp(CONTROL_PATH + "/health")
                .forPort(FLINK_PORT)
                .forStatusCode(200)
                .forResponsePredicate(body -> body.contains("\"UP\""));
        health.withStartupTimeout(STARTUP_TIMEOUT);
        return controlToken == null ? health : health.withHeader(ControlGuard.TOKEN_HEADER, controlToken);
    }

    /** Fails in seconds, saying what to set, where Testcontainers itself would hang pulling its helper images. */
    @Override
    public void start() {
        HelperImages.ensureAvailable();
        super.start();
    }

    /**
     * The command is built once, as the container is created: the options follow the image's entrypoint. It
     * replaces any {@code withCommand}: give emulator options through the {@code with...} methods.
     */
    @Override
    protected void configure() {
        super.configure();
        setCommand(emulatorCommand().toArray(String[]::new));
    }

    /** The emulator options given so far, in order, as the container's command. */
    List<String> emulatorCommand() {
        return List.copyOf(emulatorOptions);
    }

    private JobemuContainer withEmulatorOption(String name, String value) {
        emulatorOptions.add(name);
        emulatorOptions.add(value);
        return self();
    }

    /** Never pulls: uses the local image, or fails at once saying how to build it (a pull would only time out). */
    private static ImagePullPolicy localImagesOnly() {
        return image -> {
            try {
                DockerClientFactory.lazyClient().inspectImageCmd(image.asCanonicalNameString()).exec();
                return false;
            } catch (NotFoundException e) {
                throw new IllegalStateException("Docker image " + image.asCanonicalNameString()
                        + " is not in the local Docker engine and jobemu publishes none to pull; build it from a"
                        + " jobemu checkout: mvn -pl emulator -DskipTests package && docker/build-local-image.sh "
                        + image.getVersionPart() + " (no registry needed), or, with a registry that has a Java 17"
                        + " image: docker build -f docker/Dockerfile -t " + image.asCanonicalNameString() + " .", e);
            }
        };
    }

    private static String libraryVersion() {
        Properties properties = new Properties();
        try (InputStream in = JobemuContainer.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing beside " + JobemuContainer.class);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
