package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.streamkap.StreamkapApi;
import io.jobemu.streamkap.StreamkapCredentials;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestHttp;
import io.jobemu.testing.TestJars;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Streamkap (a FastAPI service) under fuzz, signed in. Its errors are FastAPI's: {@code {"detail": "..."}} or, for
 * request validation, {@code {"detail": [ ... ]}}, as {@code application/json}; redirects for a trailing slash;
 * its specification declares no 500 anywhere.
 */
final class StreamkapFuzzTarget extends EmulatedApiFuzzTarget {

    private static final String JSON = "application/json";
    private static final String BOUNDARY = "fuzz-streamkap";
    private static final String MAIN_CLASS = "com.example.FuzzStream";
    /** What the specification declares, plus 405 and 413, which FastAPI and the emulator's jar store answer. */
    private static final Set<Integer> ERROR_STATUSES = Set.of(400, 401, 404, 405, 409, 413, 422);

    private final Map<String, List<String>> pathValues = new ConcurrentHashMap<>();
    private volatile List<String[]> headers = List.of();

    StreamkapFuzzTarget(StreamkapApi api, String baseUrl) {
        super(api, baseUrl, "specs/streamkap.yaml");
    }

    /** Signs in and deploys a job, which the fuzz's valid job ids name. */
    @Override
    public void prepare(TestHttp http) {
        String token = http.post("/auth/access-token", credentials()).json().path("accessToken").asText();
        headers = List.<String[]>of(new String[] {"Authorization", "Bearer " + token});
        Body jar = validBody("POST /flink_jobs/jar");
        String job = http.send("POST", "/flink_jobs/jar", jar.bytes(), jar.contentType(), headers.get(0)).json()
                .path("_id").asText();
        pathValues.put("job_id", List.of(job, "0".repeat(24), "nope"));
    }

    @Override
    public List<String[]> headers() {
        return headers;
    }

    @Override
    public List<String> validPathValues(String parameter) {
        return pathValues.getOrDefault(parameter, List.of());
    }

    @Override
    public Body validBody(String operation) {
        return switch (operation) {
            case "POST /auth/access-token" -> new Body(JSON, credentials().getBytes(UTF_8));
            case "POST /auth/access-token/refresh" -> new Body(JSON, "{\"refresh_token\":\"x\"}".getBytes(UTF_8));
            case "POST /flink_jobs/jar" -> new Body("multipart/form-data; boundary=" + BOUNDARY,
                    FuzzInputs.multipart(BOUNDARY, List.of(new String[] {"name", "fuzz"},
                            new String[] {"main_class", MAIN_CLASS}), "jar_file", "job.jar",
                            TestJars.withMainClass(MAIN_CLASS)));
            case "POST /flink_jobs/pyflink" -> new Body("multipart/form-data; boundary=" + BOUNDARY,
                    FuzzInputs.multipart(BOUNDARY, List.<String[]>of(new String[] {"name", "fuzz"}), "python_file",
                            "job.py", "print('x')".getBytes(UTF_8)));
            default -> null;
        };
    }

    /** Jobs with their states, and the access tokens issued. */
    @Override
    public String snapshot(TestHttp http) {
        StringBuilder state = new StringBuilder("jobs=");
        HttpResult jobs = http.send("GET", "/flink_jobs?page_size=100", null, null, headers.get(0));
        jobs.json().path("result").forEach(job -> state.append(job.path("_id").asText()).append(':')
                .append(job.path("status").asText()).append(' '));
        state.append(" total=").append(jobs.json().path("total").asInt());
        return state.append(" tokens=").append(http.get("/_emulator/streamkap/tokens").json().path("tokens").size())
                .toString();
    }

    @Override
    public String violation(FuzzCase fuzzCase, RawHttp.Response response) {
        String transport = Oracles.transport(fuzzCase, response);
        if (transport != null) {
            return transport.isEmpty() ? null : transport;
        }
        int status = response.status();
        if (status == 307) {
            return response.header("location") != null ? null : "a redirect without a location";
        }
        if (status < 300) {
            return Oracles.successBody(response, JSON);
        }
        if (!ERROR_STATUSES.contains(status)) {
            return "a status the specification does not declare: " + status;
        }
        if (!response.contentType().equals(JSON)) {
            return "content type " + response.contentType() + ", FastAPI's errors are " + JSON;
        }
        if (fuzzCase.method().equals("HEAD")) {
            return null;
        }
        JsonNode body = Oracles.json(response);
        JsonNode detail = body.path("detail");
        boolean shaped = body.size() == 1 && (detail.isTextual() || status == 422 && detail.isArray()
                && !detail.isEmpty() && detail.path(0).has("loc") && detail.path(0).has("msg"));
        return shaped ? null : "not FastAPI's error shape {\"detail\": ...}";
    }

    private static String credentials() {
        return "{\"client_id\":\"" + StreamkapCredentials.DEFAULT.clientId() + "\",\"secret\":\""
                + StreamkapCredentials.DEFAULT.secret() + "\"}";
    }
}
