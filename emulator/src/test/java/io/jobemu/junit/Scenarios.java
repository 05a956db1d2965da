package io.jobemu.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs test classes that use the extension inside a separate JUnit launch, so a test can check what the extension
 * did to them: failures it caused, report entries, behaviour under parallel execution.
 */
final class Scenarios {

    private static final String LAUNCHED = "jobemu.scenario";

    /** Marks a class that only runs when {@link #run} launches it, never on its own in the build. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(OnlyWhenLaunched.class)
    @interface Scenario {
    }

    static final class OnlyWhenLaunched implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(LAUNCHED).isPresent()
                    ? ConditionEvaluationResult.enabled("launched by Scenarios.run")
                    : ConditionEvaluationResult.disabled("a scenario: Scenarios.run launches it");
        }
    }

    /**
     * What happened: each test's (by method name) and each class's (by simple name) result, every test's result
     * (repetitions included), and the report entries published.
     */
    record Results(Map<String, TestExecutionResult> outcomes, List<TestExecutionResult> tests,
                   List<String> reportEntries) {
        TestExecutionResult of(String name) {
            TestExecutionResult result = outcomes.get(name);
            if (result == null) {
                throw new AssertionError("no result for " + name + " in " + outcomes.keySet());
            }
            return result;
        }

        String failure(String name) {
            return of(name).getThrowable().map(Throwable::getMessage)
                    .orElseThrow(() -> new AssertionError(name + " did not fail: " + of(name)));
        }
    }

    private Scenarios() {
    }

    /** Launches {@code scenario} with these JUnit configuration parameters. */
    static Results run(Class<?> scenario, Map<String, String> configuration) {
        Map<String, TestExecutionResult> outcomes = new ConcurrentHashMap<>();
        List<TestExecutionResult> tests = new CopyOnWriteArrayList<>();
        List<String> entries = new CopyOnWriteArrayList<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    tests.add(result);
                }
                test.getSource().ifPresent(source -> {
                    if (source instanceof MethodSource method) {
                        outcomes.put(method.getMethodName(), result);
                    } else if (source instanceof ClassSource type) {
                        outcomes.put(type.getJavaClass().getSimpleName(), result);
                    }
                });
            }

            @Override
            public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
                entry.getKeyValuePairs().forEach((key, value) -> entries.add(key + "=" + value));
            }
        };
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(scenario))
                .configurationParameter(LAUNCHED, "true")
                .configurationParameters(configuration)
                .build(), listener);
        return new Results(outcomes, tests, entries);
    }

    static Results run(Class<?> scenario) {
        return run(scenario, Map.of());
    }
}
