package io.jobemu.contract.flinkclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobemu.Emulator;
import io.jobemu.contract.realflink.RealFlinkCluster;
import io.jobemu.contract.support.Emulators;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The two servers Flink's own client is pointed at, side by side: the emulator (realistic timing, wall clock) and a
 * real Flink 2.3.0 MiniCluster in this JVM. Started once for a test class, closed at its end.
 */
final class FlinkTargets implements AutoCloseable {

    static final String EMULATOR = "emulator";
    static final String REAL_FLINK = "real-flink";

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Emulator emulator;
    private final RealFlinkCluster realFlink;

    private FlinkTargets(Emulator emulator, RealFlinkCluster realFlink) {
        this.emulator = emulator;
        this.realFlink = realFlink;
    }

    static FlinkTargets start() throws Exception {
        Emulator emulator = Emulators.realistic();
        try {
            return new FlinkTargets(emulator, RealFlinkCluster.start());
        } catch (Exception e) {
            emulator.close();
            throw e;
        }
    }

    /** The REST address of the target named {@link #EMULATOR} or {@link #REAL_FLINK}. */
    URI address(String target) {
        return URI.create(switch (target) {
            case EMULATOR -> emulator.flinkUrl();
            case REAL_FLINK -> realFlink.baseUrl();
            default -> throw new IllegalArgumentException("no target " + target);
        });
    }

    /** {@code GET path} on the target, which must answer 200; its JSON body. */
    JsonNode get(String target, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(address(target) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A control-API request ({@code /_emulator/...}) to the target; it must answer 200. */
    void control(String target, String method, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(address(target) + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
    }

    /** A savepoint needs every task running, which on a real cluster comes a little after the job's RUNNING. */
    void awaitAllTasksRunning(String target, String jobId) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode vertices = get(target, "/jobs/" + jobId).path("vertices");
            boolean allRunning = !vertices.isEmpty();
            for (JsonNode vertex : vertices) {
                allRunning &= vertex.path("status").asText().equals("RUNNING");
            }
            if (allRunning) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("tasks of " + jobId + " not all RUNNING within " + PATIENCE);
    }

    @Override
    public void close() throws Exception {
        try {
            realFlink.close();
        } finally {
            emulator.close();
        }
    }
}
