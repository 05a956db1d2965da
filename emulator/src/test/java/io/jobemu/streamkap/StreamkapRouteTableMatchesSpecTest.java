package io.jobemu.streamkap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jobemu.EmulatorConfig;
import io.jobemu.core.EmulatorContext;
import io.jobemu.core.Limits;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.core.journal.RequestJournal;
import io.jobemu.flink.FlinkApi;
import io.jobemu.testing.SpecOperations;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamkapRouteTableMatchesSpecTest {

    private static final String SPEC = "specs/streamkap.yaml";
    private static JsonNode spec;

    @BeforeAll
    static void loadSpec() throws Exception {
        try (InputStream in = StreamkapRouteTableMatchesSpecTest.class.getClassLoader().getResourceAsStream(SPEC)) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void routeTableAndSpecNameExactlyTheSameOperations(@TempDir Path workDir) throws Exception {
        try (EmulatorClock clock = new EmulatorClock(EmulatorClock.Mode.MANUAL)) {
            EmulatorContext context = new EmulatorContext(clock, IdGenerator.unseeded(), new RequestJournal(10),
                    Files.createDirectories(workDir), Limits.DEFAULT);
            StreamkapApi api = new StreamkapApi(context, new FlinkApi(context, EmulatorConfig.defaults().timing()),
                    StreamkapCredentials.DEFAULT);

            assertThat(api.routes().operationKeys()).containsExactlyInAnyOrderElementsOf(SpecOperations.load(SPEC));
        }
    }

    @Test
    void everyOperationSaysWhetherStreamkapDocumentsIt() {
        Map<String, String> sources = new TreeMap<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!operation.getKey().equals("parameters")) {
                sources.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        operation.getValue().path("x-streamkap-source").asText());
            }
        }));

        assertThat(sources).containsOnly(
                Map.entry("POST /auth/access-token", "confirmed"),
                Map.entry("POST /auth/access-token/refresh", "confirmed"),
                Map.entry("POST /flink_jobs/jar", "confirmed"),
                Map.entry("GET /flink_jobs/{job_id}", "confirmed"),
                Map.entry("GET /flink_jobs/{job_id}/status", "confirmed"),
                Map.entry("GET /flink_jobs", "inferred"),
                Map.entry("POST /flink_jobs/pyflink", "inferred"),
                Map.entry("DELETE /flink_jobs/{job_id}", "inferred"),
                Map.entry("POST /flink_jobs/{job_id}/cancel", "inferred"),
                Map.entry("POST /flink_jobs/{job_id}/stop", "inferred"));
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(spec, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(spec.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
