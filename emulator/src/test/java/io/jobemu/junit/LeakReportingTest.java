package io.jobemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.flink.TimingProfile;
import io.jobemu.junit.Scenarios.Scenario;
import io.jobemu.testing.TestHttp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.TestExecutionResult;

/** What a test leaves behind is reported after it: failing it, or logging, as configured. */
class LeakReportingTest {

    private static final List<String> JOBS = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetJobs() {
        JOBS.clear();
    }

    @Scenario
    @WithEmulator(leaks = LeakPolicy.FAIL, timing = TimingProfile.INSTANT)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeaksFail {
        @Test
        @Order(1)
        void leavesAJobRunning(EmulatorHandle emulator) {
            JOBS.add(new FlinkClient(emulator).runJob("com.example.Job"));
        }

        @Test
        @Order(2)
        void leavesAContextUp(EmulatorHandle emulator) {
            assertThat(new TestHttp(emulator.jobserverUrl()).post("/contexts/reports", null).status()).isEqualTo(200);
        }

        @Test
        @Order(3)
        void cleansUpAfterItself(EmulatorHandle emulator) {
            FlinkClient flink = new FlinkClient(emulator);
            flink.cancel(flink.runJob("com.example.Job"));
            TestHttp jobserver = new TestHttp(emulator.jobserverUrl());
            jobserver.post("/contexts/reports", null);
            assertThat(jobserver.delete("/contexts/reports").status()).isEqualTo(200);
        }

        @Test
        @Order(4)
        void startsCleanAfterALeak(EmulatorHandle emulator) {
            assertThat(emulator.flink().jobs()).isEmpty();
            assertThat(emulator.jobserver().activeContexts()).isEmpty();
        }
    }

    @Test
    void leaksFailTheTestThatLeftThemAndTheNextTestStillStartsClean() {
        Scenarios.Results results = Scenarios.run(LeaksFail.class);

        assertThat(results.failure("leavesAJobRunning")).isEqualTo("leavesAJobRunning(EmulatorHandle) left "
                + "resources in the emulator: 1 Flink job left in a non-terminal state: " + JOBS.get(0)
                + " (RUNNING). Cancel jobs and delete contexts in the test, or report leaks with LeakPolicy.LOG.");
        assertThat(results.failure("leavesAContextUp")).contains("1 jobserver context never deleted: reports.");
        assertThat(results.of("cleansUpAfterItself").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(results.of("startsCleanAfterALeak").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }

    @Scenario
    @WithEmulator(leaks = LeakPolicy.LOG, timing = TimingProfile.INSTANT)
    static class LeaksLogged {
        @Test
        void leavesAJobRunning(EmulatorHandle emulator) {
            JOBS.add(new FlinkClient(emulator).runJob("com.example.Job"));
        }
    }

    @Test
    void loggedLeaksLetTheTestPassAndArePublishedAsAReportEntry() {
        Scenarios.Results results = Scenarios.run(LeaksLogged.class);

        assertThat(results.of("leavesAJobRunning").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(results.reportEntries()).containsExactly(
                "jobemu.leaks=1 Flink job left in a non-terminal state: " + JOBS.get(0) + " (RUNNING)");
    }

    @Scenario
    @WithEmulator(timing = TimingProfile.INSTANT)
    static class LeaksIgnored {
        @Test
        void leavesAJobRunning(EmulatorHandle emulator) {
            new FlinkClient(emulator).runJob("com.example.Job");
        }
    }

    @Test
    void byDefaultLeaksAreNotChecked() {
        Scenarios.Results results = Scenarios.run(LeaksIgnored.class);

        assertThat(results.of("leavesAJobRunning").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(results.reportEntries()).isEmpty();
    }
}
