package io.jobemu.contract.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One JUnit XML test suite per run, one test case per operation: failed operations carry a {@code <failure>},
 * operations not exercised are {@code <skipped>}. CI servers read it like any test result.
 */
public final class JunitXmlReport {

    private JunitXmlReport() {
    }

    public static Path write(Report report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("TEST-contract-" + report.api() + ".xml");
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        return file;
    }

    static String render(Report report) {
        String suite = "contract." + report.api();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int failures = (int) report.count(Outcome.FAILED) + (report.generalFailures().isEmpty() ? 0 : 1);
        xml.append(String.format("<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\""
                        + " time=\"%.3f\" timestamp=\"%s\">%n", attr(suite),
                report.results().size() + (report.generalFailures().isEmpty() ? 0 : 1), failures,
                report.count(Outcome.NOT_EXERCISED), report.elapsed().toMillis() / 1000.0,
                DateTimeFormatter.ISO_INSTANT.format(report.started().truncatedTo(ChronoUnit.SECONDS))));
        xml.append(String.format("  <properties>%n    <property name=\"baseUrl\" value=\"%s\"/>%n"
                + "    <property name=\"spec\" value=\"%s\"/>%n  </properties>%n",
                attr(report.baseUrl()), attr(report.spec())));
        for (OperationResult result : report.results()) {
            String name = result.operation().id() + " " + result.operation().method() + " "
                    + result.operation().path();
            xml.append(String.format("  <testcase classname=\"%s\" name=\"%s\">%n", attr(suite), attr(name)));
            switch (result.outcome()) {
                case FAILED -> appendFailure(xml, result.failures().size() + " failure(s) in "
                        + result.checks() + " checked answer(s)", result.failures());
                case NOT_EXERCISED -> xml.append(String.format("    <skipped message=\"%s\"/>%n",
                        attr(result.notExercisedReason())));
                case PASSED -> xml.append(String.format("    <system-out>%d answer(s) checked</system-out>%n",
                        result.checks()));
            }
            xml.append("  </testcase>\n");
        }
        if (!report.generalFailures().isEmpty()) {
            xml.append(String.format("  <testcase classname=\"%s\" name=\"run\">%n", attr(suite)));
            appendFailure(xml, "the run itself failed", report.generalFailures());
            xml.append("  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static void appendFailure(StringBuilder xml, String message, List<Failure> failures) {
        StringBuilder details = new StringBuilder();
        for (Failure failure : failures) {
            details.append(failure.step()).append(": ").append(failure.kind()).append(' ').append(failure.message())
                    .append(failure.pointer().isEmpty() ? "" : " at " + failure.pointer())
                    .append("\n  expected: ").append(failure.expected())
                    .append("\n  actual:   ").append(failure.actual())
                    .append(failure.curl() == null ? "" : "\n  repeat:   " + failure.curl()).append("\n");
        }
        xml.append(String.format("    <failure message=\"%s\" type=\"ContractViolation\">%s</failure>%n",
                attr(message), text(details.toString())));
    }

    private static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
    }

    private static String attr(String value) {
        return text(value).replace("\"", "&quot;").replace("\n", "&#10;");
    }
}
