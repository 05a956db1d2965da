package io.jobemu.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every OpenAPI document in {@code specs/} is linted in the build: swagger-parser's validation (unknown or misplaced
 * attributes, wrong types, broken $refs: a YAML flow mapping cut short by a comma shows as a stray attribute), and a
 * check swagger-parser does not make: the alternatives of every {@code oneOf} exclude each other, as far as their
 * smallest instances show (a body valid for two alternatives fails {@code oneOf}).
 */
class SpecLintTest {

    private static final Path SPECS = Path.of("..", "specs");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> specs() throws IOException {
        try (Stream<Path> files = Files.list(SPECS)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void everySpecIsLinted() throws IOException {
        assertThat(specs().map(file -> file.getFileName().toString())).containsExactly("emulator-control.yaml",
                "flink-rest-v1.yaml", "spark-jobserver.yaml", "streamkap.yaml");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void swaggerParserFindsNothingToComplainAbout(Path spec) throws IOException {
        assertThat(lint(Files.readString(spec))).as(spec.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void theAlternativesOfEveryOneOfExcludeEachOther(Path spec) throws IOException {
        assertThat(overlappingOneOfs(spec.getFileName().toString(), Files.readString(spec))).as(spec.toString())
                .isEmpty();
    }

    @Test
    void theLintCatchesAFlowMappingCutByAComma() {
        String broken = MINI.replace("DESCRIPTION", "{type: integer, description: Events (jobs, operations) due.}");
        assertThat(lint(MINI.replace("DESCRIPTION", "{type: integer, description: 'Events (jobs, operations) due.'}")))
                .isEmpty();
        assertThat(lint(broken)).anySatisfy(message -> assertThat(message).contains("operations) due."));
    }

    @Test
    void theLintCatchesOverlappingAlternatives() throws IOException {
        String overlapping = MINI.replace("DESCRIPTION", "{type: integer}") + """
                    Either:
                      oneOf:
                      - {type: object, required: [jobId, result], properties: {jobId: {type: string}, result: {}}}
                      - type: object
                        required: [jobId, status, result]
                        properties: {jobId: {type: string}, status: {type: string, enum: [ERROR]}, result: {}}
                """;
        assertThat(overlappingOneOfs("mini", overlapping)).singleElement()
                .satisfies(message -> assertThat(message).contains("/components/schemas/Either/oneOf/1",
                        "/components/schemas/Either/oneOf/0"));
        String exclusive = overlapping.replace("required: [jobId, result],",
                "required: [jobId, result], not: {required: [status]},");
        assertThat(overlappingOneOfs("mini", exclusive)).isEmpty();
    }

    private static final String MINI = """
            openapi: 3.0.3
            info: {title: mini, version: '1'}
            paths:
              /clock:
                get:
                  responses:
                    '200':
                      description: the clock
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Clock'}
            components:
              schemas:
                Clock:
                  type: object
                  properties:
                    pendingEvents: DESCRIPTION
            """;

    private static List<String> lint(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        List<String> messages = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            messages.add("not an OpenAPI document");
        }
        return messages;
    }

    /** For each oneOf: the smallest instance of each alternative must be valid for that alternative only. */
    private static List<String> overlappingOneOfs(String name, String text) throws IOException {
        ObjectNode document = (ObjectNode) YAML.readTree(text);
        SchemaSet schemas = new SchemaSet(name, document);
        List<String> overlaps = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> oneOfs = new ArrayList<>();
        collectOneOfs("", document, oneOfs);
        for (Map.Entry<String, JsonNode> oneOf : oneOfs) {
            List<String> ids = new ArrayList<>();
            for (JsonNode alternative : oneOf.getValue()) {
                ids.add(schemas.add(alternative));
            }
            for (int i = 0; i < ids.size(); i++) {
                JsonNode instance = smallestInstance(document, oneOf.getValue().get(i), 0);
                if (!schemas.validate(ids.get(i), instance).isEmpty()) {
                    continue; // not built well enough to judge: no verdict rather than a false one
                }
                for (int j = 0; j < ids.size(); j++) {
                    if (j != i && schemas.validate(ids.get(j), instance).isEmpty()) {
                        overlaps.add(oneOf.getKey() + "/oneOf/" + i + " " + instance + " is also valid for "
                                + oneOf.getKey() + "/oneOf/" + j);
                    }
                }
            }
        }
        return overlaps;
    }

    private static void collectOneOfs(String pointer, JsonNode node, List<Map.Entry<String, JsonNode>> found) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                String child = pointer + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
                if (entry.getKey().equals("oneOf") && entry.getValue().isArray()) {
                    found.add(Map.entry(pointer, entry.getValue()));
                }
                collectOneOfs(child, entry.getValue(), found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectOneOfs(pointer + "/" + i, node.get(i), found);
            }
        }
    }

    /** Only the required properties, each with its example, first enum value or a plain value of its type. */
    private static JsonNode smallestInstance(JsonNode document, JsonNode schema, int depth) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            resolved = document.at(resolved.get("$ref").asText().substring(1));
        }
        if (depth > 8) {
            return json.nullNode();
        }
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (resolved.has(combinator)) {
                return smallestInstance(document, resolved.get(combinator).get(0), depth + 1);
            }
        }
        return switch (resolved.path("type").asText(resolved.has("properties") ? "object" : "")) {
            case "object" -> {
                ObjectNode object = json.objectNode();
                for (JsonNode required : resolved.path("required")) {
                    JsonNode property = resolved.path("properties").path(required.asText());
                    object.set(required.asText(), property.isMissingNode() ? json.textNode("x")
                            : smallestInstance(document, property, depth + 1));
                }
                yield object;
            }
            case "array" -> json.arrayNode();
            case "string" -> json.textNode("x");
            case "integer" -> json.numberNode(resolved.path("minimum").asInt(0));
            case "number" -> json.numberNode(resolved.path("minimum").asDouble(0));
            case "boolean" -> json.booleanNode(false);
            default -> json.textNode("x");
        };
    }
}
