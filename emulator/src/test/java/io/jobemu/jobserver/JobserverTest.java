package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Helpers for HTTP-level tests of the emulated spark-jobserver. */
abstract class JobserverTest extends EmulatorTest {

    static final String WORD_COUNT = "spark.jobserver.WordCountExample";
    static final String LONG_PI = "spark.jobserver.LongPiJob";
    static final String ERROR_JOB = "spark.jobserver.MyErrorJob";
    static final String JAR = "application/java-archive";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Uploads a small jar under {@code name}. */
    HttpResult uploadBinary(String name) {
        return jobserver.send("POST", "/binaries/" + name, TestJars.withMainClass("example.Job"), JAR);
    }

    HttpResult postJob(String query, String config) {
        return jobserver.send("POST", "/jobs?" + query, config.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    /** Uploads {@code demo} if needed and starts {@code mainClass} asynchronously; returns the job id. */
    String startJob(String mainClass, String extraQuery, String config) {
        if (jobserver.get("/binaries/demo").status() == 404) {
            assertThat(uploadBinary("demo").status()).isEqualTo(201);
        }
        HttpResult posted = postJob("cp=demo&mainClass=" + mainClass + extraQuery, config);
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        return posted.json().path("jobId").asText();
    }

    HttpResult createContext(String name, String query) {
        return jobserver.post("/contexts/" + name + query, "");
    }

    JsonNode job(String id) {
        return jobserver.get("/jobs/" + id).json();
    }

    void setBehaviour(String mainClass, String behaviourJson) {
        assertThat(jobserver.put("/_emulator/jobserver/behaviours/" + mainClass, behaviourJson).status())
                .isEqualTo(200);
    }

    void updateSettings(String settingsJson) {
        HttpResult result = jobserver.put("/_emulator/jobserver/settings", settingsJson);
        assertThat(result.status()).as(result.body()).isEqualTo(200);
    }

    /** A request with extra headers (TestHttp sends none). */
    /** The Authorization header of Basic authentication. */
    static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    HttpResult request(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(jobserver.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Spins (no sleeping) until {@code condition} holds, failing after ten seconds. */
    static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
