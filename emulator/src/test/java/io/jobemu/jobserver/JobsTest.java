package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.testing.HttpResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class JobsTest extends JobserverTest {

    @Test
    void asyncWordCountRunsThenFinishesWithItsCounts() {
        uploadBinary("demo");

        HttpResult posted = postJob("cp=demo&mainClass=" + WORD_COUNT, "input.string = a b c a b see");

        assertThat(posted.status()).isEqualTo(202);
        assertThat(posted.header("Content-Type")).isEqualTo("application/json");
        JsonNode started = posted.json();
        assertThat(keys(started)).containsExactly("duration", "classPath", "startTime", "context", "status", "jobId",
                "contextId");
        assertThat(started.path("status").asText()).isEqualTo("STARTED");
        assertThat(started.path("duration").asText()).isEqualTo("Job not done yet");
        assertThat(started.path("classPath").asText()).isEqualTo(WORD_COUNT);
        assertThat(started.path("context").asText()).matches("[0-9a-f-]{36}-spark\\.jobserver\\.WordCountExample");
        assertThat(started.path("startTime").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)");
        String id = started.path("jobId").asText();
        assertThat(job(id).path("status").asText()).isEqualTo("RUNNING");

        advance(Duration.ofMillis(500));

        JsonNode finished = job(id);
        assertThat(keys(finished)).containsExactly("duration", "classPath", "startTime", "context", "result",
                "status", "jobId", "contextId");
        assertThat(finished.path("status").asText()).isEqualTo("FINISHED");
        assertThat(finished.path("duration").asText()).isEqualTo("0.5 secs");
        assertThat(finished.path("result").toString()).isEqualTo("{\"a\":2,\"b\":2,\"c\":1,\"see\":1}");
        assertThat(finished.path("startTime").asText()).isEqualTo(started.path("startTime").asText());
        assertThat(finished.path("contextId").asText()).isEqualTo(started.path("contextId").asText());
    }

    @Test
    void wordCountsOfMoreThanFourWordsComeInScalaHashOrder() {
        String id = startJob(WORD_COUNT, "", "input.string = \"one two three four five five\"");
        advance(Duration.ofSeconds(1));

        JsonNode result = job(id).path("result");

        assertThat(result.size()).isEqualTo(5);
        assertThat(result.path("five").asInt()).isEqualTo(2);
        assertThat(keys(result)).isEqualTo(ScalaCollections.order(
                List.of("one", "two", "three", "four", "five"), w -> w));
    }

    @Test
    void legacyAppNameAndClassPathStillWork() {
        uploadBinary("legacy");

        HttpResult posted = postJob("appName=legacy&classPath=" + WORD_COUNT, "input.string = hi");

        assertThat(posted.status()).isEqualTo(202);
    }

    @Test
    void cpAndMainClassMayComeFromTheConfig() {
        uploadBinary("demo");

        HttpResult posted = postJob("", "cp = [\"demo\"], mainClass = " + WORD_COUNT + ", input.string = hi");

        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(posted.json().path("classPath").asText()).isEqualTo(WORD_COUNT);
    }

    @Test
    void syncSubmissionWaitsForTheJobOnTheClock() throws Exception {
        uploadBinary("demo");
        CompletableFuture<HttpResult> answer = CompletableFuture.supplyAsync(() ->
                postJob("cp=demo&mainClass=" + WORD_COUNT + "&sync=true", "input.string = x y x"));
        awaitTrue(() -> !emulator.jobserver().server().supervisor().jobs().isEmpty());

        advance(Duration.ofMillis(500));

        HttpResult result = answer.get();
        assertThat(result.status()).isEqualTo(200);
        JsonNode body = result.json();
        assertThat(keys(body)).containsExactly("jobId", "result");
        assertThat(body.path("result").toString()).isEqualTo("{\"x\":2,\"y\":1}");
        String id = body.path("jobId").asText();
        assertThat(job(id).path("status").asText()).isEqualTo("FINISHED");
        assertThat(jobserver.get("/jobs/" + id + "/config").status())
                .as("a synchronous submission keeps no config").isEqualTo(404);
    }

    @Test
    void syncSubmissionOfAJobThatTakesNoTimeAnswersAtOnce() {
        uploadBinary("demo");

        HttpResult result = postJob("cp=demo&mainClass=spark.jobserver.NoOpJob&sync=true", "");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().path("result").asInt()).isEqualTo(1);
    }

    @Test
    void syncSubmissionOfAFailingJobAnswers200WithTheError() {
        uploadBinary("demo");

        HttpResult result = postJob("cp=demo&mainClass=" + ERROR_JOB + "&sync=true", "");

        assertThat(result.status()).isEqualTo(200);
        JsonNode body = result.json();
        assertThat(keys(body)).containsExactly("jobId", "status", "result");
        assertThat(body.path("status").asText()).isEqualTo("ERROR");
        assertThat(keys(body.path("result"))).containsExactly("message", "errorClass", "stack");
        assertThat(body.path("result").path("message").asText()).isEqualTo("Foobar");
        assertThat(body.path("result").path("errorClass").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(body.path("result").path("stack").asText())
                .startsWith("java.lang.IllegalArgumentException: Foobar\n\tat spark.jobserver.MyErrorJob.runJob(");
    }

    @Test
    void syncSubmissionTimesOutLikeTheRealAskButTheJobKeepsRunning() {
        uploadBinary("demo");

        HttpResult result = postJob("cp=demo&mainClass=" + LONG_PI + "&sync=true&timeout=1", "");

        assertThat(result.status()).isEqualTo(500);
        JsonNode body = result.json();
        assertThat(body.path("status").asText()).isEqualTo("ERROR");
        assertThat(body.path("result").path("errorClass").asText()).isEqualTo("akka.pattern.AskTimeoutException");
        assertThat(body.path("result").path("message").asText())
                .startsWith("Ask timed out on [Actor[akka.tcp://JobServer@127.0.0.1:")
                .contains("/user/jobManager-")
                .endsWith("after [1000 ms]. Message of type [spark.jobserver.JobManagerActor$StartJob]. A typical "
                        + "reason for `AskTimeoutException` is that the recipient actor didn't send a reply.");
        JsonNode listed = jobserver.get("/jobs").json().path(0);
        assertThat(listed.path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void failingJobEndsInErrorWithItsExceptionUnderResult() {
        String id = startJob(ERROR_JOB, "", "");
        advance(Duration.ZERO);

        JsonNode failed = job(id);

        assertThat(failed.path("status").asText()).isEqualTo("ERROR");
        assertThat(failed.path("duration").asText()).isEqualTo("0.0 secs");
        assertThat(failed.path("result").path("errorClass").asText()).isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    void validationFailureAnswers400AndLeavesAnErroredJob() {
        uploadBinary("demo");

        HttpResult result = postJob("cp=demo&mainClass=" + WORD_COUNT, "");

        assertThat(result.status()).isEqualTo(400);
        JsonNode body = result.json();
        assertThat(keys(body)).containsExactly("status", "result");
        assertThat(body.path("status").asText()).isEqualTo("VALIDATION FAILED");
        assertThat(body.path("result").path("errorClass").asText()).isEqualTo("java.lang.Throwable");
        assertThat(body.path("result").path("message").asText())
                .isEqualTo("One(SparkJobInvalid(No input.string config param))");
        JsonNode listed = jobserver.get("/jobs").json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.path(0).path("status").asText()).isEqualTo("ERROR");
        String id = listed.path(0).path("jobId").asText();
        assertThat(jobserver.get("/jobs/" + id + "/config").status()).as("only a started job's config is saved")
                .isEqualTo(404);
    }

    @Test
    void badConfigsAndMissingParametersAnswerCannotParseConfig() {
        uploadBinary("demo");

        assertThat(postJob("cp=demo&mainClass=" + WORD_COUNT, "input.string = {").json().path("result").asText())
                .startsWith("Cannot parse config: String: 1:");
        assertCannotParse(postJob("appName=demo", ""), "classPath parameter is missing!");
        assertCannotParse(postJob("cp=demo", ""), "mainClass parameter is missing!");
        assertCannotParse(postJob("cp=demo&classPath=" + WORD_COUNT, ""), "mainClass parameter is missing!");
        assertCannotParse(postJob("mainClass=" + WORD_COUNT, ""),
                "To start the job appName or cp parameters should be configured!");
    }

    private static void assertCannotParse(HttpResult result, String reason) {
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body()).isEqualTo("{\"status\":\"ERROR\",\"result\":\"Cannot parse config: " + reason
                + "\"}");
    }

    @Test
    void unknownBinariesAndClassesAnswer404() {
        uploadBinary("demo");

        assertThat(postJob("cp=nope&mainClass=" + WORD_COUNT, "").body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"appName nope not found\"}");
        assertThat(postJob("appName=nope&classPath=" + WORD_COUNT, "").status()).isEqualTo(404);
        HttpResult unknownClass = postJob("cp=demo&mainClass=com.acme.Missing", "");
        assertThat(unknownClass.status()).isEqualTo(404);
        assertThat(unknownClass.body()).isEqualTo("{\"status\":\"ERROR\",\"result\":\"classPath com.acme.Missing "
                + "not found\"}");
        assertThat(postJob("appName=demo&classPath=com.acme.Missing", "").json().path("result").asText())
                .as("the legacy path quotes the empty mainClass").isEqualTo("classPath  not found");
    }

    @Test
    void anUnknownContextAnswers404() {
        uploadBinary("demo");

        HttpResult result = postJob("cp=demo&mainClass=" + WORD_COUNT + "&context=nowhere", "input.string = a");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.json().path("result").asText()).isEqualTo("context nowhere not found");
    }

    @Test
    void aUriJavaCannotOpenFailsLoadingWithMalformedUrl() {
        HttpResult result = postJob("cp=hdfs:///jobs/job.jar&mainClass=" + WORD_COUNT, "input.string = a");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().path("status").asText()).isEqualTo("JOB LOADING FAILED: Malformed URL");
        assertThat(result.json().path("result").path("errorClass").asText())
                .isEqualTo("java.net.MalformedURLException");
        assertThat(result.json().path("result").path("message").asText()).isEqualTo("unknown protocol: hdfs");
    }

    @Test
    void aUriJavaCanOpenNeedsNoUpload() {
        assertThat(postJob("cp=http://repo.example/job.jar&mainClass=" + WORD_COUNT, "input.string = a").status())
                .isEqualTo(202);
    }

    @Test
    void anUnparseableClassPathEntryIs500() {
        HttpResult result = postJob("cp=my%20jar&mainClass=" + WORD_COUNT, "");

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.json().path("result").path("errorClass").asText()).isEqualTo("java.net.URISyntaxException");
    }

    @Test
    void aCallbackUrlMustBeHttp() {
        uploadBinary("demo");

        HttpResult result = postJob("cp=demo&mainClass=" + WORD_COUNT + "&callbackUrl=ftp://x/y", "input.string=a");

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.json().path("status").asText()).isEqualTo("ERROR");
        assertThat(result.json().path("result").path("message").asText())
                .isEqualTo("Callback Url has to be 'http'/'https'");
        assertThat(result.json().path("result").path("errorClass").asText())
                .isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    void aTimeoutThatIsNotPositiveFailsTheAsk() {
        uploadBinary("demo");

        HttpResult result = postJob("cp=demo&mainClass=" + WORD_COUNT + "&timeout=0", "input.string=a");

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.json().path("result").path("message").asText())
                .matches("Timeout length must be positive, question not sent to \\[Actor\\[akka://JobServer/user/"
                        + "binary-manager#-?\\d+]]\\. Message of type \\[spark\\.jobserver\\.BinaryManager"
                        + "\\$GetBinaryInfoListForCp]\\.");
    }

    @Test
    void malformedSyncOrTimeoutIsAkkasPlain400() {
        HttpResult sync = postJob("cp=demo&mainClass=x&sync=maybe", "");
        HttpResult timeout = postJob("cp=demo&mainClass=x&timeout=soon", "");

        assertThat(sync.status()).isEqualTo(400);
        assertThat(sync.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(sync.body()).isEqualTo("The query parameter 'sync' was malformed:\n'maybe' is not a valid Boolean "
                + "value");
        assertThat(timeout.body()).isEqualTo("The query parameter 'timeout' was malformed:\n'soon' is not a valid "
                + "32-bit signed integer value");
    }

    @Test
    void listIsNewestFirstAndFiltersByLimitAndStatus() {
        String first = startJob(LONG_PI, "", "");
        advance(Duration.ofSeconds(1));
        String second = startJob(ERROR_JOB, "", "");
        advance(Duration.ofSeconds(1));
        String third = startJob(LONG_PI, "", "");

        assertThat(jobserver.get("/jobs").json().findValuesAsText("jobId")).containsExactly(third, second, first);
        assertThat(jobserver.get("/jobs?limit=2").json().findValuesAsText("jobId")).containsExactly(third, second);
        assertThat(jobserver.get("/jobs?status=running").json().findValuesAsText("jobId"))
                .containsExactly(third, first);
        assertThat(jobserver.get("/jobs?status=ERROR").json().findValuesAsText("jobId")).containsExactly(second);
        assertThat(jobserver.get("/jobs?status=STARTED").json().size()).isZero();
        HttpResult malformed = jobserver.get("/jobs?limit=abc");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("The query parameter 'limit' was malformed:\n'abc' is not a valid "
                + "32-bit signed integer value");
    }

    @Test
    void listedFinishedJobsCarryNoResult() {
        String id = startJob("spark.jobserver.NoOpJob", "", "");
        advance(Duration.ZERO);

        JsonNode listed = jobserver.get("/jobs").json().path(0);

        assertThat(listed.path("jobId").asText()).isEqualTo(id);
        assertThat(listed.path("status").asText()).isEqualTo("FINISHED");
        assertThat(listed.has("result")).isFalse();
    }

    @Test
    void configIsThePostedConfigRenderedAsFormattedJson() {
        String id = startJob(WORD_COUNT, "", "input.string = \"a b\"\nextra { z = 1, a = true }");

        HttpResult config = jobserver.get("/jobs/" + id + "/config");

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.header("Content-Type")).isEqualTo("application/json");
        assertThat(config.body()).isEqualTo("""
                {
                    "extra" : {
                        "a" : true,
                        "z" : 1
                    },
                    "input" : {
                        "string" : "a b"
                    }
                }
                """);
        assertThat(jobserver.get("/jobs/nope/config").body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"No such job ID nope\"}");
    }

    @Test
    void unknownJobIs404() {
        HttpResult result = jobserver.get("/jobs/nope");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body()).isEqualTo("{\"status\":\"ERROR\",\"result\":\"No such job ID nope\"}");
    }

    @Test
    void killEndsARunningJobAndReportsHowEndedJobsEnded() {
        String running = startJob(LONG_PI, "", "stress.test.longpijob.duration = 60");
        String failed = startJob(ERROR_JOB, "", "");
        String finished = startJob("spark.jobserver.NoOpJob", "", "");
        advance(Duration.ofSeconds(2));

        HttpResult killed = jobserver.delete("/jobs/" + running);

        assertThat(killed.status()).isEqualTo(200);
        assertThat(killed.body()).isEqualTo("{\"status\":\"KILLED\"}");
        JsonNode report = job(running);
        assertThat(report.path("status").asText()).isEqualTo("KILLED");
        assertThat(report.path("duration").asText()).isEqualTo("2.0 secs");
        assertThat(report.path("result").path("message").asText()).isEqualTo("Job " + running + " killed");
        assertThat(report.path("result").path("errorClass").asText())
                .isEqualTo("spark.jobserver.JobManagerActor$JobKilledException");
        assertThat(jobserver.delete("/jobs/" + running).body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"No running job with ID " + running + "\"}");
        assertThat(jobserver.delete("/jobs/" + finished).status()).isEqualTo(404);
        HttpResult erroredDelete = jobserver.delete("/jobs/" + failed);
        assertThat(erroredDelete.status()).isEqualTo(200);
        assertThat(keys(erroredDelete.json())).containsExactly("status", "ERROR");
        assertThat(erroredDelete.json().path("ERROR").path("message").asText()).isEqualTo("Foobar");
        assertThat(jobserver.delete("/jobs/nope").body())
                .isEqualTo("{\"status\":\"ERROR\",\"result\":\"No such job ID nope\"}");
    }

    @Test
    void aKilledJobNeverFinishesLater() {
        String id = startJob(LONG_PI, "", "");
        jobserver.delete("/jobs/" + id);

        advance(Duration.ofSeconds(10));

        assertThat(job(id).path("status").asText()).isEqualTo("KILLED");
    }

    @Test
    void theJobStateMachineIsRecorded() {
        String id = startJob(LONG_PI, "", "");
        jobserver.delete("/jobs/" + id);

        JsonNode transitions = jobserver.get("/_emulator/jobserver/jobs/" + id + "/transitions").json();

        assertThat(transitions.path("state").asText()).isEqualTo("KILLED");
        assertThat(transitions.path("transitions").findValuesAsText("to")).containsExactly("KILLED");
        assertThat(jobserver.get("/_emulator/jobserver/jobs/nope/transitions").status()).isEqualTo(404);
    }

    @Test
    void behavioursSetPerMainClassDecideWhatAJobDoes() {
        setBehaviour("com.acme.Etl", "{\"outcome\":\"FINISH\",\"duration\":\"PT3S\",\"result\":{\"rows\":[1,2]}}");
        setBehaviour("com.acme.Broken", "{\"outcome\":\"FAIL\",\"duration\":\"PT1S\","
                + "\"error\":{\"class\":\"java.io.IOException\",\"message\":\"disk full\"}}");
        setBehaviour("com.acme.Picky", "{\"outcome\":\"INVALID\",\"error\":{\"message\":\"One(SingleProblem(no))\"}}");
        String etl = startJob("com.acme.Etl", "", "");
        String broken = startJob("com.acme.Broken", "", "");

        advance(Duration.ofSeconds(1));
        assertThat(job(broken).path("result").path("message").asText()).isEqualTo("disk full");
        assertThat(job(etl).path("status").asText()).isEqualTo("RUNNING");
        advance(Duration.ofSeconds(2));

        assertThat(job(etl).path("result").toString()).isEqualTo("{\"rows\":[1,2]}");
        assertThat(postJob("cp=demo&mainClass=com.acme.Picky", "").json().path("result").path("message").asText())
                .isEqualTo("One(SingleProblem(no))");
        assertThat(jobserver.get("/_emulator/jobserver/behaviours").json().path("mainClasses").size()).isEqualTo(3);
        assertThat(jobserver.delete("/_emulator/jobserver/behaviours/com.acme.Etl").status()).isEqualTo(200);
        assertThat(jobserver.delete("/_emulator/jobserver/behaviours/com.acme.Etl").status()).isEqualTo(404);
        assertThat(postJob("cp=demo&mainClass=com.acme.Etl", "").status()).isEqualTo(404);
        assertThat(jobserver.put("/_emulator/jobserver/behaviours/x", "{\"outcome\":\"SOMETIMES\"}").status())
                .isEqualTo(400);
    }

    @Test
    void sleepJobFailsWithTheConfigLibrarysOwnMessageWithoutItsKey() {
        String id = startJob("spark.jobserver.SleepJob", "", "");
        advance(Duration.ZERO);

        JsonNode error = job(id).path("result");

        assertThat(error.path("errorClass").asText()).isEqualTo("com.typesafe.config.ConfigException$Missing");
        assertThat(error.path("message").asText()).contains("No configuration setting found for key 'sleep'");
    }
}
