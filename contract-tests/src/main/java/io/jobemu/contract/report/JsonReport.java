package io.jobemu.contract.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine-readable report: a summary, then every operation with its outcome and failures. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static Path write(Report report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("contract-" + report.api() + ".json");
        JSON.writeValue(file.toFile(), render(report));
        return file;
    }

    public static ObjectNode render(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("api", report.api()).put("baseUrl", report.baseUrl()).put("spec", report.spec())
                .put("writes", report.writes()).put("started", report.started().toString())
                .put("elapsedMillis", report.elapsed().toMillis());
        root.putObject("summary")
                .put("operations", report.results().size())
                .put("passed", report.count(Outcome.PASSED))
                .put("failed", report.count(Outcome.FAILED))
                .put("notExercised", report.count(Outcome.NOT_EXERCISED))
                .put("otherFailures", report.generalFailures().size())
                .put("ok", !report.hasFailures());
        ArrayNode operations = root.putArray("operations");
        for (OperationResult result : report.results()) {
            ObjectNode operation = operations.addObject()
                    .put("operationId", result.operation().id())
                    .put("method", result.operation().method())
                    .put("path", result.operation().path())
                    .put("outcome", result.outcome().name())
                    .put("checks", result.checks());
            if (result.outcome() == Outcome.NOT_EXERCISED) {
                operation.put("reason", result.notExercisedReason());
            }
            failures(operation.putArray("failures"), result.failures());
        }
        failures(root.putArray("otherFailures"), report.generalFailures());
        return root;
    }

    private static void failures(ArrayNode array, List<Failure> failures) {
        for (Failure failure : failures) {
            array.addObject().put("step", failure.step()).put("kind", failure.kind())
                    .put("pointer", failure.pointer()).put("expected", failure.expected())
                    .put("actual", failure.actual()).put("message", failure.message())
                    .put("curl", failure.curl());
        }
    }
}
