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

/** One contract run: load the spec, drive the API's flow against the target, clean up, report. */
public final class ContractRun {

    /** The report, and every exchange in order (for comparing two servers). */
    public record Outcome(Report report, Transcript transcript) {
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
        FlowContext context = new FlowContext(spec, client, report, transcript, options, flow);
        try {
            flow.run(context);
        } finally {
            context.finish();
            report.finish();
        }
        writeFiles(options, report);
        return new Outcome(report, transcript);
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
