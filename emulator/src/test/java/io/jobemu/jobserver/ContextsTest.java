package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.testing.HttpResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ContextsTest extends JobserverTest {

    @Test
    void createListGetAndDeleteAContext() {
        HttpResult created = createContext("analytics", "?num-cpu-cores=2&memory-per-node=1g");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).isEqualTo("{\"status\":\"SUCCESS\",\"result\":\"Context initialized\"}");
        assertThat(jobserver.get("/contexts").body()).isEqualTo("[\"analytics\"]");
        JsonNode report = jobserver.get("/contexts/analytics").json();
        assertThat(keys(report)).containsExactly("name", "startTime", "state", "url", "applicationId", "endTime",
                "id");
        assertThat(report.path("state").asText()).isEqualTo("RUNNING");
        assertThat(report.path("endTime").asText()).isEqualTo("Empty");
        assertThat(report.path("url").asText()).isEqualTo("http://127.0.0.1:4040");
        assertThat(report.path("applicationId").asText()).startsWith("local-");
        assertThat(report.path("startTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Instant.parse(report.path("startTime").asText()).toEpochMilli())
                .isEqualTo(emulator.clock().millis());

        advance(Duration.ofSeconds(3));
        HttpResult deleted = jobserver.delete("/contexts/analytics");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"status\":\"SUCCESS\",\"result\":\"Context stopped\"}");
        assertThat(jobserver.get("/contexts").body()).isEqualTo("[]");
        JsonNode finished = jobserver.get("/contexts/analytics").json();
        assertThat(keys(finished)).containsExactly("name", "startTime", "state", "endTime", "id");
        assertThat(finished.path("state").asText()).isEqualTo("FINISHED");
        assertThat(finished.path("endTime").asText()).matches("\\d{4}-.*T.*\\.\\d{3}Z");
        assertThat(jobserver.delete("/contexts/analytics").body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"context analytics not found\"}");
        assertThat(createContext("analytics", "").status()).as("a finished context's name is free again")
                .isEqualTo(200);
    }

    @Test
    void contextsAreListedNewestFirstEachWithItsOwnUiPort() {
        createContext("first", "");
        advance(Duration.ofSeconds(1));
        createContext("second", "");

        assertThat(jobserver.get("/contexts").body()).isEqualTo("[\"second\",\"first\"]");
        assertThat(jobserver.get("/contexts/second").json().path("url").asText()).isEqualTo("http://127.0.0.1:4041");
    }

    @Test
    void creationErrors() {
        createContext("taken", "");

        assertThat(createContext("taken", "").body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"context taken exists\"}");
        assertThat(createContext("1st", "").body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"context name must start with letters\"}");
        HttpResult notHocon = jobserver.post("/contexts/broken", "spark { ");
        assertThat(notHocon.status()).isEqualTo(500);
        assertThat(notHocon.body()).isEqualTo("There was an internal server error.");
        assertThat(jobserver.get("/contexts/nope").body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"can't find context with name nope\"}");
    }

    @Test
    void initializationErrorsLeaveAContextInError() {
        HttpResult malformed = createContext("m", "?dependent-jar-uris=hdfs:///lib.jar");
        HttpResult unknownBinary = jobserver.post("/contexts/u",
                "spark.context-settings.dependent-jar-uris = [\"missing-lib\"]");
        HttpResult unknownFactory = createContext("f", "?context-factory=com.acme.Factory");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("status").asText()).isEqualTo("CONTEXT INIT ERROR: Malformed URL");
        assertThat(malformed.json().path("result").path("message").asText()).isEqualTo("unknown protocol: hdfs");
        assertThat(unknownBinary.status()).isEqualTo(500);
        assertThat(unknownBinary.json().path("status").asText()).isEqualTo("CONTEXT INIT ERROR");
        assertThat(unknownBinary.json().path("result").path("errorClass").asText())
                .isEqualTo("spark.jobserver.util.NoSuchBinaryException");
        assertThat(unknownBinary.json().path("result").path("message").asText())
                .isEqualTo("can't find binary: missing-lib in database");
        assertThat(unknownFactory.json().path("result").path("errorClass").asText())
                .isEqualTo("java.lang.ClassNotFoundException");
        assertThat(jobserver.get("/contexts/m").json().path("state").asText()).isEqualTo("ERROR");
        assertThat(jobserver.get("/contexts").body()).isEqualTo("[]");
    }

    @Test
    void theBodysContextSettingsWinOverQueryParameters() {
        uploadBinary("demo");
        HttpResult created = jobserver.post("/contexts/streams?context-factory=nonsense",
                "spark.context-settings.context-factory = spark.jobserver.context.StreamingContextFactory");

        HttpResult wordCount = postJob("cp=demo&mainClass=" + WORD_COUNT + "&context=streams", "input.string = a");
        HttpResult streaming = postJob("cp=demo&mainClass=spark.jobserver.StreamingTestJob&context=streams", "");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(wordCount.status()).isEqualTo(400);
        assertThat(wordCount.body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"Invalid job type for this context\"}");
        assertThat(streaming.status()).isEqualTo(202);
    }

    @Test
    void jobsInANamedContextLeaveItRunning() {
        createContext("shared", "");
        String id = startJob("spark.jobserver.NoOpJob", "&context=shared", "");
        advance(Duration.ZERO);

        JsonNode report = job(id);

        assertThat(report.path("status").asText()).isEqualTo("FINISHED");
        assertThat(report.path("context").asText()).isEqualTo("shared");
        assertThat(report.path("contextId").asText())
                .isEqualTo(jobserver.get("/contexts/shared").json().path("id").asText());
        assertThat(jobserver.get("/contexts").body()).isEqualTo("[\"shared\"]");
    }

    @Test
    void anAdHocContextLivesAsLongAsItsJob() {
        String id = startJob(LONG_PI, "", "stress.test.longpijob.duration = 2");
        String adHoc = job(id).path("context").asText();

        assertThat(jobserver.get("/contexts").json().get(0).asText()).isEqualTo(adHoc);
        advance(Duration.ofSeconds(2));

        assertThat(job(id).path("status").asText()).isEqualTo("FINISHED");
        assertThat(jobserver.get("/contexts").body()).isEqualTo("[]");
        assertThat(jobserver.get("/contexts/" + adHoc).json().path("state").asText()).isEqualTo("FINISHED");
        assertThat(jobserver.get("/_emulator/jobserver/contexts/" + adHoc + "/transitions").json()
                .path("transitions").findValuesAsText("to")).containsExactly("RUNNING", "STOPPING", "FINISHED");
    }

    @Test
    void anAdHocContextForAProxyUserIsPrefixedWithTheUser() {
        String id = startJob(LONG_PI, "&spark.proxy.user=ann", "");

        assertThat(job(id).path("context").asText()).matches("ann~[0-9a-f-]{36}-spark\\.jobserver\\.LongPiJob");
    }

    @Test
    void deletingAContextFailsItsRunningJobs() {
        createContext("doomed", "");
        String id = startJob(LONG_PI, "&context=doomed", "");

        jobserver.delete("/contexts/doomed");

        JsonNode report = job(id);
        assertThat(report.path("status").asText()).isEqualTo("ERROR");
        assertThat(report.path("result").toString()).isEqualTo("{\"message\":\"Context (doomed) for this job was "
                + "terminated\",\"errorClass\":\"\",\"stack\":\"\"}");
        assertThat(postJob("cp=demo&mainClass=" + LONG_PI + "&context=doomed", "").body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"context doomed not found\"}");
    }

    @Test
    void aFullContextAnswers503() {
        updateSettings("{\"maxJobsPerContext\": 2}");
        createContext("small", "");
        startJob(LONG_PI, "&context=small", "");
        startJob(LONG_PI, "&context=small", "");

        HttpResult third = postJob("cp=demo&mainClass=" + LONG_PI + "&context=small", "");

        assertThat(third.status()).isEqualTo(503);
        assertThat(third.body()).isEqualTo("{\"status\":\"NO SLOTS AVAILABLE\",\"result\":\"Too many running jobs (2) "
                + "for job context 'small'\"}");
        advance(Duration.ofSeconds(5));
        assertThat(postJob("cp=demo&mainClass=" + LONG_PI + "&context=small", "").status()).isEqualTo(202);
    }

    @Test
    void theDefaultCapacityIsEightRunningJobs() {
        createContext("busy", "");
        for (int i = 0; i < 8; i++) {
            startJob(LONG_PI, "&context=busy", "");
        }

        assertThat(postJob("cp=demo&mainClass=" + LONG_PI + "&context=busy", "").json().path("result").asText())
                .isEqualTo("Too many running jobs (8) for job context 'busy'");
    }

    @Test
    void aSlowStopAnswers202AndRefusesNewJobsUntilDone() {
        updateSettings("{\"contextStopDelay\": \"PT30S\"}");
        createContext("slow", "");
        uploadBinary("demo");

        HttpResult deleted = jobserver.delete("/contexts/slow?x=1");

        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.body()).isEmpty();
        assertThat(deleted.header("Location")).isEqualTo(jobserver.baseUrl() + "/contexts/slow?x=1");
        assertThat(jobserver.get("/contexts/slow").json().path("state").asText()).isEqualTo("STOPPING");
        assertThat(jobserver.get("/contexts").body()).isEqualTo("[\"slow\"]");
        assertThat(postJob("cp=demo&mainClass=" + LONG_PI + "&context=slow", "").body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"Context stop in progress\"}");
        assertThat(jobserver.delete("/contexts/slow").status()).as("a stop already under way").isEqualTo(202);

        advance(Duration.ofSeconds(30));

        assertThat(jobserver.get("/contexts/slow").json().path("state").asText()).isEqualTo("FINISHED");
    }

    @Test
    void aStopWithinTheDeletionTimeoutIsAwaitedOnTheClock() throws Exception {
        updateSettings("{\"contextStopDelay\": \"PT5S\"}");
        createContext("calm", "");
        var answer = CompletableFuture.supplyAsync(() -> jobserver.delete("/contexts/calm"));
        awaitTrue(() -> emulator.jobserver().server().supervisor().context("calm").orElseThrow().state().name()
                .equals("STOPPING"));

        advance(Duration.ofSeconds(5));

        assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
    }

    @Test
    void forceDeleteStopsAtOnce() {
        updateSettings("{\"contextStopDelay\": \"PT30S\"}");
        createContext("stuck", "");

        assertThat(jobserver.delete("/contexts/stuck?force=true").status()).isEqualTo(200);
        assertThat(jobserver.delete("/contexts/other?force=perhaps").body())
                .isEqualTo("The query parameter 'force' was malformed:\n'perhaps' is not a valid Boolean value");
    }

    @Test
    void resetStopsEveryContext() {
        createContext("a", "");
        createContext("b", "");

        assertThat(jobserver.put("/contexts?reset=reboot", "").body())
                .isEqualTo("{\"status\":\"SUCCESS\",\"result\":\"Context reset\"}");
        assertThat(jobserver.get("/contexts").body()).isEqualTo("[]");
        createContext("c", "");
        assertThat(jobserver.put("/contexts?reset=reboot&sync=false", "").json().path("result").asText())
                .isEqualTo("Context reset requested");
        assertThat(jobserver.put("/contexts?reset=now", "").body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"ERROR\"}");
        assertThat(jobserver.put("/contexts?reset=now", "").status()).isEqualTo(500);
        HttpResult missing = jobserver.put("/contexts", "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("Request is missing required query parameter 'reset'");
    }

    @Test
    void aKilledDriverFailsItsJobs() {
        createContext("fragile", "");
        String id = startJob(LONG_PI, "&context=fragile", "");
        String contextId = jobserver.get("/contexts/fragile").json().path("id").asText();

        HttpResult forced = jobserver.post("/_emulator/jobserver/contexts/fragile/state?to=KILLED", null);

        assertThat(forced.status()).isEqualTo(200);
        assertThat(jobserver.get("/contexts/fragile").json().path("state").asText()).isEqualTo("KILLED");
        assertThat(job(id).path("result").path("message").asText())
                .isEqualTo("Unexpected termination of context " + contextId);
        assertThat(jobserver.post("/_emulator/jobserver/contexts/fragile/state?to=RUNNING", null).status())
                .as("a killed context stays dead").isEqualTo(409);
        assertThat(jobserver.post("/_emulator/jobserver/contexts/nope/state?to=KILLED", null).status())
                .isEqualTo(404);
        assertThat(jobserver.post("/_emulator/jobserver/contexts/fragile/state?to=LOST", null).status())
                .isEqualTo(400);
    }

    @Test
    void aSupervisedRestartRerunsAsyncJobsAndFailsSyncOnes() throws Exception {
        createContext("supervised", "");
        String async = startJob(LONG_PI, "&context=supervised", "stress.test.longpijob.duration = 10");
        var sync = CompletableFuture.supplyAsync(() ->
                postJob("cp=demo&mainClass=" + LONG_PI + "&context=supervised&sync=true&timeout=2", ""));
        awaitTrue(() -> emulator.jobserver().server().supervisor().jobs().size() == 2);
        String syncId = emulator.jobserver().server().supervisor().jobs().get(0).id();
        advance(Duration.ofSeconds(4));

        jobserver.post("/_emulator/jobserver/contexts/supervised/state?to=RESTARTING", null);

        JsonNode restarting = job(async);
        assertThat(restarting.path("status").asText()).isEqualTo("RESTARTING");
        assertThat(restarting.path("duration").asText()).isEqualTo("4.0 secs");
        assertThat(restarting.path("result").path("errorClass").asText())
                .isEqualTo("spark.jobserver.JobManagerActor$ContextTerminatedException");
        assertThat(jobserver.get("/contexts").body()).isEqualTo("[\"supervised\"]");
        assertThat(jobserver.delete("/jobs/" + async).body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"Received an unexpected message\"}");

        jobserver.post("/_emulator/jobserver/contexts/supervised/state?to=RUNNING", null);

        assertThat(job(async).path("status").asText()).isEqualTo("RUNNING");
        assertThat(job(async).path("duration").asText()).isEqualTo("Job not done yet");
        assertThat(job(syncId).path("status").asText()).isEqualTo("ERROR");
        assertThat(job(syncId).path("result").path("message").asText())
                .isEqualTo("Failed to load config for job with id: " + syncId);
        advance(Duration.ofSeconds(10));
        assertThat(job(async).path("status").asText()).isEqualTo("FINISHED");
        assertThat(job(async).path("duration").asText()).isEqualTo("14.0 secs");
        assertThat(sync.get().status()).as("the sync request never got an answer").isEqualTo(500);
    }

    @Test
    void deletingARestartingContextFindsNoDriver() {
        createContext("gone", "");
        jobserver.post("/_emulator/jobserver/contexts/gone/state?to=RESTARTING", null);

        assertThat(jobserver.delete("/contexts/gone").status()).isEqualTo(404);
        assertThat(jobserver.get("/contexts/gone").json().path("state").asText()).isEqualTo("ERROR");
    }

    @Test
    void stopContextOnJobErrorKillsTheContext() {
        createContext("strict", "?stop-context-on-job-error=true");
        String longJob = startJob(LONG_PI, "&context=strict", "");
        startJob(ERROR_JOB, "&context=strict", "");

        advance(Duration.ZERO);

        assertThat(jobserver.get("/contexts/strict").json().path("state").asText()).isEqualTo("KILLED");
        assertThat(job(longJob).path("status").asText()).isEqualTo("ERROR");
    }

    @Test
    void anAdHocContextThatCannotStartFailsTheSubmission() {
        uploadBinary("demo");

        HttpResult result = postJob("cp=demo&mainClass=" + WORD_COUNT,
                "input.string = a, spark.context-settings.context-factory = com.acme.Factory");

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.json().path("status").asText()).isEqualTo("ERROR");
        assertThat(result.json().path("result").path("errorClass").asText()).isEqualTo("java.lang.RuntimeException");
        assertThat(result.json().path("result").path("message").asText())
                .isEqualTo("java.lang.ClassNotFoundException: com.acme.Factory");
        assertThat(result.json().path("result").path("stack").asText())
                .contains("Caused by: java.lang.ClassNotFoundException: com.acme.Factory");
    }

    @Test
    void settingsChangeOnlyTheFieldsGivenAndRefuseNonsense() {
        updateSettings("{\"maxJobsPerContext\": 3}");

        HttpResult settings = jobserver.get("/_emulator/jobserver/settings");

        assertThat(settings.json().path("maxJobsPerContext").asInt()).isEqualTo(3);
        assertThat(settings.json().path("healthy").asBoolean()).isTrue();
        assertThat(jobserver.put("/_emulator/jobserver/settings", "{\"maxJobsPerContext\": -1}").status())
                .isEqualTo(400);
        assertThat(jobserver.put("/_emulator/jobserver/settings", "[1]").status()).isEqualTo(400);
        assertThat(jobserver.put("/_emulator/jobserver/settings", "{\"contextStopDelay\": \"soon\"}").status())
                .isEqualTo(400);
    }
}
