package io.jobemu.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.flink.FlinkApi;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestHttp;
import io.jobemu.testing.TestJars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The Flink REST API under fuzz. Its errors are {@code {"errors":[...]}} with the JSON content type, the CORS header
 * except from the static-file and upload handlers, and only the statuses the captures show.
 */
final class FlinkFuzzTarget extends EmulatedApiFuzzTarget {

    private static final String ENTRY_CLASS = "com.example.FuzzJob";
    private static final String ZERO_ID = "0".repeat(32);
    private static final String JSON_UTF8 = "application/json; charset=UTF-8";
    /** Every status the real server was seen to answer with an error body. */
    private static final Set<Integer> ERROR_STATUSES = Set.of(308, 400, 404, 409, 413, 500, 503);
    /** Messages of Flink's FileUploadHandler and static-file handler, which send no CORS header. */
    private static final Set<String> UPLOAD_HANDLER_MESSAGES = Set.of("POST request not allowed",
            "File upload not allowed", "File upload failed.");

    /**
     * Where the real server answers 500, by operation, with the exception its detail must name: anything else in a
     * 500 is an emulator failure. Each is the real server's behaviour (captures #16, #38, #77-80, #100-106, #121,
     * #154, #204, #216, #254), not a choice of the emulator's.
     */
    static final Map<String, Pattern> LEGITIMATE_500S = Map.ofEntries(
            // the resource manager's UnknownTaskExecutorException is let through (#16)
            Map.entry("GET /taskmanagers/{taskmanagerid}", Pattern.compile("UnknownTaskExecutorException")),
            Map.entry("GET /taskmanagers/{taskmanagerid}/thread-dump", Pattern.compile("UnknownTaskExecutorException")),
            // an unknown application fails the dispatcher lookup (#38)
            Map.entry("GET /applications/{applicationid}", Pattern.compile("ApplicationNotFoundException")),
            Map.entry("GET /applications/{applicationid}/exceptions", Pattern.compile("ApplicationNotFoundException")),
            // jar plan/run: a missing jar or entry class fails in a CompletionException Flink does not unwrap
            // (#77-80, #100-106, #121, #358-359); a plan whose main() throws too
            Map.entry("GET /jars/{jarid}/plan", Pattern.compile("CompletionException|ProgramInvocationException")),
            Map.entry("POST /jars/{jarid}/plan", Pattern.compile("CompletionException|ProgramInvocationException")),
            Map.entry("POST /jars/{jarid}/run", Pattern.compile("CompletionException")),
            Map.entry("POST /jars/{jarid}/run-application", Pattern.compile("CompletionException")),
            // the JobMaster gateway lookup of an unknown job (#204, #216) and the default scheduler (#154)
            Map.entry("GET /jobs/{jobid}/status", Pattern.compile("FlinkJobNotFoundException")),
            Map.entry("GET /jobs/{jobid}/resource-requirements",
                    Pattern.compile("FlinkJobNotFoundException|UnsupportedOperationException: The DefaultScheduler")),
            Map.entry("PUT /jobs/{jobid}/resource-requirements",
                    Pattern.compile("FlinkJobNotFoundException|UnsupportedOperationException: The DefaultScheduler")),
            // and the JobMaster deserializing a coordination request that is absent or not a serialization stream
            Map.entry("POST /jobs/{jobid}/coordinators/{operatorid}", Pattern.compile(
                    "FlinkJobNotFoundException|NullPointerException|java.io.EOFException|java.io.StreamCorruptedException")),
            // an explicitly incremental checkpoint (#254)
            Map.entry("POST /jobs/{jobid}/checkpoints",
                    Pattern.compile("IllegalStateException: Flink does not support triggering incremental")));

    private final RouteMatcher matcher;
    private final Map<String, List<String>> pathValues = new ConcurrentHashMap<>();

    FlinkFuzzTarget(FlinkApi api, String baseUrl) {
        super(api, baseUrl, "specs/flink-rest-v1.yaml");
        this.matcher = new RouteMatcher(api.routes().routes());
    }

