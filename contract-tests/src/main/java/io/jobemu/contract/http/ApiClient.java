package io.jobemu.contract.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Sends requests to one base URL over HTTP/1.1, never following redirects (a 308 is an answer to check, not a
 * hop). Holds the current Authorization value; a request that sets its own Authorization header wins, and an
 * empty one means "send none".
 */
public final class ApiClient {

    public static final String AUTHORIZATION = "Authorization";

    private final URI baseUrl;
    private final Duration requestTimeout;
    private final HttpClient http;
    private volatile String authorization;

    public ApiClient(URI baseUrl, Duration requestTimeout) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The Authorization header value sent from now on (null for none). */
    public void authorization(String value) {
        this.authorization = value;
    }

    public String authorization() {
        return authorization;
    }

    public URI uriOf(Request request) {
        return URI.create(baseUrl + request.pathAndQuery());
    }

    /** Headers as they go on the wire, without the multipart boundary. */
    public Map<String, String> effectiveHeaders(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put(AUTHORIZATION, authorization);
        }
        request.headers().forEach((name, value) -> {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            if (!value.isEmpty()) {
                headers.put(name, value);
            }
        });
        return headers;
    }

    public Exchange send(Request request) throws IOException, InterruptedException {
        URI uri = uriOf(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout);
        effectiveHeaders(request).forEach(builder::header);
        HttpRequest.BodyPublisher body;
        if (request.isMultipart()) {
            String boundary = "jobemu-contract-" + UUID.randomUUID();
            builder.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = HttpRequest.BodyPublishers.ofByteArray(multipart(request.parts(), boundary));
        } else if (request.body() != null) {
            body = HttpRequest.BodyPublishers.ofByteArray(request.body());
        } else {
            body = HttpRequest.BodyPublishers.noBody();
        }
        builder.method(request.method(), body);
        long start = System.nanoTime();
        HttpResponse<byte[]> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return new Exchange(request, uri, new Response(answer.statusCode(), headers, answer.body()), elapsed);
    }

    private static byte[] multipart(List<Part> parts, String boundary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
            if (part.isFile()) {
                head.append("; filename=\"").append(part.fileName()).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(part.content());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
