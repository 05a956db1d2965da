package io.jobemu.core.faults;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * A fault to inject into matching requests, as a test declares it over the control API, e.g.
 * {@code {"method":"GET","path":"/jobs/*\/status","action":"RESPOND","status":503,"times":1}}.
 *
 * @param api         only requests to this API (flink, jobserver, streamkap); null for any
 * @param method      only this HTTP method; null for any
 * @param path        glob over the request path: {@code *} matches within a segment, {@code **} across segments
 * @param action      what happens to a matching request
 * @param latency     for DELAY: how long the answer is held back
 * @param status      for RESPOND: the status to answer with
 * @param body        for RESPOND: the body (a JSON value, or a string sent as is)
 * @param contentType for RESPOND: defaults to application/json for JSON bodies, text/plain for strings
 * @param times       how many matching requests the fault applies to; null for all
 * @param probability chance that a matching request is hit, 0..1; null for always
 * @param seed        seeds the probability draws, so a run repeats exactly
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultSpec(String api, String method, String path, Action action, Duration latency, Integer status,
                        JsonNode body, String contentType, Integer times, Double probability, Long seed) {

    public enum Action {
        /** Hold the request back by {@code latency}, then serve it normally. */
        DELAY,
        /** Answer with {@code status} and {@code body} instead of the emulated API. */
        RESPOND,
        /** Drop the connection without answering (the client sees a reset or an empty reply). */
        DROP_CONNECTION
    }

    public FaultSpec {
        if (action == null) {
            throw new IllegalArgumentException("action is required: DELAY, RESPOND or DROP_CONNECTION");
        }
        if (path == null || path.isBlank()) {
            path = "/**";
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /, got \"" + path + "\"");
        }
        PathGlob.compile(path);
        if (action == Action.DELAY && (latency == null || latency.isNegative() || latency.isZero())) {
            throw new IllegalArgumentException("DELAY needs a positive latency such as \"PT2S\"");
        }
        if (action == Action.DELAY && latency.toMinutes() >= 10) {
            throw new IllegalArgumentException("latency must be under 10 minutes, got " + latency);
        }
        if (action == Action.RESPOND && (status == null || status < 100 || status > 599)) {
            throw new IllegalArgumentException("RESPOND needs a status between 100 and 599");
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        if (probability != null && (probability < 0 || probability > 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1, got " + probability);
        }
    }
}
