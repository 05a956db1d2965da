package io.jobemu.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an API's OpenAPI document says each operation reads: its query parameters (with values that pass
 * validation) and the fields and media types of its request body. The fuzz generator mutates exactly these.
 */
final class SpecVocabulary {

    /** One operation's inputs; {@code queryParameters} maps a name to values the spec allows. */
    record Operation(Map<String, List<String>> queryParameters, Map<String, String> bodyFields,
                     List<String> bodyMediaTypes) {
        static final Operation NONE = new Operation(Map.of(), Map.of(), List.of());
    }

    private final JsonNode spec;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    private SpecVocabulary(JsonNode spec) {
        this.spec = spec;
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (method.getValue().isObject() && !method.getKey().equals("parameters")) {
                    operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                            operation(method.getValue()));
                }
            }
        }
    }

    static SpecVocabulary load(String resource) {
        try (InputStream in = SpecVocabulary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no such resource: " + resource);
            }
            return new SpecVocabulary(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation "METHOD /template", or one with no inputs when the spec does not list it. */
    Operation operation(String operationKey) {
        return operations.getOrDefault(operationKey, Operation.NONE);
    }

    private Operation operation(JsonNode node) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (JsonNode parameter : node.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (resolved.path("in").asText().equals("query")) {
                query.put(resolved.path("name").asText(), sampleValues(resolve(resolved.path("schema"))));
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> mediaTypes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> content : resolve(node.path("requestBody")).path("content").properties()) {
            mediaTypes.add(content.getKey());
            JsonNode schema = resolve(content.getValue().path("schema"));
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                fields.put(property.getKey(), resolve(property.getValue()).path("type").asText("object"));
            }
        }
        return new Operation(query, fields, mediaTypes);
    }

    /** Values a client would send: the enum, else the example or default, else one per type. */
    private static List<String> sampleValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        JsonNode items = schema.path("items");
        for (JsonNode value : schema.has("enum") ? schema.path("enum") : items.path("enum")) {
            values.add(value.asText());
        }
        for (String key : List.of("example", "default")) {
            if (schema.has(key) && !schema.path(key).isContainerNode()) {
                values.add(schema.path(key).asText());
            }
        }
        if (values.isEmpty()) {
            values.add(switch (schema.path("type").asText()) {
                case "integer", "number" -> "1";
                case "boolean" -> "true";
                default -> "x";
            });
        }
        return values;
    }

    /** Follows local {@code $ref}s. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            JsonNode target = spec;
            for (String part : current.path("$ref").asText().substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }
}
