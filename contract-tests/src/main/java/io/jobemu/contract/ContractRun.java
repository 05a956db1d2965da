package io.jobemu.contract;

import io.jobemu.contract.flows.Flow;
import io.jobemu.contract.flows.FlowContext;
import io.jobemu.contract.flows.Transcript;
import io.jobemu.contract.http.ApiClient;
import io.jobemu.contract.report.Failure;
import io.jobemu.contract.report.JsonReport;
import io.jobemu.contract.report.JunitXmlReport;
import io.jobemu.contract.report.Report;
import io.jobemu.contract.spec.OpenApiSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** One contract run: load the spec, drive the API's flow against the target, clean up, report. */
public final class ContractRun {

    /**
     * The report, every exchange in order (for comparing two servers), and why the run stopped before checking
     * anything, if it did (the report then holds that as its one failure).
     */
    public record Outcome(Report report, Transcript transcript, Optional<Stopped> stopped) {
    }

    private ContractRun() {
    }

    public static Outcome run(ContractOptions options) throws InterruptedException {
        OpenApiSpec spec = options.specFile().map(OpenApiSpec::fromFile)
                .orElseGet(() -> OpenApiSpec.fromClasspath(options.api().specResource()));
        Report report = new Report(options.api().cliName(), options.baseUrl().toString(), spec.name(),
                options.writes(), spec.operations());
        Transcript transcript = new Transcript();
        ApiClient client = new ApiClient(options.baseUrl(), options.requestTimeout());
        options.token().ifPresent(token -> client.authorization("Bearer " + token));
        options.basicAuth().ifPresent(credentials -> client.authorization("Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        Flow flow = options.api().newFlow();
        Optional<Stopped> stopped = Preflight.check(options, client, flow);
        if (stopped.isPresent()) {
            report.generalFailure(new Failure("preflight", stopped.get().reason().name(), "",
                    "a " + options.api().cliName() + " server to check", stopped.get().message(),
                    "the run stopped before its first check", null));
            spec.operations().forEach(operation -> report.notExercised(operation.id(), "the run stopped: "
                    + stopped.get().message()));
            report.finish();
        } else {
            FlowContext context = new FlowContext(spec, client, report, transcript, options, flow);
            try {
                flow.run(context);
            } finally {
                context.finish();
                report.finish();
            }
        }
        writeFiles(options, report);
        return new Outcome(report, transcript, stopped);
    }

    private static void writeFiles(ContractOptions options, Report report) {
        options.reportDir().ifPresent(directory -> {
            try {
                JunitXmlReport.write(report, directory);
                JsonReport.write(report, directory);
            } catch (IOException e) {
                report.generalFailure(new Failure("report", "REPORT", "", "report files in " + directory,
                        e.toString(), "cannot write the report files", null));
            }
        });
    }
}
