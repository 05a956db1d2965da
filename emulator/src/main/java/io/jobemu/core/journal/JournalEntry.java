package io.jobemu.core.journal;

/**
 * One served request: which API, when (emulator clock), what was asked and what was answered ({@code status} 0
 * when no answer was sent: an injected fault dropped the connection, or the client closed it before sending the
 * whole body; {@code fault} names the fault that struck, if any).
 */
public record JournalEntry(long sequence, String api, long timestamp, String method, String path, String query,
                           int status, String fault) {
}
