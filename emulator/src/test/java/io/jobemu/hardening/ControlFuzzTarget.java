package io.jobemu.hardening;

import io.jobemu.core.Namespace;
import io.jobemu.core.http.Route;
import io.jobemu.testing.TestHttp;
import io.jobemu.testing.TestJars;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's own control API ({@code /_emulator}) under fuzz, in a namespace of its own: there is no real server
 * to match, so every refusal must be its {@code {"error": "..."}} shape and nothing may fail with a 500.
 */
final class ControlFuzzTarget implements FuzzTarget {

    private static final String JSON_UTF8 = "application/json; charset=UTF-8";
    private static final String ENTRY_CLASS = "com.example.ControlJob";

    private final Namespace namespace;
    private final String baseUrl;
    private final Map<String, List<String>> pathValues = new ConcurrentHashMap<>();

    /** {@code baseUrl} is the Flink port: the control API is on every port, and the fixtures need Flink's. */
    ControlFuzzTarget(Namespace namespace, String baseUrl) {
        this.namespace = namespace;
        this.baseUrl = baseUrl;
    }

    @Override
    public String name() {
        return "control";
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    /** Every control route, core and per-API. */
    @Override
    public List<Route> routes() {
        return namespace.controlRoutes().routes();
    }

    @Override
    public String specResource() {
        return "specs/emulator-control.yaml";
    }

    /**
     * Starts from a reset namespace (the fuzz may have injected faults or switched on authentication) with a Flink
     * job, a jobserver context and job, a behaviour and a fault. Other namespaces' names are never used, so
     * deleting a namespace cannot reach the other fuzz runs.
     */
    @Override
    public void prepare(TestHttp http) {
        http.post("/_emulator/reset", null);
        http.post("/_emulator/clock/mode?mode=manual", null);
        String fault = http.post("/_emulator/faults",
                "{\"api\":\"flink\",\"path\":\"/nothing-matches\",\"action\":\"RESPOND\",\"status\":503}")
                .json().path("id").asText();
        http.put("/_emulator/flink/behaviours/entry-classes/" + ENTRY_CLASS, "{\"outcome\":\"RUN\"}");
        String filename = http.upload("/jars/upload", "jarfile", "c.jar", TestJars.withMainClass(ENTRY_CLASS))
                .json().path("filename").asText();
        String jarId = filename.substring(filename.lastIndexOf('/') + 1);
        String job = http.post("/jars/" + jarId + "/run", "{}").json().path("jobid").asText();
        pathValues.putAll(Map.of(
                "id", List.of(fault, "nope"),
                "name", List.of("nope"),
                "entryClass", List.of(ENTRY_CLASS, "nope"),
                "jarid", List.of(jarId, "nope"),
                "jobid", List.of(job, "0".repeat(32)),
                "mainClass", List.of("spark.jobserver.LongPiJob", "nope"),
                "contextName", List.of("nope"),
                "jobId", List.of("nope")));
    }

    @Override
    public List<String> validPathValues(String parameter) {
        return pathValues.getOrDefault(parameter, List.of());
    }

    @Override
    public Body validBody(String operation) {
        return new Body("application/json", "{}".getBytes());
    }

    /** Control requests change state by design; the fuzz checks only their answers. */
    @Override
    public String snapshot(TestHttp http) {
        return "";
    }

    @Override
    public String violation(FuzzCase fuzzCase, RawHttp.Response response) {
        String transport = Oracles.transport(fuzzCase, response);
        if (transport != null) {
            return transport.isEmpty() ? null : transport;
        }
        if (!fuzzCase.rawPath().startsWith("/_emulator")) {
            return null; // a broken prefix takes the request to the API on the port, which its own target checks
        }
        if (response.status() == 500) {
            return "the control API fails with a 500";
        }
        if (response.status() < 400) {
            return Oracles.successBody(response, JSON_UTF8);
        }
        if (!response.contentType().equals(JSON_UTF8)) {
            return "content type " + response.contentType() + ", the control API's errors are " + JSON_UTF8;
        }
        boolean shaped = fuzzCase.method().equals("HEAD") || Oracles.json(response).size() == 1
                && Oracles.json(response).path("error").isTextual();
        return shaped ? null : "not the control API's error shape {\"error\":\"...\"}";
    }
}
