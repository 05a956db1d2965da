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
    void logUrlsNeverParseTheJobId() {
        HttpResult result = flink.get("/jobs/nothex/jobmanager/log-url");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().path("url").asText()).isEqualTo(flink.baseUrl() + "/#/job-manager/logs");
    }
}