    /**
     * A jar, a running job with checkpoints and a completed savepoint, and a cancelled one; ids of the vertices
     * and the task manager. Run before every round, as the fuzz may cancel or delete them.
     */
    @Override
    public void prepare(TestHttp http) {
        String filename = http.upload("/jars/upload", "jarfile", "fuzz.jar", TestJars.withMainClass(ENTRY_CLASS))
                .json().path("filename").asText();
        String jarId = filename.substring(filename.lastIndexOf('/') + 1);
        http.put("/_emulator/flink/behaviours/entry-classes/" + ENTRY_CLASS,
                "{\"outcome\":\"RUN\",\"checkpointInterval\":\"PT1S\"}");
        String running = http.post("/jars/" + jarId + "/run", "{\"parallelism\":2}").json().path("jobid").asText();
        String cancelled = http.post("/jars/" + jarId + "/run", "{}").json().path("jobid").asText();
        http.post("/_emulator/clock/advance?by=PT3S", null);
        http.patch("/jobs/" + cancelled + "?mode=cancel");
        String trigger = http.post("/jobs/" + running + "/savepoints", "{}").json().path("request-id").asText();
        http.post("/_emulator/clock/advance?by=PT2S", null);
        List<String> vertices = new ArrayList<>();
        http.get("/jobs/" + running).json().path("vertices").forEach(v -> vertices.add(v.path("id").asText()));
        vertices.add(ZERO_ID);
        String taskManager = http.get("/taskmanagers").json().path("taskmanagers").path(0).path("id").asText();
        List<String> jobs = List.of(running, cancelled, ZERO_ID);
        pathValues.putAll(Map.ofEntries(
                Map.entry("jobid", jobs), Map.entry("applicationid", jobs), Map.entry("vertexid", vertices),
                Map.entry("triggerid", List.of(trigger, ZERO_ID)), Map.entry("jarid", List.of(jarId, "nope_x.jar")),
                Map.entry("taskmanagerid", List.of(taskManager, "does-not-exist")),
                Map.entry("checkpointid", List.of("1", "2", "99999")), Map.entry("subtaskindex", List.of("0", "1")),
                Map.entry("attempt", List.of("0", "1")), Map.entry("datasetid", List.of(ZERO_ID)),
                Map.entry("operatorid", List.of(ZERO_ID)),
                Map.entry("rescaleuuid", List.of("d8433451-3858-443c-9f62-d9cf85650626"))));
    }

    @Override
    public List<String> validPathValues(String parameter) {
        return pathValues.getOrDefault(parameter, List.of());
    }

    @Override
    public Body validBody(String operation) {
        return operation.equals("POST /jars/upload") ? null : new Body("application/json", "{}".getBytes());
    }

    /** Jars, jobs with their states, task managers and behaviours. */
    @Override
    public String snapshot(TestHttp http) {
        StringBuilder state = new StringBuilder("jars=");
        http.get("/jars").json().path("files").forEach(jar -> state.append(jar.path("id").asText()).append(' '));
        state.append(" jobs=");
        http.get("/jobs/overview").json().path("jobs").forEach(job -> state.append(job.path("jid").asText())
                .append(':').append(job.path("state").asText()).append(' '));
        state.append(" taskmanagers=").append(http.get("/taskmanagers").json().path("taskmanagers").size());
        HttpResult behaviours = http.get("/_emulator/flink/behaviours");
        return state.append(" behaviours=").append(behaviours.body()).toString();
    }

    /** A run restoring a savepoint that does not exist answers 400 and leaves a FAILED job, as in Flink. */
    @Override
    public boolean refusalMayStore(FuzzCase fuzzCase, RawHttp.Response response) {
        return fuzzCase.operation() != null && fuzzCase.operation().startsWith("POST /jars/{jarid}/run")
                && response.status() == 400 && Oracles.json(response).path("errors").path(0).asText()
                .contains("Cannot find checkpoint or savepoint file/directory");
    }

