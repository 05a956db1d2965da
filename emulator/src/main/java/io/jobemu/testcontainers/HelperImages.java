package io.jobemu.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientConfigUtils;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * Testcontainers' own helper images, checked before the first container starts. Testcontainers starts its Ryuk
 * reaper, and, when it believes it runs inside a container (a {@code /.dockerenv} file) with a local socket, runs an
 * alpine container to find the engine's address; an image it cannot pull it retries for minutes per test, so a
 * machine that reaches no registry hangs. Here each needed image that is missing is pulled once; if that fails,
 * the test fails at once, saying what to set instead.
 */
final class HelperImages {

    static final String RYUK_DISABLED = "TESTCONTAINERS_RYUK_DISABLED";
    static final String HOST_OVERRIDE = "TESTCONTAINERS_HOST_OVERRIDE";
    private static final long PULL_TIMEOUT_SECONDS = 30;

    /** One image Testcontainers will need, why, and what setting makes it unnecessary. */
    record Needed(String image, String purpose, String instead) {
    }

    private static boolean checked;

    private HelperImages() {
    }

    /** Once per JVM: makes sure every helper image Testcontainers will need is there, or fails saying why. */
    static synchronized void ensureAvailable() {
        if (checked) {
            return;
        }
        TransportConfig transport = DockerClientFactory.instance().getTransportConfig();
        TestcontainersConfiguration configuration = TestcontainersConfiguration.getInstance();
        List<Needed> needed = needed(System.getenv(), DockerClientConfigUtils.IN_A_CONTAINER,
                transport.getDockerHost(), substituted(configuration.getRyukImage()),
                substituted(configuration.getTinyImage()));
        if (!needed.isEmpty()) {
            DockerClient client = DockerClientProviderStrategy.getClientForConfig(transport);
            needed.forEach(image -> ensure(client, image));
        }
        checked = true;
    }

    /** The helper images Testcontainers will start, given its environment (the logic of Testcontainers 1.21/2.0). */
    static List<Needed> needed(Map<String, String> env, boolean insideContainer, URI dockerHost, String ryukImage,
                               String tinyImage) {
        List<Needed> needed = new ArrayList<>();
        if (!Boolean.parseBoolean(env.get(RYUK_DISABLED))) {
            needed.add(new Needed(ryukImage, "its Ryuk container, which removes containers a crashed test leaves",
                    RYUK_DISABLED + "=true (containers are then stopped only by the tests themselves)"));
        }
        String override = env.get(HOST_OVERRIDE);
        boolean localSocket = dockerHost != null && "unix".equals(dockerHost.getScheme());
        if ((override == null || override.isBlank()) && insideContainer && localSocket) {
            needed.add(new Needed(tinyImage, "a helper container to find the Docker engine's address, since it "
                    + "sees /.dockerenv and believes it runs inside a container",
                    HOST_OVERRIDE + "=localhost (or the host where the engine publishes container ports)"));
        }
        return needed;
    }

    private static void ensure(DockerClient client, Needed needed) {
        try {
            client.inspectImageCmd(needed.image()).exec();
            return;
        } catch (NotFoundException e) {
            // not there: try one pull below
        }
        DockerImageName name = DockerImageName.parse(needed.image());
        String failure;
        try {
            boolean done = client.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart()).start()
                    .awaitCompletion(PULL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (done) {
                return;
            }
            failure = "the pull did not finish within " + PULL_TIMEOUT_SECONDS + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (RuntimeException e) {
            failure = e.getMessage();
        }
        throw new IllegalStateException("Testcontainers needs the image " + needed.image() + " for "
                + needed.purpose() + ", but it is not in the local Docker engine and cannot be pulled (" + failure
                + "); Testcontainers would retry for minutes. Load or tag it locally (docker load, docker tag), or set"
                + " the environment variable " + needed.instead() + ".");
    }

    private static String substituted(String image) {
        return ImageNameSubstitutor.instance().apply(DockerImageName.parse(image)).asCanonicalNameString();
    }
}
