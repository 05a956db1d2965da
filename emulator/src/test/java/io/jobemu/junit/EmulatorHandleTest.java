package io.jobemu.junit;

import static io.jobemu.junit.HttpMethod.GET;
import static io.jobemu.junit.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.faults.FaultSpec;
import io.jobemu.core.journal.JournalEntry;
import io.jobemu.jobserver.behaviours.JobBehaviour;
import io.jobemu.testing.TestHttp;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handle's control operations and awaits, against an in-process emulator (manual clock, realistic timing). */
@WithEmulator
class EmulatorHandleTest {

    private static final String UNKNOWN_JOB = "0123456789abcdef0123456789abcdef";

    private EmulatorHandle emulator;
    private FlinkClient flink;

    @BeforeEach
    void connect(EmulatorHandle emulator) {
        this.emulator = emulator;
        this.flink = new FlinkClient(emulator);
    }

    @Test
    void theClockIsReadAdvancedSetAndSwitched() {
        Instant start = emulator.clock().now();

        assertThat(emulator.clock().mode()).isEqualTo(EmulatorClock.Mode.MANUAL);
        assertThat(emulator.clock().advance(Duration.ofMinutes(5))).isEqualTo(start.plusSeconds(300));
        assertThat(emulator.clock().set(start.plusSeconds(3600))).isEqualTo(start.plusSeconds(3600));
        assertThatThrownBy(() -> emulator.clock().set(start))
                .isInstanceOf(EmulatorControlException.class)
                .hasMessageEndingWith("answered 400: the clock only moves forward; " + start + " is in its past");
        emulator.clock().setMode(EmulatorClock.Mode.REAL);
        assertThat(emulator.clock().mode()).isEqualTo(EmulatorClock.Mode.REAL);
    }

