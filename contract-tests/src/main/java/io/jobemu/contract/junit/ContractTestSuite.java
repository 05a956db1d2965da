package io.jobemu.contract.junit;

import io.jobemu.contract.ContractOptions;
import io.jobemu.contract.ContractRun;
import io.jobemu.contract.report.Failure;
import io.jobemu.contract.report.OperationResult;
import io.jobemu.contract.report.Report;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The JUnit 5 entry for a user's own build: extend it, say which server to check, and every operation of the spec
 * becomes a test (failed, passed, or skipped when the run did not exercise it).
 *
 * <pre>{@code
 * class StagingFlinkContractTest extends ContractTestSuite {
 *     protected ContractOptions contractOptions() {
 *         return ContractOptions.builder(Api.FLINK, "https://flink.staging.example.com").build();
 *     }
 * }
 * }</pre>
 * or return {@link ContractOptions#fromSystemProperties()} and pass {@code -Dcontract.api=flink
 * -Dcontract.baseUrl=...} to the build.
 */
public abstract class ContractTestSuite {

    /** Which API and server to check, and how. */
    protected abstract ContractOptions contractOptions();

    @TestFactory
    Stream<DynamicTest> contract() throws InterruptedException {
        return dynamicTests(ContractRun.run(contractOptions()).report());
    }

    /** One test per operation, plus one for failures that belong to no operation. */
    public static Stream<DynamicTest> dynamicTests(Report report) {
        Stream<DynamicTest> operations = report.results().stream().map(result -> DynamicTest.dynamicTest(
                result.operation().id() + " " + result.operation().method() + " " + result.operation().path(),
                () -> verdict(result)));
        if (report.generalFailures().isEmpty()) {
            return operations;
        }
        return Stream.concat(operations, Stream.of(DynamicTest.dynamicTest("contract run",
                () -> Assertions.fail(describe(report.generalFailures())))));
    }

    private static void verdict(OperationResult result) {
        switch (result.outcome()) {
            case FAILED -> Assertions.fail(describe(result.failures()));
            case NOT_EXERCISED -> Assumptions.abort("not exercised: " + result.notExercisedReason());
            case PASSED -> {
            }
        }
    }

    private static String describe(List<Failure> failures) {
        return failures.stream().map(failure -> failure.step() + ": " + failure.kind() + " " + failure.message()
                        + (failure.pointer().isEmpty() ? "" : " at " + failure.pointer())
                        + "; expected " + failure.expected() + ", got " + failure.actual()
                        + (failure.curl() == null ? "" : "\n  " + failure.curl()))
                .collect(Collectors.joining("\n"));
    }
}
