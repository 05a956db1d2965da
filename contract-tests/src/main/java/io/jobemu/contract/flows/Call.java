package io.jobemu.contract.flows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.contract.http.Part;
import io.jobemu.contract.http.Request;
import io.jobemu.contract.spec.Operation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One flow step being put together: an operation, its parameters and body, and what status it expects. */
public final class Call {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

    private final FlowContext context;
    private final Operation operation;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final List<String> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<Part> parts = new ArrayList<>();
    private byte[] body;
    private String variant;
    private Expect expect = Expect.SUCCESS;

    Call(FlowContext context, Operation operation) {
        this.context = context;
        this.operation = operation;
    }

    public Call path(String name, Object value) {
        pathValues.put(name, String.valueOf(value));
        return this;
    }

    public Call query(String name, Object value) {
        query.add(encode(name) + "=" + encode(String.valueOf(value)));
        return this;
    }

    public Call header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A JSON body (a JsonNode, or raw text that need not be valid JSON, for bad-body cases). */
    public Call json(Object value) {
        return body("application/json", value instanceof JsonNode node ? node.toString() : String.valueOf(value));
    }

    public Call body(String contentType, String text) {
        headers.put("Content-Type", contentType);
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** A raw body; set its Content-Type with {@link #header}. */
    public Call bytes(byte[] content) {
        body = content.clone();
        return this;
    }

    public Call part(Part part) {
        parts.add(part);
        return this;
    }

    /** Distinguishes this step from other calls of the same operation in the report and the transcript. */
    public Call as(String name) {
        this.variant = name;
        return this;
    }

    public Call expect(Expect expectation) {
        this.expect = expectation;
        return this;
    }

    public Operation operation() {
        return operation;
    }

    public String label() {
        return variant == null ? operation.id() : operation.id() + " [" + variant + "]";
    }

    public Result send() throws InterruptedException {
        return context.execute(operation, label(), request(), expect);
    }

    Request request() {
        Matcher placeholders = PLACEHOLDER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (placeholders.find()) {
            String name = placeholders.group(1);
            String value = pathValues.get(name);
            if (value == null) {
                throw new IllegalStateException(label() + ": no value for path parameter " + name);
            }
            placeholders.appendReplacement(path, Matcher.quoteReplacement(encode(value)));
        }
        placeholders.appendTail(path);
        if (!query.isEmpty()) {
            path.append('?').append(String.join("&", query));
        }
        return new Request(operation.method(), path.toString(), headers, body, parts);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
