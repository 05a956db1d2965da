package io.jobemu.contract.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.ValidationMessage;
import io.jobemu.contract.http.Response;
import io.jobemu.contract.spec.OpenApiSpec;
import io.jobemu.contract.spec.Operation;
import io.jobemu.contract.spec.ResponseSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one answer against what its operation declares: a declared status, then the required headers, the
 * content type, and the body against the schema for that status.
 */
public final class ResponseValidator {

    private static final int MAX_ACTUAL = 200;

    private final OpenApiSpec spec;

    public ResponseValidator(OpenApiSpec spec) {
        this.spec = spec;
    }

    public List<Violation> validate(Operation operation, Response response) {
        Optional<ResponseSpec> declared = operation.responseFor(response.status());
        if (declared.isEmpty()) {
            return List.of(new Violation(Violation.Kind.STATUS, "", "one of " + operation.responses().keySet(),
                    Integer.toString(response.status()), "status " + response.status() + " is not declared"));
        }
        List<Violation> violations = new ArrayList<>();
        for (String header : declared.get().requiredHeaders()) {
            if (response.header(header).isEmpty()) {
                violations.add(new Violation(Violation.Kind.HEADER, "header:" + header, "header " + header,
                        "absent", "required header " + header + " is missing"));
            }
        }
        violations.addAll(validateContent(declared.get(), response));
        return violations;
    }

    private List<Violation> validateContent(ResponseSpec declared, Response response) {
        if (!declared.declaresContent()) {
            return List.of();
        }
        String contentType = response.header("content-type").orElse("");
        Optional<Map.Entry<String, String>> media = matchMedia(declared, contentType);
        if (media.isEmpty()) {
            return List.of(new Violation(Violation.Kind.CONTENT_TYPE, "", String.join(" or ",
                    declared.media().keySet()), contentType.isEmpty() ? "no content-type" : contentType,
                    "content type does not match the spec"));
        }
        String schemaId = media.get().getValue();
        if (schemaId == null || !isJson(media.get().getKey())) {
            return List.of();
        }
        JsonNode body = response.json();
        if (body.isMissingNode()) {
            // a bare text under a JSON label passes only where the spec declares a string for it
            // (spark-jobserver's DELETE /data answers OK as application/json)
            if (spec.validate(schemaId, TextNode.valueOf(response.text())).isEmpty()) {
                return List.of();
            }
            return List.of(new Violation(Violation.Kind.BODY, "", "a JSON body", abbreviate(response.text()),
                    "body is not JSON"));
        }
        return spec.validate(schemaId, body).stream()
                .sorted(Comparator.comparing(message -> message.getInstanceLocation().toString()))
                .map(message -> schemaViolation(message, body))
                .toList();
    }

    /** Exact media type first, then {@code type/*}, then {@code * /*}; parameters such as charset are ignored. */
    private static Optional<Map.Entry<String, String>> matchMedia(ResponseSpec declared, String contentType) {
        String actual = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (actual.isEmpty()) {
            return Optional.empty();
        }
        String anySubtype = actual.split("/", 2)[0] + "/*";
        for (String candidate : List.of(actual, anySubtype, "*/*")) {
            for (Map.Entry<String, String> entry : declared.media().entrySet()) {
                if (entry.getKey().split(";", 2)[0].trim().equals(candidate)) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json") || mediaType.equals("*/*");
    }

    private static Violation schemaViolation(ValidationMessage message, JsonNode body) {
        String pointer = message.getInstanceLocation().toString();
        String keyword = message.getType();
        // networknt prefixes its message with the location, which the violation carries on its own
        String text = message.getMessage().startsWith(pointer + ": ")
                ? message.getMessage().substring(pointer.length() + 2) : message.getMessage();
        if ("required".equals(keyword) && message.getProperty() != null) {
            return new Violation(Violation.Kind.SCHEMA, pointer + "/" + escape(message.getProperty()),
                    "required property \"" + message.getProperty() + "\"", "missing", text);
        }
        // networknt hands over the keyword's value: "integer" for type, the list for enum, ...
        JsonNode keywordValue = message.getSchemaNode();
        String expected = keywordValue == null ? keyword : keyword + " " + compact(keywordValue);
        return new Violation(Violation.Kind.SCHEMA, pointer, expected, abbreviate(compact(body.at(pointer))),
                text);
    }

    private static String escape(String property) {
        return property.replace("~", "~0").replace("/", "~1");
    }

    private static String compact(JsonNode node) {
        return node.isMissingNode() ? "missing" : node.toString();
    }

    /** One line, at most a few hundred characters: enough to recognise an answer in a report. */
    public static String abbreviate(String text) {
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() <= MAX_ACTUAL ? oneLine : oneLine.substring(0, MAX_ACTUAL) + "...";
    }
}
