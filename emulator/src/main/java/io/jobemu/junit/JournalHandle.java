package io.jobemu.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.http.Json;
import io.jobemu.core.journal.JournalEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The namespace's request journal: every request served, oldest first, with its API ({@code flink},
 * {@code jobserver}, {@code streamkap}, or {@code control} for the control API itself), path and status.
 */
public final class JournalHandle {

    private static final String CONTROL = "control";

    private final ControlClient control;

    JournalHandle(ControlClient control) {
        this.control = control;
    }

    public List<JournalEntry> entries() {
        return read("/journal");
    }

    /** The requests one API served. */
    public List<JournalEntry> entries(String api) {
        return read("/journal?api=" + ControlClient.encode(api));
    }

    /** Requests to {@code api} (null for any) with that method and a path matching the glob. */
    public List<JournalEntry> find(String api, HttpMethod method, String pathGlob) {
        return find(new RequestPattern(api, method, pathGlob));
    }

    /**
     * Waits until a matching request is in the journal (one that arrived before the call counts) and returns the
     * first; after {@code timeout} fails with the requests that did arrive.
     */
    public JournalEntry awaitRequest(String api, HttpMethod method, String pathGlob, Duration timeout) {
        RequestPattern pattern = new RequestPattern(api, method, pathGlob);
        String receiver = api == null ? "the emulated APIs" : api;
        return Await.until("a request matching " + pattern, timeout, () -> {
            List<JournalEntry> all = api == null ? entries() : entries(api);
            // this wait's own polls are control requests: leave them out of what it reports
            List<JournalEntry> served = all.stream().filter(entry -> !CONTROL.equals(entry.api())).toList();
            return all.stream().filter(pattern::matches).findFirst().map(Await.Look::done)
                    .orElseGet(() -> Await.Look.notYet(JournalListing.describe(receiver, served)));
        }, () -> "");
    }

    public void clear() {
        control.delete("/journal");
    }

    List<JournalEntry> find(RequestPattern pattern) {
        List<JournalEntry> all = pattern.api() == null ? entries() : entries(pattern.api());
        return all.stream().filter(pattern::matches).toList();
    }

    private List<JournalEntry> read(String path) {
        List<JournalEntry> entries = new ArrayList<>();
        for (JsonNode entry : control.get(path).path("entries")) {
            try {
                entries.add(Json.MAPPER.treeToValue(entry, JournalEntry.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable journal entry " + entry, e);
            }
        }
        return entries;
    }
}