    @Override
    public String violation(FuzzCase fuzzCase, RawHttp.Response response) {
        String transport = Oracles.transport(fuzzCase, response);
        if (transport != null) {
            return transport.isEmpty() ? null : transport;
        }
        int status = response.status();
        String bodyRefusal = bodyRefusal(fuzzCase, response);
        if (bodyRefusal != null) {
            return bodyRefusal;
        }
        if (status < 300) {
            return Oracles.successBody(response, JSON_UTF8, "text/html");
        }
        if (!ERROR_STATUSES.contains(status)) {
            return "Flink never answers " + status;
        }
        if (!response.contentType().equals(JSON_UTF8)) {
            return "content type " + response.contentType() + ", Flink's errors are " + JSON_UTF8;
        }
        if (fuzzCase.method().equals("HEAD")) {
            return null;
        }
        JsonNode errors = Oracles.json(response).path("errors");
        if (Oracles.json(response).size() != 1 || !errors.isArray() || errors.isEmpty()
                || !errors.path(0).isTextual()) {
            return "not Flink's error shape {\"errors\":[\"...\"]}";
        }
        String first = errors.path(0).asText();
        boolean withoutCors = first.startsWith("Unable to load requested file ")
                || first.startsWith("Received unknown attribute ") || UPLOAD_HANDLER_MESSAGES.contains(first);
        if (withoutCors != (response.header("access-control-allow-origin") == null)) {
            return withoutCors ? "the static-file and upload handlers send no CORS header"
                    : "Flink's REST handlers send access-control-allow-origin: *";
        }
        return status == 500 ? legitimate500(fuzzCase, errors) : null;
    }

    /**
     * Every Flink REST handler reads the body first (an EmptyRequestBody when the operation takes none): a body that
     * is not JSON fails with 400 before anything else is looked at. JSON {@code null} binds to no request object:
     * after the path parameters resolve (a bad one is the usual 400), the handler request fails with a
     * NullPointerException. Not for multipart POSTs, which the upload handler decodes, nor POST /jobs, which the
     * emulator always refuses.
     */
    private String bodyRefusal(FuzzCase fuzzCase, RawHttp.Response response) {
        String operation = operationOf(fuzzCase);
        String body = fuzzCase.bodyText().trim();
        if (operation == null || operation.equals("POST /jobs") || fuzzCase.isMultipartPost() || body.isEmpty()) {
            return null;
        }
        JsonNode errors = Oracles.json(response).path("errors");
        if (body.equals("null")) {
            boolean badPathParameter = response.status() == 400
                    && errors.path(0).asText().contains("Cannot resolve path parameter");
            return badPathParameter || isNullRequestBody500(errors) ? null
                    : "a JSON null body gets Flink's 400 for a bad path parameter, else its NullPointerException 500";
        }
        if (!Oracles.json(fuzzCase.request().body()).isMissingNode()) {
            return null;
        }
        return response.status() == 400 && errors.path(0).asText().contains("Request did not match expected format ")
                ? null : "a body that is not JSON gets Flink's 400 \"Request did not match expected format ...\"";
    }

    private static boolean isNullRequestBody500(JsonNode errors) {
        return errors.size() == 2 && errors.path(0).asText().equals("Internal server error.")
                && errors.path(1).asText().startsWith("<Exception on server side:\njava.lang.NullPointerException\n");
    }

    private String operationOf(FuzzCase fuzzCase) {
        return matcher.operationOf(fuzzCase.method(), normalise(fuzzCase.rawPath()));
    }

    /** A 500 the real server gives for this request, or why not. */
    private String legitimate500(FuzzCase fuzzCase, JsonNode errors) {
        String first = errors.path(0).asText();
        if (isNullRequestBody500(errors)) {
            // the handler request refuses the missing request object JSON null binds to
            return fuzzCase.bodyText().trim().equals("null") ? null
                    : "a NullPointerException 500 for a body that is not JSON null";
        }
        if (first.equals("File upload failed.")) {
            // FileUploadHandler answers any multipart decoding failure so
            return fuzzCase.isMultipartPost() ? null : "\"File upload failed.\" for a request that is no multipart POST";
        }
        String detail = errors.path(1).asText();
        String operation = operationOf(fuzzCase);
        Pattern expected = operation == null ? null : LEGITIMATE_500S.get(operation);
        if (!first.equals("Internal server error.") || expected == null || !expected.matcher(detail).find()) {
            return "a 500 the real server does not give (operation " + operation + ")";
        }
        return null;
    }

    /**
     * The path as the emulator routes it: an encoded slash separates tokens, repeated slashes and an {@code /v1}
     * prefix do not matter, and Undertow drops {@code ;name=value} path parameters.
     */
    private static String normalise(String rawPath) {
        String path = rawPath.replaceAll("(?i)%2F", "/").replaceAll(";[^/]*", "").replaceAll("/+", "/");
        path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return path.startsWith("/v1/") ? path.substring(3) : path;
    }
}
