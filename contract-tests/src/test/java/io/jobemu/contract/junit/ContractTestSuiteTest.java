package io.jobemu.contract.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.contract.report.Failure;
import io.jobemu.contract.report.Report;
import io.jobemu.contract.spec.OpenApiSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ContractTestSuiteTest {

    @Test
    void eachOperationBecomesATestThatFailsPassesOrIsSkipped() {
        Report report = new Report("mini", "http://x", "mini-spec.yaml", true,
                OpenApiSpec.fromClasspath("mini-spec.yaml").operations());
        report.checked("getThing", List.of(new Failure("getThing", "STATUS", "", "one of [200]", "500",
                "status 500 is not declared", "curl x")));
        report.generalFailure(new Failure("cleanup", "FLOW", "", "delete it", "500", "could not delete", null));

        Map<String, DynamicTest> tests = ContractTestSuite.dynamicTests(report)
                .collect(Collectors.toMap(DynamicTest::getDisplayName, Function.identity()));

        assertThat(tests).containsOnlyKeys("getThing GET /things/{id}", "deleteThing DELETE /things/{id}",
                "contract run");
        assertThatThrownBy(() -> tests.get("getThing GET /things/{id}").getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("status 500 is not declared")
                .hasMessageContaining("curl x");
        assertThatThrownBy(() -> tests.get("deleteThing DELETE /things/{id}").getExecutable().execute())
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("not exercised");
        assertThatThrownBy(() -> tests.get("contract run").getExecutable().execute())
                .hasMessageContaining("could not delete");
    }

    @Test
    void aPassedOperationIsAPassingTest() {
        Report report = new Report("mini", "http://x", "mini-spec.yaml", true,
                OpenApiSpec.fromClasspath("mini-spec.yaml").operations());
        report.passed("getThing");
        DynamicTest test = ContractTestSuite.dynamicTests(report).findFirst().orElseThrow();
        assertThatCode(() -> test.getExecutable().execute()).doesNotThrowAnyException();
    }
}
