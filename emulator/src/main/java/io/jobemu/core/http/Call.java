package io.jobemu.core.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.MultiPartParserDefinition;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The request as handlers see it: path parameters, query, headers, body and multipart form. */
public final class Call {

    /** The body {@link BodyReader} read before the handler ran (absent when it was parsed as a form). */
    public static final AttachmentKey<byte[]> RECEIVED_BODY = AttachmentKey.create(byte[].class);

    private final HttpServerExchange exchange;
    private final String requestPath;
    private final String uriPrefix;

    Call(HttpServerExchange exchange, String requestPath, String uriPrefix) {
        this.exchange = exchange;
        this.requestPath = requestPath;
        this.uriPrefix = uriPrefix;
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
     * The raw body, as the listener read it within the API's limit before the handler ran; empty for a request
     * without one, or whose multipart body was parsed into {@link #multipart()}.
     */
    public byte[] body() throws IOException {
        byte[] received = exchange.getAttachment(RECEIVED_BODY);
        return received == null ? new byte[0] : received;
    }

    public String bodyText() throws IOException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /**
     * The multipart/form-data body, parsed as it arrived (file parts over 8 KiB in the upload temp dir, deleted when
     * the exchange ends; file parts count toward the API's upload limit, not its body limit).
     *
     * @throws IOException when the request is not multipart, or its body is not valid multipart
     */
    public FormData multipart() throws IOException {
        IOException malformation = exchange.getAttachment(BodyReader.MULTIPART_MALFORMATION);
        if (malformation != null) {
            throw malformation;
        }
        FormData form = exchange.getAttachment(FormDataParser.FORM_DATA);
        if (form == null) {
            throw new IOException("not a multipart/form-data request");
        }
        return form;
    }
}
