package io.jobemu.flink.submission;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /jobs} over HTTP with execution plans serialized by Flink 2.3.0's own client (see
 * {@code src/test/resources/flink-plans}): the job it creates, and every refusal with the status and first error
 * line a real Flink 2.3.0 answered to the same request.
 */
class SubmittedJobsTest extends EmulatorTest {

    static final String BOUNDED = "1b7e3a2f00000000000000000000a001";
    static final String ENDLESS = "1b7e3a2f00000000000000000000a002";
    static final String BATCH = "1b7e3a2f00000000000000000000a003";
    private static final String RHE = "org.apache.flink.runtime.rest.handler.RestHandlerException: ";
    private static final String MISSING = "org.apache.flink.runtime.rest.handler.job.JobSubmitHandler$MissingFileException: ";
    private static final String BOUNDARY = "----submitted-jobs-test";

    @Test
    void aJobGraphBecomesAJobWithTheIdNameVerticesAndSettingsOfTheGraph() {
        HttpResult submitted = submit("bounded-job-graph.bin");

        assertThat(submitted.status()).isEqualTo(202);
        assertThat(submitted.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(submitted.body()).isEqualTo("{\"jobUrl\":\"/jobs/" + BOUNDED + "\"}");
        JsonNode details = flink.get("/jobs/" + BOUNDED).json();
        assertThat(details.path("name").asText()).isEqualTo("fixture bounded graph");
        assertThat(details.path("job-type").asText()).isEqualTo("STREAMING");
        advance(Duration.ofMillis(300));
        JsonNode vertex = flink.get("/jobs/" + BOUNDED).json().path("vertices").get(0);
        assertThat(vertex.path("id").asText()).isEqualTo("cbc357ccb763df2852fee8c4fc7d55f2");
        assertThat(vertex.path("name").asText()).isEqualTo("Source: numbers -> doubler -> discard: Writer");
        assertThat(vertex.path("parallelism").asInt()).isEqualTo(2);
        assertThat(flink.get("/jobs/" + BOUNDED + "/config").json().path("execution-config")
                .path("job-parallelism").asInt()).isEqualTo(2);
        assertThat(flink.get("/jobs/" + BOUNDED + "/checkpoints/config").json().path("interval").asLong())
                .isEqualTo(5_000);
        assertThat(flink.get("/jobs/" + BOUNDED + "/plan").json().path("plan").path("nodes").get(0)
                .path("description").asText()).isEqualTo("Source: numbers<br/>+- doubler<br/>   +- discard: Writer<br/>");
    }

    @Test
    void aJobWhoseSourcesAllEndFinishesByItself() {
        submit("bounded-job-graph.bin");

        advance(Duration.ofMillis(1_099));
        assertThat(status(BOUNDED)).isEqualTo("RUNNING");
        advance(Duration.ofMillis(1));
        assertThat(status(BOUNDED)).isEqualTo("FINISHED");
        JsonNode result = flink.get("/jobs/" + BOUNDED + "/execution-result").json();
        assertThat(result.path("job-execution-result").path("application-status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.path("job-execution-result").path("name").asText()).isEqualTo("fixture bounded graph");
    }

    @Test
    void aStreamGraphIsChainedAsTheJobManagerChainsItAndAnEndlessJobRunsUntilCancelled() {
        assertThat(submit("endless-stream-graph.bin").body()).isEqualTo("{\"jobUrl\":\"/jobs/" + ENDLESS + "\"}");

        advance(Duration.ofHours(1));
        JsonNode details = flink.get("/jobs/" + ENDLESS).json();
        assertThat(details.path("state").asText()).isEqualTo("RUNNING");
        assertThat(details.path("name").asText()).isEqualTo("fixture endless stream graph");
        List<String> vertices = new ArrayList<>();
        details.path("vertices").forEach(v -> vertices.add(v.path("name").asText() + "/" + v.path("parallelism")));
        assertThat(vertices).containsExactly("Source: ticks -> doubler/3", "plus one/2", "discard: Writer/3");
        assertThat(flink.get("/jobs/" + ENDLESS + "/checkpoints/config").json().path("interval").asLong())
                .isEqualTo(Long.MAX_VALUE);

        assertThat(flink.patch("/jobs/" + ENDLESS + "?mode=cancel").status()).isEqualTo(202);
        advance(Duration.ofSeconds(1));
        assertThat(status(ENDLESS)).isEqualTo("CANCELED");
    }

    @Test
    void aBatchGraphRestoringASavepointTheClusterNeverWroteFailsWhileInitializing() {
        assertThat(submit("batch-job-graph-restoring.bin").status()).isEqualTo(202);

        JsonNode details = flink.get("/jobs/" + BATCH).json();
        assertThat(details.path("job-type").asText()).isEqualTo("BATCH");
        assertThat(details.path("state").asText()).isEqualTo("FAILED");
        assertThat(flink.get("/jobs/" + BATCH + "/exceptions").json().path("exceptionHistory").path("entries")
                .get(0).path("exceptionName").asText())
                .isEqualTo("org.apache.flink.runtime.client.JobInitializationException");
    }

    @Test
    void aJobNameBehaviourScriptsTheSubmittedJobsFate() {
        String behaviour = "{\"outcome\":\"FAIL\",\"after\":\"PT5S\",\"restarts\":2,\"restartInterval\":\"PT10S\","
                + "\"exception\":{\"class\":\"java.io.IOException\",\"message\":\"disk full\"}}";
        assertThat(flink.put("/_emulator/flink/behaviours/job-names/fixture%20endless%20stream%20graph", behaviour)
                .status()).isEqualTo(200);
        assertThat(flink.get("/_emulator/flink/behaviours").json().path("jobNames").fieldNames().next())
                .isEqualTo("fixture endless stream graph");

        submit("endless-stream-graph.bin");
        advance(Duration.ofMinutes(2));

        assertThat(status(ENDLESS)).isEqualTo("FAILED");
        JsonNode transitions = flink.get("/_emulator/flink/jobs/" + ENDLESS + "/transitions").json();
        List<String> states = new ArrayList<>();
        transitions.path("transitions").forEach(step -> states.add(step.path("to").asText()));
        assertThat(states).containsExactly("CREATED", "RUNNING", "RESTARTING", "RUNNING", "RESTARTING", "RUNNING",
                "FAILING", "FAILED");
        assertThat(flink.get("/jobs/" + ENDLESS).json().path("vertices")).hasSize(3);
        assertThat(flink.get("/jobs/" + ENDLESS + "/exceptions").json().path("exceptionHistory").path("entries"))
                .hasSize(3).allSatisfy(entry -> assertThat(entry.path("stacktrace").asText())
                        .contains("java.io.IOException: disk full"));
    }

    @Test
    void aBehaviourWithFailingSavepointsFailsThemAndTheJobKeepsRunning() {
        flink.put("/_emulator/flink/behaviours/job-names/fixture%20endless%20stream%20graph",
                "{\"failSavepoints\":true}");
        submit("endless-stream-graph.bin");
        advance(Duration.ofSeconds(1));

        String trigger = flink.post("/jobs/" + ENDLESS + "/stop", "{\"drain\":false}").json().path("request-id")
                .asText();
        advance(Duration.ofSeconds(1));

        JsonNode savepoint = flink.get("/jobs/" + ENDLESS + "/savepoints/" + trigger).json();
        assertThat(savepoint.path("status").path("id").asText()).isEqualTo("COMPLETED");
        assertThat(savepoint.path("operation").path("failure-cause").path("stack-trace").asText())
                .contains("org.apache.flink.runtime.checkpoint.CheckpointException: Asynchronous task checkpoint "
                        + "failed.");
        assertThat(status(ENDLESS)).isEqualTo("RUNNING");
    }

    @Test
    void theSameJobIdTwiceIsADuplicateSubmission() {
        submit("bounded-job-graph.bin");
        advance(Duration.ofSeconds(5));

        HttpResult again = submit("bounded-job-graph.bin");

        assertThat(again.status()).isEqualTo(500);
        assertThat(again.json().path("errors").get(0).asText()).isEqualTo("Internal server error.");
        assertThat(again.json().path("errors").get(1).asText()).startsWith("<Exception on server side:\n"
                + "org.apache.flink.runtime.client.DuplicateApplicationSubmissionException: Application has already"
                + " been submitted.");
        assertThat(status(BOUNDED)).isEqualTo("FINISHED");
    }

    @Test
    void jobGraphFileNameIsTheOneXNameForThePlanAndIsStillAccepted() {
        HttpResult submitted = flink.send("POST", "/jobs", multipart("{\"jobGraphFileName\":\"plan.bin\"}",
                Map.of("plan.bin", plan("bounded-job-graph.bin"))), multipartType());

        assertThat(submitted.status()).isEqualTo(202);
        assertThat(status(BOUNDED)).isEqualTo("INITIALIZING");
    }

    @Test
    void everyRefusalAnswersAsARealFlinkAndLeavesNoJob() {
        byte[] plan = plan("bounded-job-graph.bin");
        Map<String, HttpResult> refused = new LinkedHashMap<>();
        refused.put(RHE + "The jobGraphFileName field must not be omitted or be null.",
                flink.post("/jobs", "{}"));
        refused.put(RHE + "The jobGraphFileName field must not be omitted or be null.",
                flink.send("POST", "/jobs", multipart(null, Map.of("plan.bin", plan)), multipartType()));
        refused.put(MISSING + "ExecutionPlan file x.bin could not be found on the server.",
                flink.post("/jobs", "{\"executionPlanFileName\":\"x.bin\",\"ignored\":1}"));
        refused.put(MISSING + "ExecutionPlan file nope.bin could not be found on the server.",
                submitNamed("nope.bin", "plan.bin", plan));
        refused.put(MISSING + "Jar file a.jar could not be found on the server.",
                flink.send("POST", "/jobs", multipart("{\"executionPlanFileName\":\"plan.bin\","
                        + "\"jobJarFileNames\":[\"a.jar\"]}", Map.of("plan.bin", plan)), multipartType()));
        refused.put(MISSING + "Artifact file f.txt could not be found on the server.",
                flink.send("POST", "/jobs", multipart("{\"executionPlanFileName\":\"plan.bin\","
                        + "\"jobArtifactFileNames\":[{\"entryName\":\"e\",\"fileName\":\"f.txt\"}]}",
                        Map.of("plan.bin", plan)), multipartType()));
        refused.put(RHE + "Request did not match expected format JobSubmitRequestBody.",
                flink.send("POST", "/jobs", multipart("{nope", Map.of("plan.bin", plan)), multipartType()));

        for (Map.Entry<String, HttpResult> refusal : refused.entrySet()) {
            assertThat(refusal.getValue().status()).as(refusal.getKey()).isEqualTo(400);
            assertThat(refusal.getValue().firstErrorLine()).isEqualTo(refusal.getKey());
            assertThat(refusal.getValue().header("access-control-allow-origin")).isEqualTo("*");
        }
        assertThat(flink.get("/jobs/overview").json().path("jobs")).isEmpty();
    }

    @Test
    void bytesThatAreNotAnExecutionPlanFailToDeserialize() throws IOException {
        byte[] plan = plan("bounded-job-graph.bin");
        ByteArrayOutputStream aString = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(aString)) {
            out.writeObject("not a graph");
        }
        List<byte[]> notPlans = List.of("garbage".getBytes(UTF_8), new byte[0], aString.toByteArray(),
                Arrays.copyOf(plan, 5_000), Arrays.copyOf(plan, plan.length - 1));
        for (byte[] notAPlan : notPlans) {
            HttpResult refused = submitNamed("plan.bin", "plan.bin", notAPlan);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.firstErrorLine()).isEqualTo(RHE + "Failed to deserialize ExecutionPlan.");
        }
        assertThat(flink.get("/jobs/overview").json().path("jobs")).isEmpty();
    }

    @Test
    void aCoordinationRequestFindsNoCoordinatorOnARunningJob() throws IOException {
        submit("endless-stream-graph.bin");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(request)) {
            out.writeObject("a coordination request");
        }
        String wellFormed = "{\"serializedCoordinationRequest\":\""
                + java.util.Base64.getEncoder().encodeToString(request.toByteArray()) + "\"}";

        HttpResult missing = flink.post("/jobs/" + ENDLESS + "/coordinators/my-uid", wellFormed);
        HttpResult corrupt = flink.post("/jobs/" + ENDLESS + "/coordinators/my-uid",
                "{\"serializedCoordinationRequest\":\"AA==\"}");
        flink.patch("/jobs/" + ENDLESS + "?mode=cancel");
        advance(Duration.ofSeconds(1));
        HttpResult gone = flink.post("/jobs/" + ENDLESS + "/coordinators/my-uid", wellFormed);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.firstErrorLine()).isEqualTo("org.apache.flink.runtime.scheduler.CoordinatorNotExistException:"
                + " Coordinator of operator 8409efe6adc6d20787611f16017c808f does not exist or the job vertex this "
                + "operator belongs to is not initialized.");
        assertThat(corrupt.status()).isEqualTo(500);
        assertThat(corrupt.json().path("errors").get(1).asText()).contains("java.io.EOFException");
        assertThat(gone.status()).isEqualTo(500);
        assertThat(gone.json().path("errors").get(1).asText()).contains("FlinkJobNotFoundException");
    }

    @Test
    void corruptedPlansAreRefusedOrRunButNeverBreakTheServer() {
        byte[] plan = plan("endless-stream-graph.bin");
        Random random = new Random(1208);
        for (int i = 0; i < 300; i++) {
            byte[] mutated = plan.clone();
            for (int flip = 0; flip < 1 + random.nextInt(8); flip++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            HttpResult answer = submitNamed("plan.bin", "plan.bin", mutated);
            if (answer.status() == 400) {
                assertThat(answer.firstErrorLine()).isEqualTo(RHE + "Failed to deserialize ExecutionPlan.");
            } else if (answer.status() == 500) {
                assertThat(answer.json().path("errors").get(1).asText()).contains("Application has already been");
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            }
        }
        assertThat(flink.get("/overview").status()).isEqualTo(200);
    }

    @Test
    void anAttributeOtherThanRequestIsRefusedByTheUploadHandler() {
        HttpResult refused = flink.send("POST", "/jobs", ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; "
                + "name=\"other\"\r\n\r\nvalue\r\n--" + BOUNDARY + "--\r\n").getBytes(UTF_8), multipartType());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"errors\":[\"Received unknown attribute other.\"]}");
    }

    private HttpResult submit(String fixture) {
        return submitNamed("plan.bin", "plan.bin", plan(fixture));
    }

    private HttpResult submitNamed(String named, String uploadedAs, byte[] content) {
        return flink.send("POST", "/jobs", multipart("{\"executionPlanFileName\":\"" + named + "\"}",
                Map.of(uploadedAs, content)), multipartType());
    }

    private String status(String jobId) {
        return flink.get("/jobs/" + jobId + "/status").json().path("status").asText();
    }

    static byte[] plan(String fixture) {
        try (InputStream in = SubmittedJobsTest.class.getResourceAsStream("/flink-plans/" + fixture)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** A body as Flink's RestClient sends it: the {@code request} JSON, then one part per file. */
    static byte[] multipart(String request, Map<String, byte[]> files) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (request != null) {
                body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
                        + "Content-Type: application/json; charset=UTF-8\r\n\r\n" + request + "\r\n").getBytes(UTF_8));
            }
            int index = 0;
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file_" + index++
                        + "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(UTF_8));
                body.write(file.getValue());
                body.write("\r\n".getBytes(UTF_8));
            }
            body.write(("--" + BOUNDARY + "--\r\n").getBytes(UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body.toByteArray();
    }
}
