package io.jobemu.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.contract.report.ConsoleReport;
import io.jobemu.contract.report.OperationResult;
import io.jobemu.contract.report.Outcome;
import io.jobemu.contract.report.Report;
import io.jobemu.contract.support.Emulators;
import io.jobemu.streamkap.StreamkapCredentials;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This project's own contract run: every API of the emulator, every operation of its spec, no failure. The reports
 * land in target/contract-reports/emulator.
 */
class EmulatorContractTest {

    private static final Path REPORTS = Path.of("target", "contract-reports", "emulator");

    private static Emulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulators.realistic();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void flinkPassesAndEveryOperationIsExercised() throws Exception {
        Report report = run(ContractOptions.builder(Api.FLINK, emulator.flinkUrl()).allowShutdown(true));
        assertPassedCompletely(report);
    }

    @Test
    void jobserverPassesAndEveryOperationIsExercised() throws Exception {
        Report report = run(ContractOptions.builder(Api.JOBSERVER, emulator.jobserverUrl()).allowShutdown(true));
        assertPassedCompletely(report);
    }

    @Test
    void streamkapPassesAndEveryOperationIsExercised() throws Exception {
        StreamkapCredentials credentials = emulator.config().streamkapCredentials();
        Report report = run(ContractOptions.builder(Api.STREAMKAP, emulator.streamkapUrl())
                .clientCredentials(credentials.clientId(), credentials.secret()));
        assertPassedCompletely(report);
    }

    private static Report run(ContractOptions.Builder options) throws InterruptedException {
        Report report = ContractRun.run(options.reportDir(REPORTS).build()).report();
        ConsoleReport.print(report, System.out);
        return report;
    }

    static void assertPassedCompletely(Report report) {
        assertThat(report.generalFailures()).isEmpty();
        assertThat(report.results()).filteredOn(result -> result.outcome() != Outcome.PASSED)
                .extracting(result -> result.operation().id() + ": " + result.outcome() + " "
                        + (result.outcome() == Outcome.FAILED ? result.failures() : result.notExercisedReason()))
                .isEmpty();
        assertThat(report.results()).extracting(OperationResult::checks).allMatch(checks -> checks > 0);
    }
}
