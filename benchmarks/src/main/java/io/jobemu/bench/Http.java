package io.jobemu.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keep-alive HTTP/1.1 client for driving the servers under test; every call is bounded by a timeout. Its work runs
 * on the threads that already hold it (the caller and the client's selector), not on a pool: the default pool's
 * hand-over cost about 0.1 ms a request here, as much as the emulator takes to answer one.
 */
final class Http {

    /** A status and body; {@link #field} and {@link #number} read the first field of that name, all the JSON needed. */
    record Reply(int status, String body) {

        private static final Map<String, Pattern> TEXT_FIELDS = new ConcurrentHashMap<>();
        private static final Map<String, Pattern> NUMBER_FIELDS = new ConcurrentHashMap<>();

        String field(String name) {
            Matcher matcher = TEXT_FIELDS.computeIfAbsent(name,
                    n -> Pattern.compile("\"" + Pattern.quote(n) + "\"\\s*:\\s*\"([^\"]*)\"")).matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("no \"" + name + "\" in " + abbreviated());
            }
            return matcher.group(1);
        }

        long number(String name) {
            Matcher matcher = NUMBER_FIELDS.computeIfAbsent(name,
                    n -> Pattern.compile("\"" + Pattern.quote(n) + "\"\\s*:\\s*(-?\\d+)")).matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("no number \"" + name + "\" in " + abbreviated());
            }
            return Long.parseLong(matcher.group(1));
        }

        /** How often {@code text} occurs in the body. */
        int occurrences(String text) {
            int count = 0;
            for (int at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + text.length())) {
                count++;
            }
            return count;
        }

        Reply expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected HTTP " + expected + ", got " + status + ": "
                        + abbreviated());
            }
            return this;
        }

        private String abbreviated() {
            return body.length() > 300 ? body.substring(0, 300) + "..." : body;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String BOUNDARY = "jobemu-bench-boundary";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Runnable::run)
            .build();

    Reply get(String url) {
        return send(request(url).GET());
    }

    Reply post(String url, String json) {
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String url, String json) {
        return send(request(url).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patch(String url) {
        return send(request(url).method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    Reply delete(String url) {
        return send(request(url).DELETE());
    }

    /** {@code POST} of one file as {@code multipart/form-data}, field {@code jarfile}, as {@code curl -F} sends it. */
    Reply upload(String url, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(url).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** True when {@code url} answers 200 now; false when nothing listens yet or it answers anything else. */
    boolean answers(String url) {
        try {
            return client.send(request(url).timeout(Duration.ofSeconds(1)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
