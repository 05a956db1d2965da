package io.jobemu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** RESULTS.md: a headline table the phases fill row by row, then each phase's own section. */
final class Report {

    private final List<List<String>> headline = new ArrayList<>();
    private final StringBuilder sections = new StringBuilder();

    /** One row of the three-way comparison. */
    void headline(String metric, String emulator, String wireMock, String flink, String target, String met) {
        headline.add(List.of(metric, emulator, wireMock, flink, target, met));
    }

    void section(String title, String text) {
        sections.append("## ").append(title).append("\n\n").append(text.strip()).append("\n\n");
    }

    void write(Path file, String preamble) {
        StringBuilder out = new StringBuilder(preamble.strip()).append("\n\n## Three-way comparison\n\n");
        out.append(table(List.of("", "jobemu", "WireMock (static stubs)", "real Flink 2.3.0", "target", "met"),
                headline));
        out.append("\n").append(sections);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString().strip() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder table = new StringBuilder();
        table.append(row(header));
        table.append(row(header.stream().map(cell -> "---").toList()));
        rows.forEach(cells -> table.append(row(cells)));
        return table.toString();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** Milliseconds with sensible precision. */
    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f ms", millis)
                : millis >= 10 ? String.format(Locale.ROOT, "%.1f ms", millis)
                : String.format(Locale.ROOT, "%.2f ms", millis);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String mib(double mib) {
        return String.format(Locale.ROOT, "%.0f MiB", mib);
    }

    static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }
}
