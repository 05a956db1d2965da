package io.jobemu.core.journal;

/** One served request: which API, when (emulator clock), what was asked and what was answered. */
public record JournalEntry(long sequence, String api, long timestamp, String method, String path, String query,
                           int status) {
}
