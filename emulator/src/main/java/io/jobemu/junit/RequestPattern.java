package io.jobemu.junit;

import io.jobemu.core.journal.JournalQuery;
import io.jobemu.core.journal.JournalQuery.Match;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which journaled requests count, built step by step like WireMock's {@code postRequestedFor(...)}; each step
 * returns a new pattern. A method (null for any) and a path glob ({@code *} within a segment, {@code **} across;
 * the query string is not part of the path), then optionally headers and parts of the body:
 * <pre>{@code
 * requested(POST, "/jars/*\/run").withHeader("Content-Type", "application/json")
 *         .withBodyAt("$.entryClass", "com.example.WordCount")
 * }</pre>
 * The emulator matches them ({@code POST /_emulator/journal/find}), so a remote emulator matches the same way.
 */
public final class RequestPattern {

    private final String api;
    private final HttpMethod method;
    private final String pathGlob;
    private final Map<String, Match> headers;
    private final Map<String, Match> bodyJson;
    private final Match body;

    RequestPattern(String api, HttpMethod method, String pathGlob) {
        this(api, method, checkedGlob(pathGlob), Map.of(), Map.of(), null);
    }

    private RequestPattern(String api, HttpMethod method, String pathGlob, Map<String, Match> headers,
                           Map<String, Match> bodyJson, Match body) {
        this.api = api;
        this.method = method;
        this.pathGlob = pathGlob;
        this.headers = headers;
        this.bodyJson = bodyJson;
        this.body = body;
        query(); // checks JSON paths and regular expressions now, not at the first match
    }

    /** Requests with this method and a path matching the glob. */
    public static RequestPattern requested(HttpMethod method, String pathGlob) {
        return new RequestPattern(null, method, pathGlob);
    }

    /** Requests with a path matching the glob, whatever their method. */
    public static RequestPattern requestedAnyMethod(String pathGlob) {
        return new RequestPattern(null, null, pathGlob);
    }

    /** Only requests with a header {@code name} (any case) whose value is exactly {@code value}. */
    public RequestPattern withHeader(String name, String value) {
        return withHeader(name, Match.equalTo(value));
    }

    /**
     * Only requests with a header {@code name} one of whose values matches ({@link Match#containing},
     * {@link Match#matching}); {@link Match#isAbsent} for requests without it.
     */
    public RequestPattern withHeader(String name, Match match) {
        return new RequestPattern(api, method, pathGlob, plus(headers, name, match), bodyJson, body);
    }

    /**
     * Only requests whose JSON body holds {@code value} at {@code jsonPath} ({@code $.a.b[0]}, {@code $['a.b']});
     * numbers and booleans compare as their text, so {@code withBodyAt("$.parallelism", "2")} matches {@code 2}.
     */
    public RequestPattern withBodyAt(String jsonPath, String value) {
        return withBodyAt(jsonPath, Match.equalTo(value));
    }

    public RequestPattern withBodyAt(String jsonPath, Match match) {
        return new RequestPattern(api, method, pathGlob, headers, plus(bodyJson, jsonPath, match), body);
    }

    /** Only requests whose body text contains {@code text}. */
    public RequestPattern withBodyContaining(String text) {
        return new RequestPattern(api, method, pathGlob, headers, bodyJson, Match.containing(text));
    }

    /** This pattern, for requests to {@code apiName} only (null: any API). */
    RequestPattern forApi(String apiName) {
        return new RequestPattern(apiName, method, pathGlob, headers, bodyJson, body);
    }

    String api() {
        return api;
    }

    /** The control API's form of this pattern. */
    JournalQuery query() {
        return new JournalQuery(api, method == null ? null : method.name(), pathGlob, headers, bodyJson, body);
    }

    /** The request without the API, e.g. "POST /jars/*\/run with body $.entryClass = \"a.B\"". */
    String request() {
        return query().describe();
    }

    @Override
    public String toString() {
        return (api == null ? "" : api + " ") + request();
    }

    private static Map<String, Match> plus(Map<String, Match> matches, String key, Match match) {
        Map<String, Match> more = new LinkedHashMap<>(matches);
        more.put(key, match);
        return more;
    }

    private static String checkedGlob(String pathGlob) {
        if (pathGlob == null || !pathGlob.startsWith("/")) {
            throw new IllegalArgumentException("a path glob starts with /, got " + pathGlob);
        }
        return pathGlob;
    }
}
