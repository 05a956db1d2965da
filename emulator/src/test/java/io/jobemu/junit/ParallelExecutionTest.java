package io.jobemu.junit;

import static io.jobemu.junit.EmulatorAssertions.assertThat;
import static io.jobemu.junit.HttpMethod.GET;
import static io.jobemu.junit.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.junit.Scenarios.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;

/** Concurrent tests on one shared server each get a namespace of their own, and see nothing of the others. */
class ParallelExecutionTest {

    private static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    private static final int REPETITIONS = 8;

    @Scenario
    @WithEmulator
    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentTests {
        static final Set<String> NAMESPACES = ConcurrentHashMap.newKeySet();
        static final CountDownLatch TWO_IN_FLIGHT = new CountDownLatch(2);
        static final AtomicBoolean OVERLAPPED = new AtomicBoolean();
        static List<String> namespacesLeft;

        @RepeatedTest(REPETITIONS)
        void eachTestSeesOnlyItsOwnJobsRequestsFaultsAndClock(EmulatorHandle emulator) throws Exception {
            NAMESPACES.add(emulator.namespace());
            TWO_IN_FLIGHT.countDown();
            OVERLAPPED.compareAndSet(false, TWO_IN_FLIGHT.await(10, TimeUnit.SECONDS));
            FlinkClient client = new FlinkClient(emulator);
            Instant start = emulator.clock().now();

            String jobId = client.runJob("com.example.Job");
            emulator.clock().advance(Duration.ofSeconds(1));
            emulator.flink().awaitJobState(jobId, "RUNNING", Duration.ofSeconds(5));
            emulator.flink().inject(Fault.respond(503).on(GET, "/jobs/*/status").once());

            assertThat(client.status(jobId)).isEqualTo(503);
            assertThat(client.status(jobId)).isEqualTo(200);
            assertThat(emulator.flink().jobs()).containsOnlyKeys(jobId);
            assertThat(emulator.faults().list()).singleElement().extracting(InjectedFault::hits).isEqualTo(1);
            assertThat(emulator.clock().now()).isEqualTo(start.plusSeconds(1));
            assertThat(emulator.flink()).received(POST, "/jars/upload").once()
                    .received(GET, "/jobs/*/status").twice();
            client.cancel(jobId);
        }

        @Test
        void plainClientsOfTheNamespacedUrlNeedNoHeader(EmulatorHandle emulator) {
            NAMESPACES.add(emulator.namespace());
            assertThat(emulator.flinkUrl()).endsWith("/_ns/" + emulator.namespace());
            assertThat(emulator.jobserverUrl()).endsWith("/_ns/" + emulator.namespace());
            assertThat(new FlinkClient(emulator).http().get("/jobs").json().path("jobs")).isEmpty();
        }

        @AfterAll
        static void recordTheNamespacesLeft(EmulatorHandle server) {
            namespacesLeft = server.namespaces();
        }
    }

    @Test
    void concurrentTestsOnASharedServerDoNotSeeEachOther() {
        Scenarios.Results results = Scenarios.run(ConcurrentTests.class, PARALLEL);

        assertThat(results.tests()).hasSize(REPETITIONS + 1).extracting(TestExecutionResult::getStatus)
                .containsOnly(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(results.of("ConcurrentTests").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(ConcurrentTests.OVERLAPPED).isTrue();
        assertThat(ConcurrentTests.NAMESPACES).hasSize(REPETITIONS + 1).doesNotContain("default");
        assertThat(ConcurrentTests.namespacesLeft).containsExactly("default");
    }
}
