package io.jobemu.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.Namespaces;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestHttp;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One soak client's view of one API in one namespace, chosen by path prefix or by header (clients use both), that
 * counts every request it makes so the journal can be checked against it.
 */
final class SoakClient {

    /** How many clock steps a client waits for a state before it calls the emulator stuck. */
    private static final int MAX_POLLS = 400;

    private final TestHttp http;
    private final String[] headers;
    private final AtomicInteger requests;

    /**
     * @param requests counts the requests of every client of the namespace
     */
    SoakClient(String apiUrl, String namespace, boolean byHeader, AtomicInteger requests) {
        boolean isDefault = namespace.equals(Namespaces.DEFAULT);
        this.http = new TestHttp(byHeader || isDefault ? apiUrl : apiUrl + Namespaces.PATH_PREFIX + namespace);
        this.headers = byHeader && !isDefault ? new String[] {Namespaces.HEADER, namespace} : new String[0];
        this.requests = requests;
    }

    HttpResult get(String path, String... extraHeaders) {
        return send("GET", path, null, null, extraHeaders);
    }

    HttpResult post(String path, String json, String... extraHeaders) {
        return send("POST", path, json == null ? null : json.getBytes(UTF_8), "application/json", extraHeaders);
    }

    HttpResult put(String path, String json) {
        return send("PUT", path, json.getBytes(UTF_8), "application/json");
    }

    HttpResult patch(String path) {
        return send("PATCH", path, null, null);
    }

    HttpResult delete(String path, String... extraHeaders) {
        return send("DELETE", path, null, null, extraHeaders);
    }

    /** A multipart/form-data POST: {@code fields} as name/value pairs, then one file part. */
    HttpResult upload(String path, List<String[]> fields, String fileField, String fileName, byte[] file,
                      String... extraHeaders) {
        String boundary = "soak-boundary";
        byte[] body = FuzzInputs.multipart(boundary, fields, fileField, fileName, file);
        return send("POST", path, body, "multipart/form-data; boundary=" + boundary, extraHeaders);
    }

    HttpResult send(String method, String path, byte[] body, String contentType, String... extraHeaders) {
        String[] all = new String[headers.length + extraHeaders.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(extraHeaders, 0, all, headers.length, extraHeaders.length);
        requests.incrementAndGet();
        return http.send(method, path, body, contentType, all);
    }

    /** Moves the namespace's clock; other clients of the namespace do the same, concurrently. */
    HttpResult advance(String duration) {
        return expect(post("/_emulator/clock/advance?by=" + duration, null), 200);
    }

    /** Reads {@code path} until {@code done} holds for its JSON, advancing the clock by 200 ms between reads. */
    JsonNode awaitJson(String path, Predicate<JsonNode> done, String... extraHeaders) {
        JsonNode node = null;
        for (int i = 0; i < MAX_POLLS; i++) {
            node = expect(get(path, extraHeaders), 200).json();
            if (done.test(node)) {
                return node;
            }
            advance("PT0.2S");
        }
        throw new AssertionError("GET " + path + " never reached the awaited state; last answer " + node);
    }

    /** The result, when its status is one of {@code statuses}; else an error naming both. */
    static HttpResult expect(HttpResult result, int... statuses) {
        for (int status : statuses) {
            if (result.status() == status) {
                return result;
            }
        }
        throw new AssertionError("expected status " + Arrays.toString(statuses) + ", got "
                + result.status() + ": " + RawHttp.abbreviate(result.body(), 500));
    }
}
