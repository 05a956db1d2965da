package io.jobemu.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.contract.report.Failure;
import io.jobemu.contract.report.OperationResult;
import io.jobemu.contract.report.Outcome;
import io.jobemu.contract.report.Report;
import io.jobemu.contract.support.BreakingProxy;
import io.jobemu.contract.support.BreakingProxy.Break;
import io.jobemu.contract.support.Emulators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checker must catch a broken server. A proxy in front of the emulator breaks five answers in five different
 * ways; the run must report each break against the operation that answered, with the right kind of failure and
 * pointer, and nothing else. Through the same proxy without breaks, nothing fails.
 */
class BrokenServerTest {

    private static final String JOB = "/jobs/[0-9a-f]{32}";
    private static final List<Break> BREAKS = List.of(
            // a required field missing
            Break.of("GET", "/overview", answer -> answer.withBody(answer.text()
                    .replaceFirst("\"taskmanagers\":\\d+,", ""))),
            // a wrong type
            Break.of("GET", "/config", answer -> answer.withBody(answer.text()
                    .replaceFirst("\"refresh-interval\":(\\d+)", "\"refresh-interval\":\"$1\""))),
            // an undeclared status code
            Break.of("GET", JOB + "/plan", answer -> answer.withStatus(418)),
            // a wrong error shape: unknown jobs answer {"error": ...} instead of {"errors": [...]}
            Break.of("GET", "/jobs/0{32}", answer -> answer.status() == 404
                    ? answer.withBody("{\"error\":\"no such job\"}") : answer),
            // a wrong content type
            Break.of("GET", "/taskmanagers", answer -> answer.withHeader("content-type", "text/plain")));

    private static Emulator emulator;
    private static Report broken;

    @BeforeAll
    static void checkTheBrokenCopy() throws Exception {
        emulator = Emulators.instant();
        try (BreakingProxy proxy = BreakingProxy.in(emulator.flinkUrl(), BREAKS.toArray(Break[]::new))) {
            broken = ContractRun.run(options(proxy.url())).report();
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static ContractOptions options(String baseUrl) {
        return ContractOptions.builder(Api.FLINK, baseUrl).allowWrites(true).build();
    }

    @Test
    void eachBreakIsReportedAgainstTheOperationThatAnswered() {
        assertThat(failures("getClusterOverview")).allSatisfy(failure -> {
            assertThat(failure.kind()).isEqualTo("SCHEMA");
            assertThat(failure.pointer()).isEqualTo("/taskmanagers");
            assertThat(failure.actual()).isEqualTo("missing");
            assertThat(failure.curl()).contains("/overview");
        });
        assertThat(failures("getDashboardConfig")).allSatisfy(failure -> {
            assertThat(failure.kind()).isEqualTo("SCHEMA");
            assertThat(failure.pointer()).isEqualTo("/refresh-interval");
            assertThat(failure.expected()).isEqualTo("type \"integer\"");
            assertThat(failure.actual()).isEqualTo("\"3000\"");
        });
        assertThat(failures("getJobPlan")).allSatisfy(failure -> {
            assertThat(failure.kind()).isEqualTo("STATUS");
            assertThat(failure.actual()).isEqualTo("418");
            assertThat(failure.expected()).contains("200", "404");
        });
        assertThat(failures("getJobDetails")).allSatisfy(failure -> {
            assertThat(failure.step()).isEqualTo("getJobDetails [unknown jobid]");
            assertThat(failure.kind()).isEqualTo("SCHEMA");
            assertThat(failure.pointer()).isEqualTo("/errors");
            assertThat(failure.expected()).contains("required");
        });
        assertThat(failures("listTaskManagers")).allSatisfy(failure -> {
            assertThat(failure.kind()).isEqualTo("CONTENT_TYPE");
            assertThat(failure.actual()).isEqualTo("text/plain");
            assertThat(failure.expected()).isEqualTo("application/json");
        });
    }

    @Test
    void nothingElseFails() {
        Map<String, List<String>> failed = broken.results().stream()
                .filter(result -> result.outcome() == Outcome.FAILED)
                .collect(Collectors.toMap(result -> result.operation().id(),
                        result -> result.failures().stream().map(Failure::step).toList()));
        assertThat(failed).containsOnlyKeys("getClusterOverview", "getDashboardConfig", "getJobPlan",
                "getJobDetails", "listTaskManagers");
        assertThat(broken.generalFailures()).isEmpty();
    }

    @Test
    void aCorrectServerBehindTheSameProxyYieldsNoFailure() throws Exception {
        try (BreakingProxy proxy = BreakingProxy.in(emulator.flinkUrl())) {
            Report report = ContractRun.run(options(proxy.url())).report();
            assertThat(report.results()).filteredOn(result -> result.outcome() == Outcome.FAILED)
                    .extracting(OperationResult::failures).isEmpty();
            assertThat(report.hasFailures()).isFalse();
        }
    }

    @Test
    void theCommandLineExitsWithOneAndNamesTheBreak() throws Exception {
        try (BreakingProxy proxy = BreakingProxy.in(emulator.flinkUrl(), BREAKS.get(0))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = Main.run(new String[] {"--api", "flink", "--base-url", proxy.url(), "--allow-writes"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).isEqualTo(1);
            assertThat(printed).contains("FAILED getClusterOverview (GET /overview)", "at:       /taskmanagers",
                    "expected: required property \"taskmanagers\"", "1 failed");
            assertThat(printed.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
            assertThat(printed.lines().map(BrokenServerTest::withoutTime).toList())
                    .as("README's example of the console report")
                    .containsAll(readmeExample().lines().map(BrokenServerTest::withoutTime).toList());
        }
    }

    private static String withoutTime(String line) {
        return line.replaceFirst(" in [0-9.]+ s$", "");
    }

    /** The console example in contract-tests/README.md, which this run must print. */
    private static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher example = Pattern.compile("(?s)checks that its output holds every line below but the time:\\n\\n```\\n"
                + "(.*?)```").matcher(readme);
        assertThat(example.find()).as("the example in README.md").isTrue();
        return example.group(1);
    }

    /** The failures reported against an operation: there must be some. */
    private static List<Failure> failures(String operationId) {
        List<Failure> failures = broken.result(operationId).failures();
        assertThat(failures).as("failures of %s", operationId).isNotEmpty();
        return failures;
    }
}
