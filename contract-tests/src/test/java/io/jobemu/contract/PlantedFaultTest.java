package io.jobemu.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.contract.report.Failure;
import io.jobemu.contract.report.OperationResult;
import io.jobemu.contract.report.Outcome;
import io.jobemu.contract.report.Report;
import io.jobemu.contract.support.BreakingProxy;
import io.jobemu.contract.support.BreakingProxy.Answer;
import io.jobemu.contract.support.BreakingProxy.Break;
import io.jobemu.contract.support.Emulators;
import io.jobemu.streamkap.StreamkapCredentials;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker's power, measured: each case plants one fault in a correct server (the emulator behind a proxy that
 * alters one kind of answer) and the run must fail, with the fault reported against the operation that answered.
 * The faults are the kinds a checker misses when it reads lists only while they are empty, accepts any 4xx on an
 * error path, or never sends a request that fails synchronously. Through the same proxy without a fault, every API
 * passes: a case cannot succeed merely because the proxy disturbs something.
 */
class PlantedFaultTest {

    private static final String JOB = "[0-9a-f]{32}";
    private static final String UNKNOWN_JOB = "/jobs/0{32}";

    /** The fault shows before the first check: the run stops, saying the server is not what it should be. */
    private static final String PREFLIGHT = "preflight";

    private static Emulator emulator;

    /** One fault: in which API's answers, what it changes, and which operation (or the preflight) must fail. */
    record Fault(String name, Api api, Break change, String caughtBy) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fault> faults() {
        return Stream.of(
                // lists read while they hold jobs
                new Fault("flink: a job state in the wrong case in GET /jobs", Api.FLINK,
                        body("GET", "/jobs", text -> text.replace("\"status\":\"RUNNING\"", "\"status\":\"running\"")),
                        "listJobs"),
                new Fault("flink: a malformed job id in GET /jobs/overview", Api.FLINK,
                        body("GET", "/jobs/overview", text -> text.replaceFirst("\"jid\":\"(" + JOB + ")\"",
                                "\"jid\":\"job-$1\"")), "getJobsOverview"),
                new Fault("flink: a finished job counted as a string in GET /overview", Api.FLINK,
                        body("GET", "/overview", text -> text.replaceFirst("\"jobs-finished\":(\\d+)",
                                "\"jobs-finished\":\"$1\"")), "getClusterOverview"),
                new Fault("flink: a listed jar without its id", Api.FLINK,
                        body("GET", "/jars", text -> text.replaceFirst("\\{\"id\":\"[^\"]+\",", "{")), "listJars"),
                new Fault("flink: GET /jobs/overview lists no job", Api.FLINK,
                        body("GET", "/jobs/overview", text -> "{\"jobs\":[]}"), "getJobsOverview"),
                new Fault("flink: GET /overview counts no running job", Api.FLINK,
                        body("GET", "/overview", text -> text.replaceFirst("\"jobs-running\":\\d+",
                                "\"jobs-running\":0")), "getClusterOverview"),
                // error paths: the right status, not just any error
                new Fault("flink: an unknown job answered 400 instead of 404", Api.FLINK,
                        status("GET", UNKNOWN_JOB, 404, 400), "getJobDetails"),
                new Fault("flink: a malformed job id answered 404 instead of 400", Api.FLINK,
                        status("GET", "/jobs/not-an-id/exceptions", 400, 404), "getJobExceptions"),
                new Fault("flink: cancelling a finished job answered 400 instead of 409", Api.FLINK,
                        status("PATCH", "/jobs/" + JOB, 409, 400), "cancelJob"),
                new Fault("flink: a file that is not a jar answered 500", Api.FLINK,
                        status("POST", "/jars/upload", 400, 500), "uploadJar"),
                // jobserver
                new Fault("jobserver: a job state in the wrong case in GET /jobs", Api.JOBSERVER,
                        body("GET", "/jobs", text -> text.replace("\"status\":\"RUNNING\"", "\"status\":\"Running\"")),
                        "listJobs"),
                new Fault("jobserver: a killed job listed as finished", Api.JOBSERVER,
                        body("GET", "/jobs", text -> text.replace("\"status\":\"KILLED\"", "\"status\":\"FINISHED\"")),
                        "listJobs"),
                new Fault("jobserver: a synchronous submission answered 202", Api.JOBSERVER,
                        Break.of("POST", "/jobs", answer -> answer.status() == 200 ? answer.withStatus(202) : answer),
                        "submitJob"),
                new Fault("jobserver: a synchronous error reported as FAILED", Api.JOBSERVER,
                        body("POST", "/jobs", text -> text.replace("\"status\":\"ERROR\"", "\"status\":\"FAILED\"")),
                        "submitJob"),
                new Fault("jobserver: a synchronous error without its message", Api.JOBSERVER,
                        body("POST", "/jobs", text -> text.replaceFirst("\"message\":\"[^\"]*\",", "")), "submitJob"),
                new Fault("jobserver: killing a killed job answered 400 instead of 404", Api.JOBSERVER,
                        status("DELETE", "/jobs/[0-9a-f-]{36}", 404, 400), "killJob"),
                new Fault("jobserver: an unknown binary answered 400 instead of 404", Api.JOBSERVER,
                        status("GET", "/binaries/0{32}", 404, 400), "getBinary"),
                // streamkap
                new Fault("streamkap: a job status in the wrong case in GET /flink_jobs", Api.STREAMKAP,
                        body("GET", "/flink_jobs", text -> text.replace("\"status\":\"RUNNING\"",
                                "\"status\":\"Running\"")), "listFlinkJobs"),
                new Fault("streamkap: GET /flink_jobs lists no job", Api.STREAMKAP,
                        body("GET", "/flink_jobs", text -> text.replaceFirst("\"result\":\\[.*\\],\"page\"",
                                "\"result\":[],\"page\"")), "listFlinkJobs"),
                new Fault("streamkap: a bad token answered 403 instead of 401", Api.STREAMKAP,
                        Break.of("GET", "/flink_jobs", answer -> answer.status() == 401
                                ? answer.withStatus(403) : answer), PREFLIGHT),
                new Fault("streamkap: a validation error answered 400 instead of 422", Api.STREAMKAP,
                        status("POST", "/flink_jobs/jar", 422, 400), "deployFlinkJarJob"),
                new Fault("streamkap: a deleted job answered 400 instead of 404", Api.STREAMKAP,
                        status("GET", "/flink_jobs/[0-9a-f]{24}", 404, 400), "getFlinkJob"));
    }

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulators.instant();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void theCheckerCatchesThePlantedFault(Fault fault) throws Exception {
        ContractRun.Outcome outcome = runThrough(fault.api(), fault.change());
        Report report = outcome.report();
        if (fault.caughtBy().equals(PREFLIGHT)) {
            assertThat(outcome.stopped()).as("the run stopped").isPresent();
            return;
        }
        assertThat(outcome.stopped()).as("the run stopped").isEmpty();
        Set<String> failed = report.results().stream().filter(result -> result.outcome() == Outcome.FAILED)
                .map(result -> result.operation().id()).collect(Collectors.toSet());
        assertThat(report.hasFailures()).as("the run fails").isTrue();
        assertThat(failed).as("operations that failed").contains(fault.caughtBy());
    }

