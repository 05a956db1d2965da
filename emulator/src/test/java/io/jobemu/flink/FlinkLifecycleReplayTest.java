package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.http.Json;
import io.jobemu.flink.jobs.BehaviourRegistry;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays a realistic client session (upload, run, poll, savepoint, cancel, and the usual errors) and compares
 * every answer with what a real Flink 2.3.0 JobManager answered to the same request, recorded in
 * {@code flink-2.3.0/lifecycle.json}: the status code, the JSON shape (every key path with its value type, in
 * order) and the first line of each error, with ids and paths normalised.
 */
class FlinkLifecycleReplayTest extends EmulatorTest {

    private static final String MAIN = "refjob.Unbounded";
    private JsonNode real;

    @BeforeEach
    void loadRecording() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/flink-2.3.0/lifecycle.json")) {
            real = Json.MAPPER.readTree(in);
        }
        BehaviourRegistry behaviours = emulator.flink().cluster().behaviours();
        behaviours.setForEntryClass("refjob.Bounded", new JobBehaviour(JobBehaviour.Outcome.FINISH,
                Duration.ofMillis(300), null, 0, null, null, null, null));
        behaviours.setForEntryClass("refjob.Failing", new JobBehaviour(JobBehaviour.Outcome.FAIL,
                Duration.ofMillis(200), new JobBehaviour.JobException("java.lang.IllegalStateException",
                        "boom at record 500"), 1, null, null, null, null));
    }

    @Test
    void aStreamingJobsWholeLifeLooksLikeTheRealServers() {
        String upload = matches("upload", flink.upload("/jars/upload", "jarfile", "refjob.jar",
                TestJars.withMainClass(MAIN))).json().path("filename").asText();
        String jarId = upload.substring(upload.lastIndexOf('/') + 1);
        matches("jars", flink.get("/jars"));

        String jobId = matches("run", flink.post("/jars/" + jarId + "/run", "")).json().path("jobid").asText();
        advance(Duration.ofSeconds(1));
        matches("overview", flink.get("/jobs/overview"));
        matches("details-running", flink.get("/jobs/" + jobId));
        matches("status-running", flink.get("/jobs/" + jobId + "/status"));

        String trigger = matches("savepoint-trigger", flink.post("/jobs/" + jobId + "/savepoints", ""))
                .json().path("request-id").asText();
        matches("savepoint-in-progress", flink.get("/jobs/" + jobId + "/savepoints/" + trigger));
        advance(Duration.ofSeconds(1));
        matches("savepoint-completed", flink.get("/jobs/" + jobId + "/savepoints/" + trigger));
        matches("unknown-trigger", flink.get("/jobs/" + jobId + "/savepoints/" + "0".repeat(32)));

        matches("cancel", flink.patch("/jobs/" + jobId));
        advance(Duration.ofSeconds(1));
        matches("details-canceled", flink.get("/jobs/" + jobId));
        matches("execution-result-canceled", flink.get("/jobs/" + jobId + "/execution-result"));
    }

    @Test
    void errorsLookLikeTheRealServers() {
        matches("unknown-job", flink.get("/jobs/" + "0".repeat(32)));
        matches("malformed-job-id", flink.get("/jobs/nothex"));
        matches("run-unknown-jar", flink.post("/jars/nope_x.jar/run", ""));

        String upload = flink.upload("/jars/upload", "jarfile", "refjob.jar", TestJars.withMainClass(MAIN,
                "refjob.Bounded", "refjob.Failing")).json().path("filename").asText();
        String jarId = upload.substring(upload.lastIndexOf('/') + 1);
        String bounded = flink.post("/jars/" + jarId + "/run", "{\"entryClass\":\"refjob.Bounded\"}").json()
                .path("jobid").asText();
        advance(Duration.ofSeconds(5));
        matches("cancel-finished", flink.patch("/jobs/" + bounded + "?mode=cancel"));

        String failing = flink.post("/jars/" + jarId + "/run", "{\"entryClass\":\"refjob.Failing\"}").json()
                .path("jobid").asText();
        advance(Duration.ofMinutes(1));
        matches("exceptions-failed", flink.get("/jobs/" + failing + "/exceptions"));
    }

    /** Asserts the emulator's answer has the recorded status, shape and error first lines; returns it. */
    private HttpResult matches(String step, HttpResult actual) {
        JsonNode recorded = real.path(step);
        assertThat(actual.status()).as(step + " status").isEqualTo(recorded.path("status").asInt());
        JsonNode body = actual.json();
        assertThat(shape(body)).as(step + " shape").isEqualTo(shape(recorded.path("body")));
        if (body.has("errors")) {
            assertThat(normalised(firstLines(body))).as(step + " errors")
                    .isEqualTo(normalised(firstLines(recorded.path("body"))));
        }
        return actual;
    }

    /** Every key path with its value type; array elements are merged, so lists of any length compare. */
    private static Set<String> shape(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        paths.add(path + ":" + node.getNodeType());
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), path + "." + field.getKey(), paths);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, path + "[]", paths));
        }
    }

    private static String firstLines(JsonNode body) {
        StringBuilder lines = new StringBuilder();
        body.path("errors").forEach(error -> {
            String text = error.asText();
            lines.append(text.lines().limit(text.startsWith("<Exception") ? 2 : 1)
                    .reduce((a, b) -> a + "\n" + b).orElse("")).append('\n');
        });
        return lines.toString();
    }

    /** Ids, jar file names and absolute paths differ between any two servers. */
    private static String normalised(String text) {
        return text.replaceAll("[0-9a-f]{32}", "<id>")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("/\\S*/flink-web-upload/", "<upload-dir>/");
    }
}
