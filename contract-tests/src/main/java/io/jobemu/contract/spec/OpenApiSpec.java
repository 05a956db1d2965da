package io.jobemu.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An OpenAPI 3.0 document: its operations with parameters and responses resolved through local {@code $ref}s, and
 * the schemas of every response body, ready to validate.
 */
public final class OpenApiSpec {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String name;
    private final JsonNode document;
    private final SchemaSet schemas;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    private OpenApiSpec(String name, ObjectNode document) {
        this.name = name;
        this.document = document;
        if (!document.path("openapi").asText().startsWith("3.0")) {
            throw new SpecException(name + " is not an OpenAPI 3.0 document (openapi: "
                    + document.path("openapi").asText("missing") + ")");
        }
        this.schemas = new SchemaSet(name, document);
        readOperations();
    }

    /** A document packaged on the classpath, e.g. {@code specs/flink-rest-v1.yaml}. */
    public static OpenApiSpec fromClasspath(String resource) {
        try (InputStream in = OpenApiSpec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SpecException("no OpenAPI document on the classpath at " + resource);
            }
            return parse(resource, in);
        } catch (IOException e) {
            throw new SpecException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    public static OpenApiSpec fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.getFileName().toString(), in);
        } catch (NoSuchFileException e) {
            throw new SpecException("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw new SpecException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static OpenApiSpec parse(String name, InputStream in) throws IOException {
        JsonNode root = YAML.readTree(in);
        if (!(root instanceof ObjectNode object)) {
            throw new SpecException(name + " is not a YAML or JSON object");
        }
        return new OpenApiSpec(name, object);
    }

    public String name() {
        return name;
    }

    public Collection<Operation> operations() {
        return operations.values();
    }

    public Optional<Operation> find(String operationId) {
        return Optional.ofNullable(operations.get(operationId));
    }

    public Operation operation(String operationId) {
        return find(operationId).orElseThrow(() -> new SpecException(
                name + " has no operation " + operationId));
    }

    /** Validates a JSON body against a schema id taken from a {@link ResponseSpec}. */
    public Set<ValidationMessage> validate(String schemaId, JsonNode body) {
        return schemas.validate(schemaId, body);
    }

    /** Follows local {@code $ref}s until a node without one is reached. */
    public JsonNode resolve(JsonNode node) {
        Set<String> seen = new HashSet<>();
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new SpecException(name + ": only local $refs are supported, found " + ref);
            }
            if (!seen.add(ref)) {
                throw new SpecException(name + ": $ref cycle at " + ref);
            }
            current = document.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new SpecException(name + ": $ref " + ref + " points nowhere");
            }
        }
        return current;
    }

    private void readOperations() {
        for (Map.Entry<String, JsonNode> pathEntry : document.path("paths").properties()) {
            JsonNode pathItem = resolve(pathEntry.getValue());
            for (String method : METHODS) {
                if (pathItem.has(method)) {
                    Operation operation = readOperation(pathEntry.getKey(), method, pathItem);
                    if (operations.putIfAbsent(operation.id(), operation) != null) {
                        throw new SpecException(name + ": operationId " + operation.id() + " is used twice");
                    }
                }
            }
        }
    }

    private Operation readOperation(String path, String method, JsonNode pathItem) {
        JsonNode node = pathItem.get(method);
        String upper = method.toUpperCase(Locale.ROOT);
        String id = node.path("operationId").asText(upper + " " + path);
        return new Operation(id, upper, path, readParameters(pathItem, node), readResponses(node));
    }

    /** Path-level parameters apply unless the operation redeclares the same name and location. */
    private List<Parameter> readParameters(JsonNode pathItem, JsonNode operation) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode raw : source) {
                JsonNode parameter = resolve(raw);
                Parameter read = new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                        parameter.path("required").asBoolean(false), resolve(parameter.path("schema")));
                byKey.put(read.in() + ":" + read.name(), read);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private Map<String, ResponseSpec> readResponses(JsonNode operation) {
        Map<String, ResponseSpec> responses = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : operation.path("responses").properties()) {
            JsonNode response = resolve(entry.getValue());
            Map<String, String> media = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> content : response.path("content").properties()) {
                JsonNode schema = content.getValue().get("schema");
                media.put(content.getKey().toLowerCase(Locale.ROOT), schema == null ? null : schemas.add(schema));
            }
            List<String> requiredHeaders = new ArrayList<>();
            for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
                if (resolve(header.getValue()).path("required").asBoolean(false)) {
                    requiredHeaders.add(header.getKey());
                }
            }
            responses.put(entry.getKey(), new ResponseSpec(entry.getKey(), media, requiredHeaders));
        }
        return responses;
    }
}
