package io.jobemu.junit;

import io.jobemu.core.journal.JournalEntry;
import java.util.List;

/** Journal entries as failure messages show them: one request a line, newest last. */
final class JournalListing {

    private static final int MAX_LINES = 50;

    private JournalListing() {
    }

    /** E.g. "flink received 2 requests:\n  GET /jobs -> 200\n  ...". */
    static String describe(String receiver, List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return receiver + " received no requests.";
        }
        StringBuilder text = new StringBuilder(receiver).append(" received ").append(entries.size())
                .append(entries.size() == 1 ? " request:" : " requests:");
        int skipped = Math.max(0, entries.size() - MAX_LINES);
        if (skipped > 0) {
            text.append("\n  (").append(skipped).append(" earlier requests not shown)");
        }
        entries.subList(skipped, entries.size()).forEach(entry -> text.append("\n  ").append(line(entry)));
        return text.toString();
    }

    static String line(JournalEntry entry) {
        String query = entry.query() == null || entry.query().isEmpty() ? "" : "?" + entry.query();
        String answer = entry.status() == 0 ? "connection dropped" : String.valueOf(entry.status());
        return entry.method() + " " + entry.path() + query + " -> " + answer
                + (entry.fault() == null ? "" : " (injected " + entry.fault() + ")");
    }
}