    @Test
    void everyApiPassesThroughTheProxyWithoutAFault() throws Exception {
        for (Api api : Api.values()) {
            Report report = runThrough(api).report();
            assertThat(report.results()).as(api.cliName()).filteredOn(result -> result.outcome() == Outcome.FAILED)
                    .extracting(OperationResult::failures).isEmpty();
            assertThat(report.generalFailures()).as(api.cliName()).extracting(Failure::message).isEmpty();
        }
    }

    private static ContractRun.Outcome runThrough(Api api, Break... breaks) throws Exception {
        String target = switch (api) {
            case FLINK -> emulator.flinkUrl();
            case JOBSERVER -> emulator.jobserverUrl();
            case STREAMKAP -> emulator.streamkapUrl();
        };
        try (BreakingProxy proxy = BreakingProxy.in(target, breaks)) {
            ContractOptions.Builder options = ContractOptions.builder(api, proxy.url()).allowWrites(true);
            if (api == Api.STREAMKAP) {
                StreamkapCredentials credentials = emulator.config().streamkapCredentials();
                options.clientCredentials(credentials.clientId(), credentials.secret());
            }
            return ContractRun.run(options.build());
        }
    }

    private static Break body(String method, String path, UnaryOperator<String> change) {
        return Break.of(method, path, answer -> answer.withBody(change.apply(answer.text())));
    }

    /** Turns one status into another on the answers to a method and path; other answers pass unchanged. */
    private static Break status(String method, String path, int from, int to) {
        return Break.of(method, path, (Answer answer) -> answer.status() == from ? answer.withStatus(to) : answer);
    }
}
