package io.jobemu.contract.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The response schemas of one OpenAPI document, compiled by networknt with the OpenAPI 3.0 dialect (so
 * {@code nullable} is honoured). Every schema is validated in place inside a copy of the whole document, so its
 * {@code $ref}s resolve exactly as the spec wrote them; inline schemas are gathered under one extra key first, which
 * gives each a short, escape-free location.
 */
final class SchemaSet {

    private static final String COLLECTED = "x-jobemu-contract-schemas";
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .nullableKeywordEnabled(true)
            .build();

    private final String documentIri;
    private final JsonSchemaFactory factory;
    private final Map<String, JsonNode> collected = new LinkedHashMap<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final ObjectNode document;

    SchemaSet(String name, ObjectNode specDocument) {
        this.documentIri = "https://jobemu.invalid/contract/" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
        this.document = specDocument;
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(OpenApi30.getInstance())
                .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(iri -> iri.equals(documentIri) ? documentText() : null)));
    }

    /** Registers a schema node of the document and returns the id to validate against it later. */
    String add(JsonNode schema) {
        String id = "s" + collected.size();
        collected.put(id, schema);
        return id;
    }

    Set<ValidationMessage> validate(String schemaId, JsonNode instance) {
        JsonSchema schema = compiled.computeIfAbsent(schemaId, id -> factory.getSchema(
                SchemaLocation.of(documentIri + "#/" + COLLECTED + "/" + id), CONFIG));
        return schema.validate(instance);
    }

    private synchronized String documentText() {
        ObjectNode withCollected = document.deepCopy();
        withCollected.set(COLLECTED, new ObjectMapper().valueToTree(collected));
        try {
            return new ObjectMapper().writeValueAsString(withCollected);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
