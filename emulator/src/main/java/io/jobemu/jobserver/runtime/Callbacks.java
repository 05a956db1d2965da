package io.jobemu.jobserver.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts a finished job's outcome to its {@code callbackUrl}, best effort, as the real server does: up to five
 * attempts, ten seconds apart on the emulator clock, a status of 400 or more counting as a failure. Sending never
 * blocks: each attempt is an asynchronous request started by a clock event.
 */
final class Callbacks {

    private static final int ATTEMPTS = 5;
    private static final Duration RETRY_DELAY = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final EmulatorClock clock;

    /**
     * Built on the first callback, not per namespace: building one sets up TLS and costs ~100 ms of every start,
     * while few jobs name a callback URL. The JVM's class initialisation makes the first use thread-safe.
     */
    private static final class SharedClient {
        static final HttpClient INSTANCE = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    }

    Callbacks(EmulatorClock clock) {
        this.clock = clock;
    }

    void post(URI url, ObjectNode body) {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job outcome is always serializable", e);
        }
        clock.schedule(Duration.ZERO, () -> attempt(url, json, 1));
    }

    private void attempt(URI url, byte[] json, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        HttpClient client = SharedClient.INSTANCE;
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            boolean failed = error != null || response.statusCode() >= 400;
            if (failed && attempt < ATTEMPTS) {
                clock.schedule(RETRY_DELAY, () -> attempt(url, json, attempt + 1));
            }
        });
    }
}
