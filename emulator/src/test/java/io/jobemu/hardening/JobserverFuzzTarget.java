package io.jobemu.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.jobserver.JobserverApi;
import io.jobemu.testing.TestHttp;
import io.jobemu.testing.TestJars;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * spark-jobserver under fuzz. Its errors are either its own JSON ({@code {"status":..., "result":...}}, labelled
 * {@code application/json}) or akka-http's plain-text rejections, each text with its own status.
 */
final class JobserverFuzzTarget extends EmulatedApiFuzzTarget {

    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String JSON = "application/json";
    private static final Set<String> AKKA_METHODS =
            Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT");
    private static final Set<String> TRUTHY = Set.of("true", "yes", "on", "1");

    /** akka-http's plain-text answers, by status. */
    private static final Map<Integer, Predicate<String>> AKKA_TEXTS = Map.of(
            400, text -> text.startsWith("The query parameter '") && text.contains("' was malformed:\n"),
            401, text -> text.equals("The resource requires authentication, which was not supplied with the request")
                    || text.equals("The supplied authentication is invalid"),
            403, text -> text.equals("The supplied authentication is not authorized to access this resource"),
            404, text -> text.equals("The requested resource could not be found.")
                    || text.startsWith("Request is missing required query parameter '"),
            405, text -> text.startsWith("HTTP method not allowed, supported methods: "),
            413, text -> text.startsWith("The request content was malformed:\nEntityStreamSizeException"),
            500, text -> text.equals("There was an internal server error."),
            501, text -> text.equals("Unsupported HTTP method")
                    || text.startsWith("The server either does not recognize the request method"));

    /**
     * The exceptions the real {@code POST /jobs} answers with a 500 rather than a 400: a callback URL that is not
     * http(s) or not a URI, a timeout that is not positive, a class path entry that is no URI, an ad-hoc context
     * that fails to start (notes section 3.3).
     */
    private static final Set<String> JOB_SUBMISSION_500_CLASSES = Set.of("java.lang.IllegalArgumentException",
            "akka.http.scaladsl.model.IllegalUriException", "java.net.URISyntaxException",
            "java.lang.RuntimeException");

    /**
     * Typesafe Config parses recursively: a config nested deeper than this overflows the stack in the real server as
     * in the emulator, and the failure is no ConfigException that the submission route answers with a 400.
     */
    private static final int DEEPEST_PARSED_CONFIG = 1000;

    private final Map<String, List<String>> pathValues = new ConcurrentHashMap<>();

    JobserverFuzzTarget(JobserverApi api, String baseUrl) {
        super(api, baseUrl, "specs/spark-jobserver.yaml");
    }

    /** A binary, a context, a running and a failed job, and a data file. */
    @Override
    public void prepare(TestHttp http) {
        http.send("POST", "/binaries/demo", TestJars.withMainClass("example.Job"), "application/java-archive");
        http.post("/contexts/fuzzctx", "");
        String running = http.send("POST", "/jobs?cp=demo&mainClass=spark.jobserver.LongPiJob", new byte[0],
                "text/plain").json().path("jobId").asText();
        String failed = http.send("POST", "/jobs?cp=demo&mainClass=spark.jobserver.MyErrorJob", new byte[0],
                "text/plain").json().path("jobId").asText();
        String file = http.send("POST", "/data/fuzzdata", "some data".getBytes(StandardCharsets.UTF_8),
                "application/octet-stream").json().path("result").path("filename").asText();
        pathValues.putAll(Map.of(
                "appName", List.of("demo", "nope"),
                "contextName", List.of("fuzzctx", "nope", "1bad"),
                "jobId", List.of(running, failed, "00000000-0000-0000-0000-000000000000"),
                "filename", List.of(URLEncoder.encode(file, StandardCharsets.UTF_8), "nope")));
    }

    @Override
    public List<String> validPathValues(String parameter) {
        return pathValues.getOrDefault(parameter, List.of());
    }

    @Override
    public Body validBody(String operation) {
        return switch (operation) {
            case "POST /binaries/{appName}" -> new Body("application/java-archive",
                    TestJars.withMainClass("example.Job"));
            case "POST /jobs" -> new Body("text/plain", "input.string = a b c".getBytes(StandardCharsets.UTF_8));
            case "POST /data/{filename}" -> new Body("application/octet-stream", "data".getBytes());
            default -> null;
        };
    }

