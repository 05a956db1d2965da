package io.jobemu.contract.report;

import java.io.PrintStream;
import java.util.List;

/** The per-operation table, then every failure with its reproduction, then a one-line summary. */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    public static void print(Report report, PrintStream out) {
        out.printf("Contract check of %s at %s against %s (%s)%n", report.api(), report.baseUrl(), report.spec(),
                report.writes() ? "writes allowed" : "read-only");
        List<OperationResult> results = report.results();
        int idWidth = Math.max(9, results.stream().mapToInt(r -> r.operation().id().length()).max().orElse(0));
        int pathWidth = Math.max(4, results.stream().mapToInt(r -> r.operation().path().length()).max().orElse(0));
        String row = "%-" + idWidth + "s  %-7s %-" + pathWidth + "s  %-13s %6s  %s%n";
        out.printf(row, "OPERATION", "METHOD", "PATH", "RESULT", "CHECKS", "");
        for (OperationResult result : results) {
            Outcome outcome = result.outcome();
            String note = switch (outcome) {
                case FAILED -> result.failures().size() + " failure(s), see below";
                case NOT_EXERCISED -> result.notExercisedReason();
                case PASSED -> "";
            };
            out.printf(row, result.operation().id(), result.operation().method(), result.operation().path(),
                    outcome.label(), result.checks(), note);
        }
        for (OperationResult result : results) {
            for (Failure failure : result.failures()) {
                out.println();
                out.printf("FAILED %s (%s %s)%n", result.operation().id(), result.operation().method(),
                        result.operation().path());
                printFailure(failure, out);
            }
        }
        for (Failure failure : report.generalFailures()) {
            out.println();
            out.println("FAILED (no single operation)");
            printFailure(failure, out);
        }
        out.println();
        out.printf("%d passed, %d failed, %d not exercised of %d operations%s in %.1f s%n",
                report.count(Outcome.PASSED), report.count(Outcome.FAILED), report.count(Outcome.NOT_EXERCISED),
                results.size(), report.generalFailures().isEmpty() ? ""
                        : "; " + report.generalFailures().size() + " other failure(s)",
                report.elapsed().toMillis() / 1000.0);
    }

    private static void printFailure(Failure failure, PrintStream out) {
        out.printf("  step:     %s%n", failure.step());
        out.printf("  problem:  %s %s%n", failure.kind(), failure.message());
        if (!failure.pointer().isEmpty()) {
            out.printf("  at:       %s%n", failure.pointer());
        }
        out.printf("  expected: %s%n", failure.expected());
        out.printf("  actual:   %s%n", failure.actual());
        if (failure.curl() != null) {
            out.printf("  repeat:   %s%n", failure.curl());
        }
    }
}
