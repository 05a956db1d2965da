package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import org.junit.jupiter.api.Test;

/** Flink reads a request's body before it resolves path parameters; these answers depend on that order. */
class FlinkRequestOrderTest extends EmulatorTest {

    private static final String RHE = "org.apache.flink.runtime.rest.handler.RestHandlerException: ";
    private static final String UNKNOWN = "0".repeat(32);

    @Test
    void anEmptyBodyThatCannotBindIsRefusedBeforeTheJobIdIsLookedAt() {
        HttpResult result = flink.send("PATCH", "/jobs/nothex/clientHeartbeat", null, null);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(RHE
                + "Bad request received. Request did not conform to expected format.");
    }

    @Test
    void aMalformedBodyIsReportedBeforeAMalformedJobId() {
        HttpResult result = flink.post("/jobs/nothex/savepoints", "{not json");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(RHE
                + "Request did not match expected format SavepointTriggerRequestBody.");
    }

    @Test
    void resourceRequirementsWithoutABodyAreRefusedBeforeTheJobLookup() {
        HttpResult result = flink.put("/jobs/" + UNKNOWN + "/resource-requirements", "{}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(RHE + "Request body does not specify resource requirements.");
    }

    @Test
    void emptyResourceRequirementsAreCheckedAfterTheJobIdIsParsed() {
        HttpResult result = flink.put("/jobs/nothex/resource-requirements", "{}");

        assertThat(result.firstErrorLine()).isEqualTo(RHE + "Bad request, could not parse parameters: Cannot resolve"
                + " path parameter (jobid) from value \"nothex\".");
    }

    @Test
    void aJsonNullBodyIsRefusedAfterThePathParametersAreResolved() {
        HttpResult badJobId = flink.post("/jobs/nothex/savepoints", "null");
        HttpResult badVertexId = flink.send("GET", "/jobs/" + UNKNOWN + "/vertices/nothex", "null".getBytes(),
                "application/json");
        HttpResult badSubtask = flink.send("GET", "/jobs/" + UNKNOWN + "/vertices/" + UNKNOWN + "/subtasks/-1",
                "null".getBytes(), "application/json");

        assertThat(badJobId.status()).isEqualTo(400);
        assertThat(badJobId.firstErrorLine()).isEqualTo(RHE + "Bad request, could not parse parameters: Cannot "
                + "resolve path parameter (jobid) from value \"nothex\".");
        assertThat(badVertexId.status()).isEqualTo(400);
        assertThat(badVertexId.firstErrorLine()).isEqualTo(RHE + "Bad request, could not parse parameters: Cannot "
                + "resolve path parameter (vertexid) from value \"nothex\".");
        assertThat(badSubtask.status()).isEqualTo(400);
        assertThat(badSubtask.firstErrorLine()).isEqualTo(RHE + "Bad request, could not parse parameters: Cannot "
                + "resolve path parameter (subtaskindex) from value \"-1\".");
    }

    @Test
    void aJsonNullBodyWithValidParametersFailsTheHandlerRequestWithANullPointerException() {
        String jarId = uploadJar("com.example.Job");
        for (HttpResult result : new HttpResult[] {flink.post("/jobs/" + UNKNOWN + "/savepoints", "null"),
                flink.post("/jars/" + jarId + "/run", "null"),
                flink.send("GET", "/jobs/overview", "null".getBytes(), "application/json"),
                flink.send("DELETE", "/jars/nope.jar", "null".getBytes(), "application/json")}) {
            assertThat(result.status()).isEqualTo(500);
            assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
            assertThat(result.json().path("errors")).hasSize(2);
            assertThat(result.firstError()).isEqualTo("Internal server error.");
            assertThat(result.json().path("errors").path(1).asText())
                    .startsWith("<Exception on server side:\njava.lang.NullPointerException\n\tat ")
                    .endsWith("\nEnd of exception on server side>");
        }
        assertThat(flink.get("/jobs").json().path("jobs")).isEmpty();
    }

    @Test
    void logUrlsNeverParseTheJobId() {
        HttpResult result = flink.get("/jobs/nothex/jobmanager/log-url");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().path("url").asText()).isEqualTo(flink.baseUrl() + "/#/job-manager/logs");
    }
}