    /** A synchronous job holds its request until it ends on the (stopped) clock; a callback would call out. */
    @Override
    public boolean leavesOut(String operation, String name, String value) {
        return name.equals("sync") && TRUTHY.contains(value.toLowerCase(Locale.ROOT))
                || name.equals("callbackUrl") && value.toLowerCase(Locale.ROOT).startsWith("http");
    }

    /** Binaries, active contexts, every job with its state, and data files. */
    @Override
    public String snapshot(TestHttp http) {
        StringBuilder state = new StringBuilder("binaries=").append(http.get("/binaries").body())
                .append(" contexts=").append(http.get("/contexts").body()).append(" jobs=");
        http.get("/jobs?limit=100000").json().forEach(job -> state.append(job.path("jobId").asText()).append(':')
                .append(job.path("status").asText()).append(' '));
        return state.append(" data=").append(http.get("/data").body()).toString();
    }

    @Override
    public String violation(FuzzCase fuzzCase, RawHttp.Response response) {
        String transport = Oracles.transport(fuzzCase, response);
        if (transport != null) {
            return transport.isEmpty() ? null : transport;
        }
        int status = response.status();
        if (!AKKA_METHODS.contains(fuzzCase.method())) {
            return status == 501 && response.text().equals("Unsupported HTTP method") ? null
                    : "akka's parser answers 501 to a method it does not know";
        }
        if (status < 400) {
            return Set.of(JSON, "").contains(response.contentType()) ? null
                    : "a success with content type " + response.contentType();
        }
        if (response.contentType().equals(TEXT)) {
            Predicate<String> expected = AKKA_TEXTS.get(status);
            if (expected == null || !expected.test(response.text()) && !fuzzCase.method().equals("HEAD")) {
                return "not akka's text for " + status;
            }
            return status == 500 && !isContextCreation(fuzzCase) && !(isJobSubmission(fuzzCase)
                    && Oracles.nestingDepth(fuzzCase.request().body()) > DEEPEST_PARSED_CONFIG)
                    ? "akka's plain 500 only answers a config it cannot read where no route catches the failure"
                    : null;
        }
        if (!response.contentType().equals(JSON)) {
            return "content type " + response.contentType() + ", neither akka's text nor the server's JSON";
        }
        if (fuzzCase.method().equals("HEAD")) {
            return null;
        }
        JsonNode body = Oracles.json(response);
        if (!body.path("status").isTextual() || !(body.path("result").isTextual() || isError(body.path("result")))) {
            return "not the server's error shape {\"status\":...,\"result\":...}";
        }
        return status == 500 ? legitimate500(fuzzCase, body) : null;
    }

    /** A refused submission whose job failed validation is stored as ERROR, as in the real server. */
    @Override
    public boolean refusalMayStore(FuzzCase fuzzCase, RawHttp.Response response) {
        return isJobSubmission(fuzzCase) && Oracles.json(response).path("status").asText().equals("VALIDATION FAILED");
    }

    private String legitimate500(FuzzCase fuzzCase, JsonNode body) {
        String label = body.path("status").asText();
        JsonNode result = body.path("result");
        boolean legitimate = isJobSubmission(fuzzCase) && label.equals("ERROR")
                        && JOB_SUBMISSION_500_CLASSES.contains(result.path("errorClass").asText())
                || isContextCreation(fuzzCase) && label.equals("CONTEXT INIT ERROR")
                // PUT /contexts with a reset other than "reboot"
                || effectiveMethod(fuzzCase).equals("PUT") && fuzzCase.rawPath().startsWith("/contexts")
                        && label.equals("ERROR") && result.asText().equals("ERROR");
        return legitimate ? null : "a 500 the real server does not give";
    }

    private static boolean isError(JsonNode result) {
        return result.isObject() && result.has("message") && result.path("errorClass").isTextual()
                && result.path("stack").isTextual();
    }

    private static boolean isJobSubmission(FuzzCase fuzzCase) {
        return effectiveMethod(fuzzCase).equals("POST") && fuzzCase.rawPath().startsWith("/jobs");
    }

    private static boolean isContextCreation(FuzzCase fuzzCase) {
        return effectiveMethod(fuzzCase).equals("POST") && fuzzCase.rawPath().startsWith("/contexts/");
    }

    /** The method after akka's {@code _method} override. */
    private static String effectiveMethod(FuzzCase fuzzCase) {
        return fuzzCase.queryValue("_method").map(m -> m.toUpperCase(Locale.ROOT)).orElse(fuzzCase.method());
    }
}
