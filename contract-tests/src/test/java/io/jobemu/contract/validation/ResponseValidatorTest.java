package io.jobemu.contract.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.contract.http.Response;
import io.jobemu.contract.spec.OpenApiSpec;
import io.jobemu.contract.spec.Operation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseValidatorTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.fromClasspath("mini-spec.yaml");
    private static final Operation GET = SPEC.operation("getThing");
    private static final Operation DELETE = SPEC.operation("deleteThing");
    private final ResponseValidator validator = new ResponseValidator(SPEC);

    @Test
    void aValidAnswerHasNoViolation() {
        assertThat(validate(GET, 200, "{\"name\":\"a\",\"size\":1,\"owner\":null,\"extra\":true}")).isEmpty();
    }

    @Test
    void nullableIsHonouredAndOnlyWhereDeclared() {
        assertThat(validate(GET, 200, "{\"name\":\"a\",\"size\":1,\"owner\":null}")).isEmpty();
        assertThat(validate(GET, 200, "{\"name\":null,\"size\":1}"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.kind()).isEqualTo(Violation.Kind.SCHEMA);
                    assertThat(violation.pointer()).isEqualTo("/name");
                    assertThat(violation.expected()).isEqualTo("type \"string\"");
                    assertThat(violation.actual()).isEqualTo("null");
                });
    }

    @Test
    void aMissingRequiredPropertyIsPointedAt() {
        assertThat(validate(GET, 200, "{\"name\":\"a\",\"parent\":{\"size\":2}}"))
                .extracting(Violation::pointer, Violation::actual)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/size", "missing"),
                        org.assertj.core.groups.Tuple.tuple("/parent/name", "missing"));
    }

    @Test
    void aWrongTypeShowsExpectedAndActual() {
        assertThat(validate(GET, 200, "{\"name\":\"a\",\"size\":\"big\"}")).singleElement()
                .extracting(Violation::pointer, Violation::expected, Violation::actual)
                .containsExactly("/size", "type \"integer\"", "\"big\"");
    }

    @Test
    void anUndeclaredStatusIsReportedAlone() {
        assertThat(validate(GET, 500, "not even JSON")).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(Violation.Kind.STATUS);
            assertThat(violation.actual()).isEqualTo("500");
            assertThat(violation.expected()).isEqualTo("one of [200, 4XX]");
        });
    }

    @Test
    void statusRangesAndDefaultApply() {
        assertThat(validate(GET, 404, "{\"errors\":[\"no\"]}")).isEmpty();
        assertThat(validate(GET, 409, "{\"error\":\"no\"}")).singleElement()
                .extracting(Violation::pointer).isEqualTo("/errors");
        assertThat(validateAs(DELETE, 503, "text/plain; charset=UTF-8", "busy")).isEmpty();
    }

    @Test
    void theContentTypeMustMatchIgnoringParametersWithWildcards() {
        assertThat(validateAs(GET, 200, "application/json; charset=UTF-8", "{\"name\":\"a\",\"size\":1}"))
                .isEmpty();
        assertThat(validateAs(GET, 200, "text/html", "{\"name\":\"a\",\"size\":1}")).singleElement()
                .extracting(Violation::kind, Violation::expected, Violation::actual)
                .containsExactly(Violation.Kind.CONTENT_TYPE, "application/json", "text/html");
        assertThat(validateAs(DELETE, 500, "application/json", "{}")).singleElement()
                .extracting(Violation::kind).isEqualTo(Violation.Kind.CONTENT_TYPE);
    }

    @Test
    void aBodyThatIsNotJsonFailsUnlessTheSpecDeclaresAString() {
        assertThat(validate(GET, 200, "<html>")).singleElement()
                .extracting(Violation::kind).isEqualTo(Violation.Kind.BODY);
        assertThat(validate(DELETE, 200, "OK")).isEmpty();
    }

    @Test
    void anAnswerWithoutDeclaredContentNeedsNoBody() {
        assertThat(validateAs(DELETE, 204, null, "")).isEmpty();
    }

    @Test
    void requiredHeadersMustBePresent() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        Response response = new Response(200, headers, "{\"name\":\"a\",\"size\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(validator.validate(GET, response)).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(Violation.Kind.HEADER);
            assertThat(violation.pointer()).isEqualTo("header:X-Request-Id");
        });
    }

    private List<Violation> validate(Operation operation, int status, String body) {
        return validateAs(operation, status, "application/json", body);
    }

    private List<Violation> validateAs(Operation operation, int status, String contentType, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("content-type", List.of(contentType));
        }
        headers.put("x-request-id", List.of("r1"));
        return validator.validate(operation, new Response(status, headers, body.getBytes(StandardCharsets.UTF_8)));
    }
}
