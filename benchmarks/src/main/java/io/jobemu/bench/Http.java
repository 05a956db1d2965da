package io.jobemu.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keep-alive HTTP/1.1 client for driving the servers under test; every call is bounded by a timeout. It is the
 * JDK's {@link HttpURLConnection}, which sends and reads on the calling thread and reuses idle connections:
 * {@code java.net.http.HttpClient} hands every response over from its selector thread, which cost about 0.1 ms a
 * request here, as much as the emulator takes to answer one.
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

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String BOUNDARY = "jobemu-bench-boundary";
    private static final String JSON = "application/json";
    private static final Field METHOD_FIELD = methodField();

    Reply get(String url) {
        return send("GET", url, null, null, TIMEOUT);
    }

    Reply post(String url, String json) {
        return send("POST", url, JSON, json.getBytes(StandardCharsets.UTF_8), TIMEOUT);
    }

    Reply put(String url, String json) {
        return send("PUT", url, JSON, json.getBytes(StandardCharsets.UTF_8), TIMEOUT);
    }

    Reply patch(String url) {
        return send("PATCH", url, null, null, TIMEOUT);
    }

    Reply delete(String url) {
        return send("DELETE", url, null, null, TIMEOUT);
    }

    /** {@code POST} of one file as {@code multipart/form-data}, field {@code jarfile}, as {@code curl -F} sends it. */
    Reply upload(String url, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", url, "multipart/form-data; boundary=" + BOUNDARY, body.toByteArray(), TIMEOUT);
    }

    /** True when {@code url} answers 200 now; false when nothing listens yet or it answers anything else. */
    boolean answers(String url) {
        try {
            return exchange("GET", url, null, null, Duration.ofSeconds(1)).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static Reply send(String method, String url, String contentType, byte[] body, Duration timeout) {
        try {
            return exchange(method, url, contentType, body, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One request; the body is buffered, not streamed, so that headers and body leave in one write (streamed, the
     * server waits for the body in a second packet). Reading the whole answer hands the connection back for reuse.
     */
    private static Reply exchange(String method, String url, String contentType, byte[] body, Duration timeout)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) timeout.toMillis());
        connection.setInstanceFollowRedirects(false);
        setMethod(connection, method);
        if (contentType != null) {
            connection.setRequestProperty("Content-Type", contentType);
        }
        if (body != null) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * {@link HttpURLConnection#setRequestMethod} refuses PATCH (Flink's cancel), though the connection sends
     * whatever its method field holds; run.sh opens {@code java.net} to the harness for this.
     */
    private static void setMethod(HttpURLConnection connection, String method) throws IOException {
        if (!method.equals("PATCH")) {
            connection.setRequestMethod(method);
            return;
        }
        try {
            METHOD_FIELD.set(connection, method);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field methodField() {
        try {
            Field method = HttpURLConnection.class.getDeclaredField("method");
            method.setAccessible(true);
            return method;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
