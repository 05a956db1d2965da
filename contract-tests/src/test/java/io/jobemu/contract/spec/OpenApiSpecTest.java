package io.jobemu.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.contract.Api;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OpenApiSpecTest {

    @Test
    void operationsComeWithResolvedParametersAndResponses() {
        OpenApiSpec spec = OpenApiSpec.fromClasspath("mini-spec.yaml");
        Operation get = spec.operation("getThing");
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.path()).isEqualTo("/things/{id}");
        assertThat(get.pathParameters()).singleElement().satisfies(parameter -> {
            assertThat(parameter.hasPattern()).isTrue();
            assertThat(parameter.schema().path("pattern").asText()).isEqualTo("^[0-9a-f]{32}$");
        });
        assertThat(get.responses()).containsOnlyKeys("200", "4XX");
        assertThat(get.responses().get("4XX").media()).containsKey("application/json");
        assertThat(get.responses().get("200").requiredHeaders()).containsExactly("X-Request-Id");
        // the operation's own parameter replaces the path-level one of the same name
        assertThat(spec.operation("deleteThing").pathParameters()).singleElement()
                .satisfies(parameter -> assertThat(parameter.isInteger()).isTrue());
    }

    @Test
    void everyPackagedSpecLoads() {
        Arrays.stream(Api.values()).forEach(api -> assertThat(OpenApiSpec.fromClasspath(api.specResource())
                .operations()).isNotEmpty());
        assertThat(OpenApiSpec.fromClasspath(Api.FLINK.specResource()).operations()).hasSize(85);
    }

    @Test
    void aMissingDocumentIsRefusedWithItsName() {
        assertThatThrownBy(() -> OpenApiSpec.fromClasspath("specs/nope.yaml")).isInstanceOf(SpecException.class)
                .hasMessageContaining("specs/nope.yaml");
    }
}
