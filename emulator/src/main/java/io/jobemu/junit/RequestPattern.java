package io.jobemu.junit;

import io.jobemu.core.faults.PathGlob;
import io.jobemu.core.journal.JournalEntry;

/**
 * Which journaled requests count: an API (null for any), a method (null for any) and a path glob in the fault
 * syntax ({@code *} within a segment, {@code **} across segments). The query string is not part of the path.
 */
final class RequestPattern {

    private final String api;
    private final HttpMethod method;
    private final String pathGlob;
    private final PathGlob path;

    RequestPattern(String api, HttpMethod method, String pathGlob) {
        if (pathGlob == null || !pathGlob.startsWith("/")) {
            throw new IllegalArgumentException("a path glob starts with /, got " + pathGlob);
        }
        this.api = api;
        this.method = method;
        this.pathGlob = pathGlob;
        this.path = PathGlob.compile(pathGlob);
    }

    String api() {
        return api;
    }

    boolean matches(JournalEntry entry) {
        return (api == null || api.equalsIgnoreCase(entry.api()))
                && (method == null || method.name().equalsIgnoreCase(entry.method()))
                && path.matches(entry.path());
    }

    /** The request without the API, e.g. "POST /jars/*\/run". */
    String request() {
        return (method == null ? "any method" : method.name()) + " " + pathGlob;
    }

    @Override
    public String toString() {
        return (api == null ? "" : api + " ") + request();
    }
}
