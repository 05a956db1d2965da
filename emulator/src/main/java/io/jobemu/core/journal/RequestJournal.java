package io.jobemu.core.journal;

import io.jobemu.core.control.Redaction;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A bounded ring buffer of served requests with their headers and bodies; the oldest entries drop off once the
 * entry count or the bytes of headers and bodies would pass their {@link JournalBounds}.
 */
public final class RequestJournal {

    private final JournalBounds bounds;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private long recordedBytes;
    private long nextSequence;

    public RequestJournal(JournalBounds bounds) {
        this.bounds = bounds;
    }

    /** At most {@code capacity} entries, with the default byte bounds. */
    public RequestJournal(int capacity) {
        this(JournalBounds.DEFAULT.withEntries(capacity));
    }

    /**
     * Records one request. Headers and body pass through {@link Redaction} (credentials and secret fields are never
     * stored); headers and body are cut to the bytes per entry (headers first: the body gets what they leave).
     *
     * @param body          the body as received, or null when it was not read
     * @param contentLength the announced body size, -1 when unknown
     */
    public void record(String api, long timestamp, String method, String path, String query,
                       Map<String, List<String>> headers, byte[] body, long contentLength, int status, String fault) {
        long budget = bounds.entryBytes();
        boolean truncated = false;
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            List<String> values = new ArrayList<>();
            for (String value : header.getValue()) {
                String recorded = Redaction.header(header.getKey(), value);
                long size = utf8Length(header.getKey()) + utf8Length(recorded);
                if (size > budget) {
                    truncated = true;
                    continue;
                }
                budget -= size;
                values.add(recorded);
            }
            if (!values.isEmpty()) {
                kept.put(header.getKey(), Collections.unmodifiableList(values));
            }
        }
        String text = null;
        if (body != null && body.length > 0) {
            int length = (int) Math.min(body.length, budget);
            truncated |= length < body.length;
            text = Redaction.body(contentType(headers), utf8(body, length, budget));
        }
        long bodyBytes = body != null ? body.length : contentLength;
        add(api, timestamp, method, path, query, Collections.unmodifiableMap(kept), text, bodyBytes, truncated,
                status, fault);
    }

    public synchronized List<JournalEntry> find(Predicate<JournalEntry> filter) {
        List<JournalEntry> result = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (filter.test(entry)) {
                result.add(entry);
            }
        }
        return result;
    }

    public synchronized void clear() {
        entries.clear();
        recordedBytes = 0;
    }

    public JournalBounds bounds() {
        return bounds;
    }

    public int capacity() {
        return bounds.entries();
    }

    private synchronized void add(String api, long timestamp, String method, String path, String query,
                                  Map<String, List<String>> headers, String body, long bodyBytes, boolean truncated,
                                  int status, String fault) {
        JournalEntry entry = new JournalEntry(nextSequence++, api, timestamp, method, path, query, headers, body,
                bodyBytes, truncated, status, fault);
        long size = entry.recordedBytes();
        while (!entries.isEmpty() && (entries.size() >= bounds.entries()
                || recordedBytes + size > bounds.totalBytes())) {
            recordedBytes -= entries.removeFirst().recordedBytes();
        }
        entries.addLast(entry);
        recordedBytes += size;
    }

    private static String contentType(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type") && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    static long headerBytes(Map<String, List<String>> headers) {
        long bytes = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                bytes += utf8Length(header.getKey()) + utf8Length(value);
            }
        }
        return bytes;
    }

    static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The first {@code length} bytes as text, at most {@code maxBytes} long in UTF-8: a character cut in two, or
     * bytes that are no UTF-8, become U+FFFD (three bytes), so a binary body may keep fewer characters.
     */
    private static String utf8(byte[] bytes, int length, long maxBytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.decode(ByteBuffer.wrap(bytes, 0, length), chars, true);
        decoder.flush(chars);
        String text = chars.flip().toString();
        long size = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            size += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (size > maxBytes) {
                return text.substring(0, Character.isLowSurrogate(c) ? i - 1 : i);
            }
        }
        return text;
    }
}
