package io.jobemu.contract.realflink;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.contract.Api;
import io.jobemu.contract.ContractOptions;
import io.jobemu.contract.ContractRun;
import io.jobemu.contract.parity.AllowList;
import io.jobemu.contract.parity.Difference;
import io.jobemu.contract.parity.ParityCheck;
import io.jobemu.contract.report.ConsoleReport;
import io.jobemu.contract.report.Outcome;
import io.jobemu.contract.report.Report;
import io.jobemu.contract.support.Emulators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The specs and the checker describe the real server: the Flink flow passes against a real Flink 2.3.0 JobManager
 * started here from Maven Central. Then the parity run: the same flow against the emulator, compared step by step
 * with the real run (status, JSON key paths and value types, first error lines); every difference fails unless
 * {@link FlinkParityAllowList} explains it. One real cluster serves the whole class.
 */
@Tag("real-flink")
class RealFlinkContractTest {

    private static final Path REPORTS = Path.of("target", "contract-reports");

    private static ContractRun.Outcome real;
    private static ContractRun.Outcome emulated;

    @BeforeAll
    static void runTheFlowAgainstBoth() throws Exception {
        try (RealFlinkCluster flink = RealFlinkCluster.start()) {
            real = ContractRun.run(options(flink.baseUrl(), "real-flink"));
        }
        try (Emulator emulator = Emulators.realistic()) {
            emulated = ContractRun.run(options(emulator.flinkUrl(), "parity-emulator"));
        }
        ConsoleReport.print(real.report(), System.out);
    }

    @AfterAll
    static void forget() {
        real = null;
        emulated = null;
    }

    private static ContractOptions options(String baseUrl, String reportDir) {
        return ContractOptions.builder(Api.FLINK, baseUrl).allowWrites(true).reportDir(REPORTS.resolve(reportDir))
                .build();
    }

    @Test
    void theRealServerPassesEveryCheck() {
        Report report = real.report();
        assertThat(report.generalFailures()).isEmpty();
        assertThat(report.results()).filteredOn(result -> result.outcome() == Outcome.FAILED)
                .extracting(result -> result.operation().id() + " " + result.failures()).isEmpty();
    }

    @Test
    void everyOperationButShutdownIsExercisedOnTheRealServer() {
        assertThat(real.report().results()).filteredOn(result -> result.outcome() == Outcome.NOT_EXERCISED)
                .extracting(result -> result.operation().id()).containsExactly("shutdownCluster");
    }

    @Test
    void theEmulatorPassesTheSameFlow() {
        assertThat(emulated.report().hasFailures()).as("emulator run has failures").isFalse();
    }

    @Test
    void theEmulatorAnswersLikeTheRealServer() {
        AllowList allowList = FlinkParityAllowList.ENTRIES;
        List<Difference> differences = ParityCheck.compare(real.transcript(), emulated.transcript());
        differences.forEach(difference -> System.out.println("parity: " + difference + allowList.allowing(difference)
                .map(entry -> "  [allowed: " + entry.name() + "]").orElse("  [NOT ALLOWED]")));
        System.out.printf("parity: %d steps compared, %d differences, %d not explained%n", stepsCompared(),
                differences.size(), allowList.unexplained(differences).size());
        assertThat(allowList.unexplained(differences)).isEmpty();
    }

    @Test
    void theParityRunComparedTheWholeFlow() {
        assertThat(stepsCompared()).isGreaterThan(250);
    }

    /** The figure the READMEs (and LIMITATIONS.md, which the root README mirrors) give is this run's. */
    @Test
    void theDocumentsStateTheNumberOfStepsThisRunCompares() throws IOException {
        for (Path document : List.of(Path.of("..", "README.md"), Path.of("README.md"),
                Path.of("..", "emulator", "src", "main", "java", "io", "jobemu", "flink", "LIMITATIONS.md"))) {
            Matcher figure = Pattern.compile("compares (\\d+) steps").matcher(Files.readString(document));
            assertThat(figure.find()).as(document + " says how many steps the parity run compares").isTrue();
            assertThat(Long.parseLong(figure.group(1))).as(document.toString()).isEqualTo(stepsCompared());
        }
    }

    private static long stepsCompared() {
        return real.transcript().entries().stream().map(entry -> entry.label()).distinct().count();
    }
}
