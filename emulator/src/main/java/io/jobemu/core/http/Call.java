package io.jobemu.core.http;

import io.undertow.UndertowMessages;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.server.handlers.form.MultiPartParserDefinition;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The request as handlers see it: path parameters, query, headers, body and multipart form. */
public final class Call {

    /** Undertow's messages for a body that ended before its Content-Length or last chunk. */
    private static final Set<String> PEER_CLOSED_EARLY = Set.of(
            UndertowMessages.MESSAGES.couldNotReadContentLengthData().getMessage(),
            UndertowMessages.MESSAGES.chunkedChannelClosedMidChunk().getMessage());

    /**
     * File parts up to this size stay in memory: a stub jar (the emulator runs no code, so tests upload a manifest
     * and a class or two) then skips a temp file and its move, a quarter of a 6 KB upload. Undertow copies memory
     * parts byte by byte, which costs more than the temp file from about 8 KB on (measured on 2 cores).
     */
    private static final long IN_MEMORY_FILE_PART_BYTES = 8 * 1024;

    /** A body already read: by the listener without blocking before the handler ran, or by {@link #body()}. */
    public static final AttachmentKey<byte[]> RECEIVED_BODY = AttachmentKey.create(byte[].class);

    private final HttpServerExchange exchange;
    private final String requestPath;
    private final String uriPrefix;
    private final long maxBodyBytes;
    private final Path uploadTempDir;
    private byte[] body;
    private FormData form;

    Call(HttpServerExchange exchange, String requestPath, String uriPrefix, long maxBodyBytes, Path uploadTempDir) {
        this.exchange = exchange;
        this.requestPath = requestPath;
        this.uriPrefix = uriPrefix;
        this.maxBodyBytes = maxBodyBytes;
        this.uploadTempDir = uploadTempDir;
    }

    public String method() {
        return exchange.getRequestMethod().toString();
    }

    /** The decoded request path as the client sent it, before any normalisation or alias stripping. */
    public String requestPath() {
        return requestPath;
    }

    /** Path plus query string, undecoded, as sent (what Netty calls the request uri), less any namespace prefix. */
    public String requestUri() {
        String query = exchange.getQueryString();
        String uri = exchange.getRequestURI();
        if (!uriPrefix.isEmpty() && uri.startsWith(uriPrefix)) {
            uri = uri.substring(uriPrefix.length());
        }
        return (uri.isEmpty() ? "/" : uri) + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    public String pathParam(String name) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String value = match == null ? null : match.getParameters().get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter " + name);
        }
        return value;
    }

    /** The names of the matched route's path parameters, in the order its template gives them. */
    public List<String> pathParamNames() {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        List<String> names = new ArrayList<>();
        if (match == null) {
            return names;
        }
        String template = match.getMatchedTemplate();
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
            names.add(template.substring(open + 1, template.indexOf('}', open)));
        }
        return names;
    }

    public Optional<String> query(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public List<String> queryAll(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    public Map<String, Deque<String>> queryParameters() {
        return exchange.getQueryParameters();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    public String baseUrl() {
        return exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
    }

    public boolean isMultipart() {
        return isMultipart(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null
                && contentType.toLowerCase().startsWith(MultiPartParserDefinition.MULTIPART_FORM_DATA);
    }

    /**
     * The raw body, read once; throws {@link BodyTooLargeException} past the API's limit. A request without one,
     * or whose body the listener already received, reads without blocking, as it must on the I/O thread.
     */
    public byte[] body() throws IOException {
        if (body != null) {
            return body;
        }
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            throw new BodyTooLargeException(maxBodyBytes);
        }
        byte[] received = exchange.getAttachment(RECEIVED_BODY);
        if (received != null) {
            body = received;
        } else if (exchange.isRequestComplete()) {
            body = new byte[0];
        } else {
            exchange.startBlocking();
            try {
                body = readLimited(exchange.getInputStream());
            } catch (IOException e) {
                failIfCutShort(e);
                throw e;
            }
            exchange.putAttachment(RECEIVED_BODY, body); // for the journal
        }
        return body;
    }

    public String bodyText() throws IOException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /**
     * Parses a multipart/form-data body (once; later calls return the same form). File parts larger than
     * {@link #IN_MEMORY_FILE_PART_BYTES} stream to the upload temp dir; file parts do not count toward the body limit
     * (as in Flink). Undertow deletes the temp files when the exchange ends.
     */
    public FormData multipart() throws IOException {
        if (form != null) {
            return form;
        }
        MultiPartParserDefinition definition = new MultiPartParserDefinition(uploadTempDir);
        definition.setDefaultEncoding(StandardCharsets.UTF_8.name());
        definition.setFileSizeThreshold(IN_MEMORY_FILE_PART_BYTES);
        FormDataParser parser;
        try {
            parser = FormParserFactory.builder(false).addParser(definition).build().createParser(exchange);
        } catch (RuntimeException e) {
            // Undertow fails on some malformed Content-Type headers (an empty boundary) instead of declining
            throw new IOException("malformed multipart/form-data content type", e);
        }
        if (parser == null) {
            throw new IOException("not a multipart/form-data request");
        }
        exchange.startBlocking();
        try {
            form = parser.parseBlocking();
        } catch (IOException e) {
            failIfCutShort(e);
            throw e;
        }
        return form;
    }

    /**
     * Throws {@link RequestAbortedException} when reading failed because the body was cut short (the peer closed
     * before the announced length or the last chunk) rather than because of what was sent.
     */
    private static void failIfCutShort(IOException e) {
        if (PEER_CLOSED_EARLY.contains(e.getMessage())) {
            throw new RequestAbortedException(e);
        }
    }

    private byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBodyBytes) {
                throw new BodyTooLargeException(maxBodyBytes);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
