package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobSpec;
import io.jobemu.flink.jobs.JobStatus;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationEndpointsTest extends EmulatorTest {

    private static final String REST_HANDLER = "org.apache.flink.runtime.rest.handler.RestHandlerException: ";
    private static final String UNKNOWN = "00000000000000000000000000000000";
    private static final List<String> TIMESTAMP_KEYS = List.of("CREATED", "FAILING", "FAILED", "RUNNING",
            "CANCELED", "CANCELING", "FINISHED");

    private FlinkJob submit(JobBehaviour behaviour) {
        return emulator.flink().cluster().jobs()
                .submit(new JobSpec(null, "x.jar", "example.Job", List.of(), 3, null, false, behaviour))
                .orElseThrow();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JobBehaviour ending(JobBehaviour.Outcome outcome) {
        return new JobBehaviour(outcome, Duration.ofSeconds(1), null, null, null, "bounded", null, null);
    }

    @Test
    void noJobsNoApplications() {
        HttpResult result = flink.get("/applications/overview");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{\"applications\":[]}");
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
    }

    @Test
    void aRunningJobIsARunningApplicationWithTheJobsId() {
        FlinkJob job = submit(JobBehaviour.DEFAULT);
        advance(Duration.ofSeconds(1));

        HttpResult result = flink.get("/applications/" + job.id());

        assertThat(result.status()).isEqualTo(200);
        JsonNode details = result.json();
        assertThat(fieldNames(details)).containsExactly("id", "name", "status", "start-time", "end-time", "duration",
                "timestamps", "jobs");
        assertThat(details.path("id").asText()).isEqualTo(job.id());
        assertThat(details.path("name").asText()).isEqualTo("SingleJobApplication(Flink Streaming Job)");
        assertThat(details.path("status").asText()).isEqualTo("RUNNING");
        assertThat(details.path("start-time").asLong()).isEqualTo(job.startTime());
        assertThat(details.path("end-time").asLong()).isEqualTo(-1);
        assertThat(details.path("duration").asLong()).isEqualTo(1000);
        assertThat(fieldNames(details.path("timestamps"))).isEqualTo(TIMESTAMP_KEYS);
        assertThat(details.path("timestamps").path("CREATED").asLong()).isEqualTo(job.startTime());
        assertThat(details.path("timestamps").path("RUNNING").asLong()).isEqualTo(job.startTime());
        assertThat(details.path("timestamps").path("FINISHED").asLong()).isZero();
        JsonNode jobs = details.path("jobs");
        assertThat(jobs.size()).isEqualTo(1);
        assertThat(jobs.path(0).path("jid").asText()).isEqualTo(job.id());
        assertThat(jobs.path(0).path("state").asText()).isEqualTo("RUNNING");
        assertThat(jobs.path(0).path("tasks").path("running").asInt()).isEqualTo(6);
    }

    @Test
    void overviewListsOneApplicationPerJobCountingItsJobStates() {
        FlinkJob running = submit(JobBehaviour.DEFAULT);
        advance(Duration.ofSeconds(1));

        JsonNode applications = flink.get("/applications/overview").json().path("applications");

        assertThat(applications.size()).isEqualTo(1);
        JsonNode entry = applications.path(0);
        assertThat(fieldNames(entry)).containsExactly("id", "name", "start-time", "end-time", "duration", "status",
                "jobs");
        assertThat(entry.path("id").asText()).isEqualTo(running.id());
        assertThat(entry.path("status").asText()).isEqualTo("RUNNING");
        assertThat(entry.path("jobs").toString()).isEqualTo("{\"RUNNING\":1}");
    }

    @Test
    void finishedAndFailedJobsEndTheirApplications() {
        FlinkJob finished = submit(ending(JobBehaviour.Outcome.FINISH));
        FlinkJob failed = submit(ending(JobBehaviour.Outcome.FAIL));
        advance(Duration.ofSeconds(5));

        JsonNode done = flink.get("/applications/" + finished.id()).json();
        assertThat(done.path("status").asText()).isEqualTo("FINISHED");
        assertThat(done.path("name").asText()).isEqualTo("SingleJobApplication(bounded)");
        assertThat(done.path("end-time").asLong()).isEqualTo(finished.endTime());
        assertThat(done.path("duration").asLong()).isEqualTo(finished.endTime() - finished.startTime());
        assertThat(done.path("timestamps").path("FINISHED").asLong()).isEqualTo(finished.endTime());

        JsonNode broken = flink.get("/applications/" + failed.id()).json();
        assertThat(broken.path("status").asText()).isEqualTo("FAILED");
        assertThat(broken.path("timestamps").path("FAILING").asLong()).isEqualTo(failed.endTime());
        assertThat(broken.path("timestamps").path("FAILED").asLong()).isEqualTo(failed.endTime());

        JsonNode overview = flink.get("/applications/overview").json().path("applications");
        assertThat(overview.findValuesAsText("status")).containsExactlyInAnyOrder("FINISHED", "FAILED");
        assertThat(overview.path(0).path("jobs").size()).isEqualTo(1);
    }

    @Test
    void cancelCancelsTheJobAndThenTheApplicationIsGone() {
        FlinkJob job = submit(JobBehaviour.DEFAULT);
        advance(Duration.ofSeconds(1));
        long cancelledAt = emulator.clock().millis();

        HttpResult cancel = flink.post("/applications/" + job.id() + "/cancel", "");

        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.body()).isEqualTo("{}");
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLING);
        JsonNode cancelling = flink.get("/applications/" + job.id()).json();
        assertThat(cancelling.path("status").asText()).isEqualTo("CANCELING");
        assertThat(cancelling.path("timestamps").path("CANCELING").asLong()).isEqualTo(cancelledAt);

        advance(Duration.ofSeconds(1));
        JsonNode cancelled = flink.get("/applications/" + job.id()).json();
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELED");
        assertThat(cancelled.path("end-time").asLong()).isEqualTo(job.endTime());
        assertThat(cancelled.path("timestamps").path("CANCELING").asLong()).isEqualTo(cancelledAt);
        assertThat(cancelled.path("timestamps").path("CANCELED").asLong()).isEqualTo(job.endTime());
        assertThat(cancelled.path("jobs").path(0).path("state").asText()).isEqualTo("CANCELED");

        HttpResult again = flink.post("/applications/" + job.id() + "/cancel", "");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.firstErrorLine()).isEqualTo(REST_HANDLER + "Application could not be found.");
        assertThat(again.firstError()).contains("Caused by: org.apache.flink.runtime.messages"
                + ".FlinkApplicationNotFoundException: Could not find Flink application (" + job.id() + ")");
    }

    @Test
    void cancellingAFinishedApplicationFindsNothing() {
        FlinkJob job = submit(ending(JobBehaviour.Outcome.FINISH));
        advance(Duration.ofSeconds(5));

        HttpResult result = flink.post("/applications/" + job.id() + "/cancel", "");

        assertThat(result.status()).isEqualTo(404);
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void cancelErrors() {
        HttpResult unknown = flink.post("/applications/" + UNKNOWN + "/cancel", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.firstErrorLine()).isEqualTo(REST_HANDLER + "Application could not be found.");
        assertThat(unknown.firstError()).contains("Could not find Flink application (" + UNKNOWN + ")");

        HttpResult malformed = flink.post("/applications/nothex/cancel", "");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse parameters: "
                + "Cannot resolve path parameter (applicationid) from value \"nothex\".");

        FlinkJob job = submit(JobBehaviour.DEFAULT);
        HttpResult badBody = flink.post("/applications/" + job.id() + "/cancel", "[1]");
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.firstErrorLine()).isEqualTo(REST_HANDLER
                + "Request did not match expected format EmptyRequestBody.");
        assertThat(job.status()).isEqualTo(JobStatus.INITIALIZING);
    }

    @Test
    void unknownApplicationIsAnInternalErrorForDetailsAndExceptions() {
        for (String path : List.of("/applications/" + UNKNOWN, "/applications/" + UNKNOWN + "/exceptions")) {
            HttpResult result = flink.get(path);

            assertThat(result.status()).isEqualTo(500);
            assertThat(result.json().path("errors").path(0).asText()).isEqualTo("Internal server error.");
            assertThat(result.json().path("errors").path(1).asText()).startsWith("<Exception on server side:\n"
                    + "org.apache.flink.runtime.messages.FlinkApplicationNotFoundException: Could not find Flink"
                    + " application (" + UNKNOWN + ")\n");
        }
    }

    @Test
    void malformedApplicationIdIsABadPathParameterEverywhere() {
        for (String path : List.of("/applications/xyz", "/applications/xyz/exceptions",
                "/applications/xyz/jobmanager/config")) {
            HttpResult result = flink.get(path);

            assertThat(result.status()).isEqualTo(400);
            assertThat(result.firstErrorLine()).isEqualTo(REST_HANDLER + "Bad request, could not parse parameters:"
                    + " Cannot resolve path parameter (applicationid) from value \"xyz\".");
        }
    }

    @Test
    void upperCaseApplicationIdFindsTheApplication() {
        FlinkJob job = submit(JobBehaviour.DEFAULT);

        HttpResult result = flink.get("/applications/" + job.id().toUpperCase());

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().path("id").asText()).isEqualTo(job.id());
    }

    @Test
    void applicationExceptionsAreEmpty() {
        FlinkJob job = submit(ending(JobBehaviour.Outcome.FAIL));
        advance(Duration.ofSeconds(5));

        HttpResult result = flink.get("/applications/" + job.id() + "/exceptions");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{\"exceptionHistory\":{\"entries\":[]}}");
    }

    @Test
    void applicationJobManagerConfigIsTheClustersForAnyWellFormedId() {
        HttpResult result = flink.get("/applications/" + UNKNOWN + "/jobmanager/config");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo(flink.get("/jobmanager/config").body());
    }
}
