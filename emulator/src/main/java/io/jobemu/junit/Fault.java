package io.jobemu.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jobemu.core.faults.FaultSpec;
import io.jobemu.core.http.Json;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A fault to inject, built step by step; each step returns a new fault, checked at once. By default it strikes every
 * request to every API; narrow it with {@link #on}, {@link #api}, {@link #times} and {@link #probability}. E.g.
 * {@code Fault.respond(503).on(GET, "/jobs/*\/status").once()}.
 */
public final class Fault {

    private final Fields fields;
    private final FaultSpec spec;

    private Fault(Fields fields) {
        this.fields = fields;
        this.spec = new FaultSpec(fields.api, fields.method, fields.path, fields.action, fields.latency,
                fields.status, fields.body, fields.contentType, fields.times, fields.probability, fields.seed);
    }

    /** Answers {@code status} (with an empty body unless one is given) instead of the emulated API. */
    public static Fault respond(int status) {
        Fields fields = new Fields(FaultSpec.Action.RESPOND);
        fields.status = status;
        return new Fault(fields);
    }

    /** Holds matching requests back by {@code latency} (real time), then serves them normally. */
    public static Fault delay(Duration latency) {
        Fields fields = new Fields(FaultSpec.Action.DELAY);
        fields.latency = latency;
        return new Fault(fields);
    }

    /** Closes the connection without answering. */
    public static Fault dropConnection() {
        return new Fault(new Fields(FaultSpec.Action.DROP_CONNECTION));
    }

    /** Only requests to this API: flink, jobserver or streamkap. */
    public Fault api(String api) {
        return with(f -> f.api = api);
    }

    /** Only requests with this method and a path matching the glob ({@code *} within a segment, {@code **} across). */
    public Fault on(HttpMethod method, String pathGlob) {
        return with(f -> {
            f.method = method.name();
            f.path = pathGlob;
        });
    }

    /** Only requests with a path matching the glob, whatever their method. */
    public Fault path(String pathGlob) {
        return with(f -> f.path = pathGlob);
    }

    /** For {@link #respond}: a JSON body, sent as {@code application/json}. */
    public Fault jsonBody(String json) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
        return with(f -> f.body = body);
    }

    /** For {@link #respond}: a text body, sent as {@code text/plain} unless {@link #contentType} says otherwise. */
    public Fault textBody(String text) {
        return with(f -> f.body = TextNode.valueOf(text));
    }

    public Fault contentType(String contentType) {
        return with(f -> f.contentType = contentType);
    }

    /** Strikes only the next {@code times} matching requests. */
    public Fault times(int times) {
        return with(f -> f.times = times);
    }

    /** Strikes only the next matching request. */
    public Fault once() {
        return times(1);
    }

    /** Strikes each matching request with this chance, 0..1, drawn from {@code seed} so a run repeats exactly. */
    public Fault probability(double probability, long seed) {
        return with(f -> {
            f.probability = probability;
            f.seed = seed;
        });
    }

    /** The control API's form of this fault. */
    public FaultSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return Json.MAPPER.valueToTree(spec).toString();
    }

    private Fault with(Consumer<Fields> change) {
        Fields copy = fields.copy();
        change.accept(copy);
        return new Fault(copy);
    }

    /** The spec's fields while a fault is being built. */
    private static final class Fields {
        private final FaultSpec.Action action;
        private String api;
        private String method;
        private String path;
        private Duration latency;
        private Integer status;
        private JsonNode body;
        private String contentType;
        private Integer times;
        private Double probability;
        private Long seed;

        private Fields(FaultSpec.Action action) {
            this.action = action;
        }

        private Fields copy() {
            Fields copy = new Fields(action);
            copy.api = api;
            copy.method = method;
            copy.path = path;
            copy.latency = latency;
            copy.status = status;
            copy.body = body;
            copy.contentType = contentType;
            copy.times = times;
            copy.probability = probability;
            copy.seed = seed;
            return copy;
        }
    }
}
