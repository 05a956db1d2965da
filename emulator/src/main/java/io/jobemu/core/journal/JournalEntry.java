package io.jobemu.core.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One served request: which API, when (emulator clock), what was asked and what was answered ({@code status} 0
 * when no answer was sent: an injected fault dropped the connection, or the client closed it before sending the
 * whole body; {@code fault} names the fault that struck, if any).
 *
 * @param headers   the request headers as sent, names as the client wrote them, credentials redacted
 *                  ({@link io.jobemu.core.control.Redaction})
 * @param body      the body as UTF-8 text (secret JSON and form fields redacted), cut to the journal's bytes per
 *                  entry; null when none was recorded
 *                  (no body, or a multipart upload, which streams to disk)
 * @param bodyBytes the body's size as sent (its Content-Length when it was not read), -1 when unknown
 * @param truncated whether headers or body were cut to fit the journal's bounds
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JournalEntry(long sequence, String api, long timestamp, String method, String path, String query,
                           Map<String, List<String>> headers, String body, long bodyBytes, boolean truncated,
                           int status, String fault) {

    public JournalEntry {
        headers = headers == null ? Map.of() : headers;
    }

    /** The first value of the header called {@code name} (any case), or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /** Bytes the entry's headers and body take in the journal. */
    long recordedBytes() {
        return RequestJournal.headerBytes(headers) + (body == null ? 0 : RequestJournal.utf8Length(body));
    }
}
