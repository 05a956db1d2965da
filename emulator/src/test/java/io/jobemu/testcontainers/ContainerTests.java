package io.jobemu.testcontainers;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Container tests need a Docker engine and a locally built image, so they run only when asked for with
 * {@code -Djobemu.containerTests=true} (.ci/run does, after building the image). Otherwise they are skipped with a
 * message on the console; once asked for, a missing engine or image fails them rather than skipping.
 */
final class ContainerTests {

    static final String SWITCH = "jobemu.containerTests";
    private static final AtomicBoolean SKIP_ANNOUNCED = new AtomicBoolean();

    private ContainerTests() {
    }

    /** Call before each test, so every skipped test counts as skipped. */
    static void requireDocker() {
        if (!Boolean.getBoolean(SWITCH)) {
            String reason = "container tests SKIPPED: they need a Docker engine and the image (build it with"
                    + " docker/build-local-image.sh), then -D" + SWITCH + "=true; .ci/run does all three";
            if (!SKIP_ANNOUNCED.getAndSet(true)) {
                System.out.println("[jobemu] " + reason);
            }
            Assumptions.abort(reason);
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            fail("-D" + SWITCH + "=true but no Docker engine is reachable. Start dockerd; where no image registry"
                    + " is reachable also set TESTCONTAINERS_RYUK_DISABLED=true and TESTCONTAINERS_HOST_OVERRIDE=localhost");
        }
    }
}
