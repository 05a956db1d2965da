package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.testing.EmulatorTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code GET /jobs/overview} is kept between polls; every change to a job or the clock must still show at once. */
class OverviewCacheTest extends EmulatorTest {

    @Test
    void aNewJobShowsWithoutTheClockMoving() {
        String first = runJob("example.Job", "{}");
        assertThat(flink.get("/jobs/overview").json().path("jobs").size()).isEqualTo(1);

        String second = runJob("example.Job", "{}");

        JsonNode jobs = flink.get("/jobs/overview").json().path("jobs");
        assertThat(jobs.size()).isEqualTo(2);
        assertThat(jobs.findValuesAsText("jid")).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aStateChangeShowsWithoutTheClockMoving() {
        String jobId = runJob("example.Job", "{}");
        advance(Duration.ofSeconds(1));
        assertThat(flink.get("/jobs/overview").json().path("jobs").path(0).path("state").asText())
                .isEqualTo("RUNNING");

        flink.patch("/jobs/" + jobId + "?mode=cancel");

        assertThat(flink.get("/jobs/overview").json().path("jobs").path(0).path("state").asText())
                .isEqualTo("CANCELLING");
    }

    @Test
    void movingTheClockMovesTheDurations() {
        runJob("example.Job", "{}");
        advance(Duration.ofSeconds(1));
        long before = flink.get("/jobs/overview").json().path("jobs").path(0).path("duration").asLong();

        advance(Duration.ofSeconds(5));

        assertThat(flink.get("/jobs/overview").json().path("jobs").path(0).path("duration").asLong())
                .isEqualTo(before + 5_000);
    }
}
