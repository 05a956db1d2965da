package io.jobemu.core.journal;

/**
 * How much a {@link RequestJournal} keeps. The oldest entries drop off once either {@code entries} or
 * {@code totalBytes} is reached; an entry's recorded headers and body together take at most {@code entryBytes}
 * (beyond that the body, then the headers, are cut, and the entry says so).
 *
 * @param entries    requests kept
 * @param entryBytes bytes of headers and body recorded per request
 * @param totalBytes bytes of headers and bodies kept in all
 */
public record JournalBounds(int entries, int entryBytes, long totalBytes) {

    public static final JournalBounds DEFAULT = new JournalBounds(10_000, 64 * 1024, 32L * 1024 * 1024);

    public JournalBounds {
        if (entries < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, got " + entries);
        }
        if (entryBytes < 0) {
            throw new IllegalArgumentException("journal bytes per entry must not be negative, got " + entryBytes);
        }
        if (totalBytes < entryBytes) {
            throw new IllegalArgumentException("the journal's total bytes (" + totalBytes
                    + ") must be at least its bytes per entry (" + entryBytes + ")");
        }
    }

    public JournalBounds withEntries(int value) {
        return new JournalBounds(value, entryBytes, totalBytes);
    }

    public JournalBounds withEntryBytes(int value) {
        return new JournalBounds(entries, value, totalBytes);
    }

    public JournalBounds withTotalBytes(long value) {
        return new JournalBounds(entries, entryBytes, value);
    }
}
