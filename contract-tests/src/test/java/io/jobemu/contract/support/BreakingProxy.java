package io.jobemu.contract.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A deliberately broken copy of a server: forwards every request to the real thing and passes the answer back,
 * except that the answers to requests matching a {@link Break} are altered on the way. With no breaks it must be
 * indistinguishable from the server behind it.
 */
public final class BreakingProxy implements AutoCloseable {

    static {
        // without it every small answer waits for the client's delayed ACK (about 40 ms a request)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding",
            "host", "expect", "upgrade", "keep-alive");

    /** An answer on its way back; breaks replace it with an altered copy. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public Answer withStatus(int newStatus) {
            return new Answer(newStatus, headers, body);
        }

        public Answer withBody(String text) {
            return new Answer(status, headers, text.getBytes(StandardCharsets.UTF_8));
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name.toLowerCase(Locale.ROOT), value);
            return new Answer(status, copy, body);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Alters the answers to one method and path (a regular expression over the raw path). */
    public record Break(String method, Pattern path, UnaryOperator<Answer> change) {

        public static Break of(String method, String pathRegex, UnaryOperator<Answer> change) {
            return new Break(method, Pattern.compile(pathRegex), change);
        }
    }

    private final URI target;
    private final List<Break> breaks;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private BreakingProxy(URI target, List<Break> breaks) throws IOException {
        this.target = target;
        this.breaks = List.copyOf(breaks);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static BreakingProxy in(String targetUrl, Break... breaks) throws IOException {
        return new BreakingProxy(URI.create(targetUrl), List.of(breaks));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer = forward(exchange);
            String path = exchange.getRequestURI().getRawPath();
            for (Break broken : breaks) {
                if (broken.method().equals(exchange.getRequestMethod()) && broken.path().matcher(path).matches()) {
                    answer = broken.change().apply(answer);
                }
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer forward(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values));
            }
        });
        return new Answer(response.statusCode(), headers, response.body());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