    @Test
    void awaitingInAManualClockTimesOutSayingTheClockMustBeAdvanced() {
        String jobId = flink.runJob("com.example.Job");
        Instant now = emulator.clock().now();

        assertThatThrownBy(() -> emulator.flink().awaitJobState(jobId, "RUNNING", Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Timed out after PT0.1S waiting for Flink job " + jobId + " to be RUNNING; last seen: "
                        + "job " + jobId + " is INITIALIZING\nThe emulator clock is MANUAL and stands at " + now
                        + ": nothing that takes emulated time happens until the test advances it "
                        + "(clock().advance(...)), or use flink().advanceUntilJobState(...).");
    }

    @Test
    void awaitingAfterTheClockMovedSucceeds() {
        String jobId = flink.runJob("com.example.Job");
        emulator.clock().advance(Duration.ofSeconds(1));

        emulator.flink().awaitJobState(jobId, "running", Duration.ofSeconds(5));

        assertThat(emulator.flink().jobState(jobId)).isEqualTo("RUNNING");
    }

    @Test
    void advancingUntilAStateMovesTheClockStepByStepOnlyAsFarAsNeeded() {
        String jobId = flink.runJob("com.example.Job");
        Instant start = emulator.clock().now();

        emulator.flink().advanceUntilJobState(jobId, "RUNNING", Duration.ofMillis(50), Duration.ofSeconds(10));

        assertThat(emulator.clock().now()).isEqualTo(start.plusMillis(300)); // INITIALIZING 200 ms, CREATED 100 ms
        assertThat(emulator.flink().jobState(jobId)).isEqualTo("RUNNING");
    }

    @Test
    void advancingUntilAStateGivesUpAtTheLimit() {
        String jobId = flink.runJob("com.example.Job");

        assertThatThrownBy(() -> emulator.flink().advanceUntilJobState(jobId, "RUNNING", Duration.ofMillis(100),
                Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Gave up waiting for Flink job " + jobId + " to be RUNNING after advancing the emulator "
                        + "clock by PT0.2S in steps of PT0.1S; last seen: job " + jobId + " is CREATED "
                        + "(INITIALIZING -> CREATED)");
    }

    @Test
    void awaitingAStateAJobCanNoLongerReachFailsAtOnce() {
        emulator.flink().setEntryClassBehaviour("com.example.Failing", FlinkBehaviour.failsAfter(Duration.ofSeconds(1))
                .withException("java.io.IOException", "disk full"));
        String jobId = flink.runJob("com.example.Failing");
        emulator.clock().advance(Duration.ofSeconds(5));

        assertThatThrownBy(() -> emulator.flink().awaitJobState(jobId, "FINISHED", Duration.ofMinutes(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Gave up waiting for Flink job " + jobId + " to be FINISHED: it can no longer happen; "
                        + "job " + jobId + " is FAILED (INITIALIZING -> CREATED -> RUNNING -> FAILING -> FAILED), "
                        + "a final state");
    }

    @Test
    void awaitingAnUnknownJobOrStateSaysSo() {
        assertThatThrownBy(() -> emulator.flink().awaitJobState(UNKNOWN_JOB, "RUNNING", Duration.ofMillis(20)))
                .hasMessageStartingWith("Timed out after PT0.02S waiting for Flink job " + UNKNOWN_JOB
                        + " to be RUNNING; last seen: job " + UNKNOWN_JOB + " does not exist");
        assertThatThrownBy(() -> emulator.flink().awaitJobState(UNKNOWN_JOB, "RUNING", Duration.ofMillis(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no Flink job state RUNING; one of [INITIALIZING, CREATED, RUNNING,");
    }

    @Test
    void jobsAreForcedAlongFlinksTransitions() {
        String jobId = flink.runJob("com.example.Job");

        assertThat(emulator.flink().forceJobState(jobId, "CANCELED")).isEqualTo("CANCELED");
        assertThat(emulator.flink().jobs()).containsExactly(java.util.Map.entry(jobId, "CANCELED"));
        assertThatThrownBy(() -> emulator.flink().forceJobState(jobId, "RUNNING"))
                .isInstanceOf(EmulatorControlException.class)
                .extracting(e -> ((EmulatorControlException) e).status()).isEqualTo(409);
        assertThatThrownBy(() -> emulator.flink().jobState(UNKNOWN_JOB))
                .hasMessageEndingWith("answered 404: no job " + UNKNOWN_JOB);
    }

    @Test
    void behavioursAreSetPerJarAndRemoved() {
        String jarId = flink.uploadJar("com.example.Job");
        emulator.flink().setJarBehaviour(jarId, FlinkBehaviour.failsInMain());

        assertThat(flink.http().post("/jars/" + jarId + "/run", "{}").status()).isEqualTo(400);

        emulator.flink().removeJarBehaviour(jarId);
        assertThat(flink.http().post("/jars/" + jarId + "/run", "{}").status()).isEqualTo(200);
        assertThatThrownBy(() -> emulator.flink().removeEntryClassBehaviour("com.example.None"))
                .hasMessageEndingWith("answered 404: no behaviour is set for com.example.None");
    }

    @Test
    void aBehaviourCarriesEveryDetail() {
        emulator.flink().setEntryClassBehaviour("com.example.Etl", FlinkBehaviour.finishesAfter(Duration.ofSeconds(30))
                .restarts(2, Duration.ofSeconds(5)).jobName("etl").vertices("Source: Files", "Sink: Table")
                .checkpointEvery(Duration.ofSeconds(10)));

        assertThat(emulator.control("GET", "/flink/behaviours/entry-classes/com.example.Etl", null).toString())
                .isEqualTo("{\"outcome\":\"FINISH\",\"after\":\"PT30S\",\"restarts\":2,\"restartInterval\":\"PT5S\","
                        + "\"jobName\":\"etl\",\"vertices\":[\"Source: Files\",\"Sink: Table\"],"
                        + "\"checkpointInterval\":\"PT10S\"}");
    }

    @Test
    void faultsAreAddedListedRemovedAndCleared() {
        InjectedFault first = emulator.faults().add(Fault.respond(418).api("flink").on(GET, "/jobs")
                .jsonBody("{\"errors\":[\"teapot\"]}").times(2));
        InjectedFault second = emulator.faults().add(Fault.delay(Duration.ofMillis(10)).path("/jars/**")
                .probability(0.5, 42));

        assertThat(flink.http().get("/jobs").body()).isEqualTo("{\"errors\":[\"teapot\"]}");
        assertThat(emulator.faults().list()).extracting(InjectedFault::id, InjectedFault::hits)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), 1),
                        org.assertj.core.groups.Tuple.tuple(second.id(), 0));
        assertThat(second.spec()).isEqualTo(new FaultSpec(null, null, "/jars/**", FaultSpec.Action.DELAY,
                Duration.ofMillis(10), null, null, null, null, 0.5, 42L));
        emulator.faults().remove(first.id());
        assertThat(flink.http().get("/jobs").status()).isEqualTo(200);
        assertThatThrownBy(() -> emulator.faults().remove(first.id())).hasMessageEndingWith("answered 404: no fault "
                + first.id());
        emulator.faults().clear();
        assertThat(emulator.faults().list()).isEmpty();
    }

    @Test
    void aDroppedConnectionReachesTheClientAndTheJournal() {
        InjectedFault drop = emulator.flink().inject(Fault.dropConnection()); // the JDK client retries a GET once

        assertThatThrownBy(() -> flink.http().get("/overview")).isInstanceOf(UncheckedIOException.class);
        assertThat(emulator.flink().requests()).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.status()).isZero();
            assertThat(entry.fault()).isEqualTo(drop.id());
        });
    }

    @Test
    void faultsRefuseImpossibleSettingsAtOnce() {
        assertThatThrownBy(() -> Fault.respond(700)).hasMessage("RESPOND needs a status between 100 and 599");
        assertThatThrownBy(() -> Fault.respond(503).times(0)).hasMessage("times must be at least 1, got 0");
        assertThatThrownBy(() -> Fault.delay(Duration.ZERO))
                .hasMessage("DELAY needs a positive latency such as \"PT2S\"");
    }

    @Test
    void theJournalIsQueriedByApiMethodAndPathGlobAndCleared() {
        flink.http().get("/jobs");
        flink.http().get("/jobs/overview");
        new TestHttp(emulator.jobserverUrl()).get("/jobs");

        assertThat(emulator.journal().find("flink", GET, "/jobs/*")).extracting(JournalEntry::path)
                .containsExactly("/jobs/overview");
        assertThat(emulator.journal().find(null, GET, "/jobs")).extracting(JournalEntry::api)
                .containsExactly("flink", "jobserver");
        assertThat(emulator.journal().entries("jobserver")).hasSize(1);
        emulator.journal().clear();
        assertThat(emulator.journal().entries("flink")).isEmpty();
    }

    @Test
    void awaitingARequestReturnsItOnceItArrives() {
        CompletableFuture<?> client = CompletableFuture.runAsync(() -> flink.http().post("/jars/upload", "{}"));

        JournalEntry upload = emulator.flink().awaitRequest(POST, "/jars/upload", Duration.ofSeconds(10));

        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.status()).isEqualTo(400);
        client.join();
    }

    @Test
    void awaitingARequestThatNeverComesListsWhatDid() {
        flink.http().get("/jobs");

        assertThatThrownBy(() -> emulator.flink().awaitRequest(POST, "/jars/*/run", Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Timed out after PT0.05S waiting for a request matching flink POST /jars/*/run; "
                        + "last seen: flink received 1 request:\n  GET /jobs -> 200");
        assertThatThrownBy(() -> emulator.journal().awaitRequest(null, GET, "/contexts", Duration.ofMillis(50)))
                .hasMessage("Timed out after PT0.05S waiting for a request matching GET /contexts; "
                        + "last seen: the emulated APIs received 1 request:\n  GET /jobs -> 200");
    }

    @Test
    void namespacesAreIsolatedAndDeleted() {
        EmulatorHandle other = emulator.inNamespace("other-team");
        new FlinkClient(other).uploadJar("com.example.Job");

        assertThat(other.flinkUrl()).isEqualTo(emulator.flinkUrl() + "/_ns/other-team");
        assertThat(flink.http().get("/jars").json().path("files")).isEmpty();
        assertThat(emulator.namespaces()).containsExactly("default", "other-team");
        other.deleteNamespace();
        assertThat(emulator.namespaces()).containsExactly("default");
    }

    @Test
    void leaksThatCannotBeCheckedAreReportedAsUnchecked() {
        String jobId = flink.runJob("com.example.Job");
        new TestHttp(emulator.jobserverUrl()).post("/contexts/analytics", null);
        assertThat(emulator.leaks().describe()).isEqualTo("1 Flink job left in a non-terminal state: " + jobId
                + " (INITIALIZING); 1 jobserver context never deleted: analytics");

        emulator.flink().inject(Fault.respond(503).on(GET, "/jobs"));

        LeakReport report = emulator.leaks();
        assertThat(report.flinkJobs()).isEmpty();
        assertThat(report.unchecked()).singleElement().asString().startsWith("Flink jobs (GET " + emulator.flinkUrl()
                + "/jobs answered 503");
    }

    @Test
    void jobserverBehavioursAndContextStatesAreControlled() {
        emulator.jobserver().setBehaviour("com.example.Spark", new JobBehaviour(JobBehaviour.Outcome.RUN, null, null,
                null, null));
        new TestHttp(emulator.jobserverUrl()).post("/contexts/analytics", null);

        assertThat(emulator.jobserver().activeContexts()).containsExactly("analytics");
        assertThat(emulator.jobserver().contextState("analytics")).isEqualTo("RUNNING");
        assertThat(emulator.jobserver().forceContextState("analytics", "killed")).isEqualTo("KILLED");
        emulator.jobserver().awaitContextState("analytics", "KILLED", Duration.ofSeconds(1));
        assertThat(emulator.control("GET", "/jobserver/behaviours", null).path("mainClasses").has("com.example.Spark"))
                .isTrue();
        emulator.jobserver().removeBehaviour("com.example.Spark");
        assertThatThrownBy(() -> emulator.jobserver().jobState("nope"))
                .hasMessageEndingWith("answered 404: no job nope");
    }

    @Test
    void streamkapDeployFailuresAreQueuedAndCleared() {
        emulator.streamkap().queueDeployFailure("orders", "quota exceeded", 429);

        assertThat(emulator.control("GET", "/streamkap/deploy-failures", null).toString())
                .isEqualTo("{\"failures\":[{\"name\":\"orders\",\"message\":\"quota exceeded\",\"status\":429}]}");
        emulator.streamkap().clearDeployFailures();
        assertThat(emulator.control("GET", "/streamkap/deploy-failures", null).path("failures")).isEmpty();
    }

    @Test
    void aHandleWithoutAnApisUrlSaysSo() {
        EmulatorHandle flinkOnly = EmulatorHandle.connect(emulator.flinkUrl() + "/", null, null);

        assertThat(flinkOnly.isHealthy()).isTrue();
        assertThat(flinkOnly.flinkUrl()).isEqualTo(emulator.flinkUrl());
        assertThatThrownBy(flinkOnly::jobserverUrl).hasMessage("the jobserver API's URL was not given to this handle");
        assertThat(flinkOnly.leaks().unchecked()).containsExactly("jobserver contexts (no URL given)");
    }
}
