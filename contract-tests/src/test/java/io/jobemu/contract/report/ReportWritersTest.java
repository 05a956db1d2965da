package io.jobemu.contract.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobemu.contract.spec.OpenApiSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportWritersTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.fromClasspath("mini-spec.yaml");

    /** getThing failed (with markup in its failure), deleteThing was not exercised. */
    private static Report report() {
        Report report = new Report("mini", "http://127.0.0.1:1", "mini-spec.yaml", true, SPEC.operations());
        report.checked("getThing", List.of());
        report.checked("getThing", List.of(new Failure("getThing [unknown id]", "SCHEMA", "/errors",
                "required property \"errors\"", "missing", "<&> \"quoted\"", "curl -sS -i 'http://127.0.0.1:1/x'")));
        report.notExercised("deleteThing", "read-only run");
        report.finish();
        return report;
    }

    @Test
    void junitXmlHasOneCasePerOperationWithFailuresAndSkips(@TempDir Path dir) throws Exception {
        Path file = JunitXmlReport.write(report(), dir);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("contract.mini");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent())
                .contains("getThing [unknown id]", "<&> \"quoted\"", "at /errors", "curl -sS -i");
        assertThat(((Element) xml.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("read-only run");
    }

    @Test
    void jsonReportSummarisesAndListsEveryOperation(@TempDir Path dir) throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.write(report(), dir).toFile());
        assertThat(json.path("summary").path("ok").asBoolean()).isFalse();
        assertThat(json.path("summary").path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("summary").path("notExercised").asInt()).isEqualTo(1);
        assertThat(json.path("operations").path(0).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(json.path("operations").path(0).path("checks").asInt()).isEqualTo(2);
        assertThat(json.path("operations").path(0).path("failures").path(0).path("pointer").asText())
                .isEqualTo("/errors");
        assertThat(json.path("operations").path(1).path("reason").asText()).isEqualTo("read-only run");
    }

    @Test
    void theConsoleShowsTheTableThenEachFailureWithItsReproduction() {
        String printed = console(report());
        assertThat(printed)
                .contains(String.format("%-36s %-7s %-53s %-13s %6s%n", "getThing", "GET", "/things/{id}", "failed", 2))
                .contains("deleteThing                          DELETE  /things/{id}")
                .contains("FAILED getThing (GET /things/{id})", "  at:       /errors",
                        "  repeat:   curl -sS -i 'http://127.0.0.1:1/x'")
                .contains("NOT EXERCISED: read-only run\n  deleteThing\n")
                .contains("0 passed, 1 failed, 1 not exercised of 2 operations");
    }

    @Test
    void theConsoleFitsOneHundredTwentyColumnsAndShowsTheFirstTwentyFailures() {
        Report report = new Report("mini", "http://127.0.0.1:1/" + "x".repeat(200), "mini-spec.yaml", true,
                SPEC.operations());
        for (int i = 0; i < 25; i++) {
            report.checked("getThing", List.of(new Failure("getThing [case " + i + "]", "SCHEMA", "/a".repeat(80),
                    "y".repeat(300), "z".repeat(300), "m".repeat(300), "curl -sS -i '" + "u".repeat(200) + "'")));
        }
        report.finish();
        String printed = console(report);
        assertThat(printed.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
        assertThat(printed).contains("FAILED getThing (GET /things/{id})", "  step:     getThing [case 19]",
                "  repeat:   the curl command is too long for this table: see --format json or --report files",
                "... and 5 more failure(s): see --format json or the --report files")
                .doesNotContain("getThing [case 20]");
        assertThat(printed.lines().filter(line -> line.startsWith("  expected: "))).allSatisfy(line ->
                assertThat(line).endsWith("…"));
    }

    private static String console(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleReport.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
