package io.jobemu.junit;

import static io.jobemu.junit.EmulatorAssertions.assertThat;
import static io.jobemu.junit.HttpMethod.DELETE;
import static io.jobemu.junit.HttpMethod.GET;
import static io.jobemu.junit.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithEmulator
class JournalAssertionsTest {

    private EmulatorHandle emulator;
    private TestHttp flink;

    @BeforeEach
    void sendSomeRequests(EmulatorHandle emulator) {
        this.emulator = emulator;
        this.flink = new TestHttp(emulator.flinkUrl());
        flink.get("/jobs?x=1");
        flink.get("/jobs/overview");
        flink.delete("/jars/nope.jar");
    }

    @Test
    void countsMatchingRequestsByMethodAndPathGlob() {
        assertThat(emulator.flink())
                .received(GET, "/jobs").once()
                .received(GET, "/jobs/*").once()
                .received(GET, "/**").twice()
                .received(DELETE, "/jars/*").times(1)
                .received(POST, "/jars/upload").never()
                .received(GET, "/jobs**").atLeast(2)
                .received(GET, "/jobs**").atMost(2);
        assertThat(emulator.jobserver()).receivedNothing();
    }

    @Test
    void aWrongCountListsWhatTheApiReceived() {
        assertThatThrownBy(() -> assertThat(emulator.flink()).received(POST, "/jars/upload").once())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expected flink to have received POST /jars/upload exactly once, but it was received 0 times.
                        flink received 3 requests:
                          GET /jobs?x=1 -> 200
                          GET /jobs/overview -> 200
                          DELETE /jars/nope.jar -> 400""");
    }

    @Test
    void everyCountNamesItsExpectation() {
        assertThatThrownBy(() -> assertThat(emulator.flink()).received(GET, "/**").never())
                .hasMessageStartingWith("Expected flink to have received GET /** never, but it was received twice.");
        assertThatThrownBy(() -> assertThat(emulator.flink()).received(GET, "/**").times(3))
                .hasMessageStartingWith("Expected flink to have received GET /** exactly 3 times, but it was "
                        + "received twice.");
        assertThatThrownBy(() -> assertThat(emulator.flink()).received(GET, "/**").atLeast(3))
                .hasMessageStartingWith("Expected flink to have received GET /** at least 3 times, but");
        assertThatThrownBy(() -> assertThat(emulator.flink()).received(GET, "/**").atMost(1))
                .hasMessageStartingWith("Expected flink to have received GET /** at most once, but it was "
                        + "received twice.");
    }

    @Test
    void injectedFaultsAndOtherApisShowInTheListing() {
        emulator.jobserver().inject(Fault.respond(503).once());
        new TestHttp(emulator.jobserverUrl()).get("/contexts");

        assertThatThrownBy(() -> assertThat(emulator.jobserver()).receivedNothing())
                .hasMessage("""
                        Expected jobserver to have received no requests, but jobserver received 1 request:
                          GET /contexts -> 503 (injected fault-1)""");
    }

    @Test
    void controlRequestsAreNotCountedAgainstTheApi() {
        emulator.clock().now();
        emulator.faults().list();

        assertThat(emulator.streamkap()).receivedNothing();
    }
}
