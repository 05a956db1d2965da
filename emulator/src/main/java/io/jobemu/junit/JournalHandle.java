package io.jobemu.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.http.Json;
import io.jobemu.core.journal.JournalEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The namespace's request journal: every request served, oldest first, with its API ({@code flink},
 * {@code jobserver}, {@code streamkap}, or {@code control} for the control API itself), method, path, query,
 * headers (credentials redacted), body (cut to the journal's bytes per entry) and status.
 */
public final class JournalHandle {

    private static final String CONTROL = "control";

    private final ControlClient control;

    JournalHandle(ControlClient control) {
        this.control = control;
    }

    public List<JournalEntry> entries() {
        return read(control.get("/journal"));
    }

    /** The requests one API served. */
    public List<JournalEntry> entries(String api) {
        return read(control.get("/journal?api=" + ControlClient.encode(api)));
    }

    /** Requests to {@code api} (null for any) with that method and a path matching the glob. */
    public List<JournalEntry> find(String api, HttpMethod method, String pathGlob) {
        return find(new RequestPattern(api, method, pathGlob));
    }

    /** The requests matching {@code pattern}, to any API unless the pattern names one. */
    public List<JournalEntry> find(RequestPattern pattern) {
        return read(control.call("POST", "/journal/find", pattern.query()));
    }

    /** Fails unless some request matches {@code pattern}, listing the requests that did arrive. */
    public void verify(RequestPattern pattern) {
        check(pattern, "at least once", found -> found >= 1);
    }

    /** Fails unless exactly {@code times} requests match {@code pattern}. */
    public void verify(int times, RequestPattern pattern) {
        check(pattern, times == 1 ? "exactly once" : "exactly " + times + " times", found -> found == times);
    }

    /**
     * Waits until a request to {@code api} (null: any API) with that method and a path matching the glob is in the
     * journal (one that arrived before the call counts) and returns the first; after {@code timeout} fails with the
     * requests that did arrive.
     */
    public JournalEntry awaitRequest(String api, HttpMethod method, String pathGlob, Duration timeout) {
        return awaitRequest(new RequestPattern(api, method, pathGlob), timeout);
    }

    /** Waits until a request matches {@code pattern}; otherwise as the method above. */
    public JournalEntry awaitRequest(RequestPattern pattern, Duration timeout) {
        String receiver = pattern.api() == null ? "the emulated APIs" : pattern.api();
        return Await.until("a request matching " + pattern, timeout, () -> find(pattern).stream().findFirst()
                .map(Await.Look::done)
                .orElseGet(() -> Await.Look.notYet(JournalListing.describe(receiver, served(pattern.api())))),
                () -> "");
    }

    public void clear() {
        control.delete("/journal");
    }

    /** What {@code api} (null: every API) served, leaving out control requests such as this handle's own reads. */
    List<JournalEntry> served(String api) {
        List<JournalEntry> all = api == null ? entries() : entries(api);
        return all.stream().filter(entry -> !CONTROL.equals(entry.api())).toList();
    }

    private void check(RequestPattern pattern, String expectation, IntPredicate holds) {
        int found = find(pattern).size();
        if (!holds.test(found)) {
            String receiver = pattern.api() == null ? "the emulated APIs" : pattern.api();
            throw new AssertionError("Expected " + receiver + " to have received " + pattern.request() + " "
                    + expectation + ", but " + (found == 0 ? "no request matched" : found + " matched") + ".\n"
                    + JournalListing.describe(receiver, served(pattern.api())));
        }
    }

    private static List<JournalEntry> read(JsonNode view) {
        List<JournalEntry> entries = new ArrayList<>();
        for (JsonNode entry : view.path("entries")) {
            try {
                entries.add(Json.MAPPER.treeToValue(entry, JournalEntry.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable journal entry " + entry, e);
            }
        }
        return entries;
    }
}
