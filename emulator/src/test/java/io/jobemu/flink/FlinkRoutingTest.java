package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import org.junit.jupiter.api.Test;

class FlinkRoutingTest extends EmulatorTest {

    @Test
    void unknownGetFallsThroughToTheStaticFileHandlerWithoutCorsHeader() {
        HttpResult result = flink.get("/nope");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body()).isEqualTo("{\"errors\":[\"Unable to load requested file /nope.\"]}");
        assertThat(result.header("content-type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(result.header("access-control-allow-origin")).isNull();
    }

    @Test
    void unknownPathWithAnotherMethodGetsTheRouterNotFoundQuotingTheQuery() {
        HttpResult result = flink.send("DELETE", "/jobs?x=1", null, null);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body()).isEqualTo("{\"errors\":[\"Not found: /jobs?x=1\"]}");
    }

    @Test
    void malformedJobIdIsRejectedWithFlinksParameterError() {
        HttpResult result = flink.get("/v1/jobs/nothex/status");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo("org.apache.flink.runtime.rest.handler.RestHandlerException: "
                + "Bad request, could not parse parameters: Cannot resolve path parameter (jobid) from value "
                + "\"nothex\".");
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
    }
}
