package io.jobemu.contract.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report for a terminal, no line wider than {@link #WIDTH} columns: a table with one row per operation, every
 * failure (the first {@link #MAX_FAILURES} of them) in a few lines, the operations not exercised grouped by reason,
 * then a one-line summary. Whatever does not fit is cut with "…"; the JUnit XML and JSON reports have it whole.
 */
public final class ConsoleReport {

    public static final int WIDTH = 120;
    static final int MAX_FAILURES = 20;
    private static final int MAX_ID = 36;
    private static final int MAX_PATH = 53;
    private static final String ROW = "%-" + MAX_ID + "s %-7s %-" + MAX_PATH + "s %-13s %6s";

    private ConsoleReport() {
    }

    public static void print(Report report, PrintStream out) {
        line(out, String.format("Contract check of %s at %s against %s (%s)", report.api(), report.baseUrl(),
                report.spec(), report.writes() ? "writes allowed" : "read-only"));
        List<OperationResult> results = report.results();
        line(out, String.format(ROW, "OPERATION", "METHOD", "PATH", "RESULT", "CHECKS"));
        for (OperationResult result : results) {
            line(out, String.format(ROW, cutEnd(result.operation().id(), MAX_ID), result.operation().method(),
                    cutStart(result.operation().path(), MAX_PATH), result.outcome().label(), result.checks()));
        }
        List<Located> failures = new ArrayList<>();
        for (OperationResult result : results) {
            String operation = result.operation().id() + " (" + result.operation().method() + " "
                    + result.operation().path() + ")";
            result.failures().forEach(failure -> failures.add(new Located(operation, failure)));
        }
        report.generalFailures().forEach(failure -> failures.add(new Located("(no single operation)", failure)));
        printFailures(failures, out);
        printNotExercised(results, out);
        out.println();
        line(out, String.format("%d passed, %d failed, %d not exercised of %d operations%s in %.1f s",
                report.count(Outcome.PASSED), report.count(Outcome.FAILED), report.count(Outcome.NOT_EXERCISED),
                results.size(), report.generalFailures().isEmpty() ? ""
                        : "; " + report.generalFailures().size() + " other failure(s)",
                report.elapsed().toMillis() / 1000.0));
    }

    /** A failure with what it belongs to. */
    private record Located(String where, Failure failure) {
    }

    private static void printFailures(List<Located> failures, PrintStream out) {
        int shown = Math.min(failures.size(), MAX_FAILURES);
        for (Located located : failures.subList(0, shown)) {
            out.println();
            line(out, "FAILED " + located.where());
            failureLines(located.failure()).forEach(text -> line(out, text));
        }
        if (failures.size() > shown) {
            out.println();
            line(out, "... and " + (failures.size() - shown) + " more failure(s): see --format json or the "
                    + "--report files");
        }
    }

    private static List<String> failureLines(Failure failure) {
        List<String> lines = new ArrayList<>();
        lines.add("  step:     " + failure.step());
        lines.add("  problem:  " + failure.kind() + " " + failure.message());
        if (!failure.pointer().isEmpty()) {
            lines.add("  at:       " + failure.pointer());
        }
        lines.add("  expected: " + failure.expected());
        lines.add("  actual:   " + failure.actual());
        if (failure.curl() != null) {
            String repeat = "  repeat:   " + failure.curl();
            lines.add(repeat.length() <= WIDTH ? repeat
                    : "  repeat:   the curl command is too long for this table: see --format json or --report files");
        }
        return lines;
    }

    private static void printNotExercised(List<OperationResult> results, PrintStream out) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (OperationResult result : results) {
            if (result.outcome() == Outcome.NOT_EXERCISED) {
                byReason.computeIfAbsent(result.notExercisedReason(), reason -> new ArrayList<>())
                        .add(result.operation().id());
            }
        }
        byReason.forEach((reason, ids) -> {
            out.println();
            line(out, "NOT EXERCISED: " + reason);
            StringBuilder row = new StringBuilder(" ");
            for (String id : ids) {
                if (row.length() + id.length() + 1 > WIDTH) {
                    out.println(row);
                    row = new StringBuilder(" ");
                }
                row.append(' ').append(id);
            }
            out.println(row);
        });
    }

    private static void line(PrintStream out, String text) {
        out.println(cutEnd(text.stripTrailing(), WIDTH));
    }

    private static String cutEnd(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String cutStart(String text, int width) {
        return text.length() <= width ? text : "…" + text.substring(text.length() - width + 1);
    }
}
