package io.jobemu.streamkap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.streamkap.jobs.Deployer;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Streamkap job is a real job of the emulated Flink: its status follows the Flink job's. */
class StreamkapLifecycleTest extends StreamkapTest {

    @Test
    void deployAnswersCreatedJobThenFlinkRunsIt() {
        HttpResult deployed = deployJar(jarForm("orders", MAIN_CLASS).field("parallelism", "2")
                .field("job_args", "{\"--topic\":\"orders\",\"--window\":5}"));

        assertThat(deployed.status()).isEqualTo(200);
        assertThat(deployed.header("content-type")).isEqualTo("application/json");
        JsonNode job = deployed.json();
        assertThat(job.fieldNames()).toIterable().containsExactly("_id", "name", "job_type", "status",
                "flink_job_name", "flink_job_id", "parallelism", "created_by", "created_timestamp",
                "updated_timestamp");
        assertThat(job.path("_id").asText()).matches("[0-9a-f]{24}");
        assertThat(job.path("name").asText()).isEqualTo("orders");
        assertThat(job.path("job_type").asText()).isEqualTo("jar");
        assertThat(job.path("status").asText()).isEqualTo("CREATED");
        assertThat(job.path("flink_job_name").asText()).isEqualTo("orders");
        assertThat(job.path("flink_job_id").isNull()).isTrue();
        assertThat(job.path("parallelism").asInt()).isEqualTo(2);
        assertThat(job.path("created_by").asText()).isEqualTo(StreamkapCredentials.DEFAULT.clientId());
        assertThat(job.path("created_timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z");
        // the jar is in Flink's store from the start
        assertThat(flink.get("/jars").json().path("files").path(0).path("name").asText()).isEqualTo("job.jar");

        String id = job.path("_id").asText();
        advance(Deployer.deployDelay(emulator.config().timing()));
        JsonNode deploying = api.get("/flink_jobs/" + id + "/status", token).json();
        assertThat(deploying.path("status").asText()).isEqualTo("DEPLOYING");
        assertThat(deploying.path("live_status").asText()).isEqualTo("INITIALIZING");
        String flinkJobId = deploying.path("flink_job_id").asText();
        assertThat(flinkJobId).matches("[0-9a-f]{32}");

        advance(UNTIL_RUNNING);
        JsonNode running = api.get("/flink_jobs/" + id + "/status", token).json();
        assertThat(running.fieldNames()).toIterable().containsExactly("id", "status", "live_status", "flink_job_id");
        assertThat(running.path("id").asText()).isEqualTo(id);
        assertThat(running.path("status").asText()).isEqualTo("RUNNING");
        assertThat(running.path("live_status").asText()).isEqualTo("RUNNING");

        JsonNode onFlink = flink.get("/jobs/" + flinkJobId).json();
        assertThat(onFlink.path("name").asText()).isEqualTo("orders");
        assertThat(onFlink.path("state").asText()).isEqualTo("RUNNING");
        assertThat(onFlink.path("vertices").path(0).path("parallelism").asInt()).isEqualTo(2);
        assertThat(emulator.flink().cluster().jobs().find(flinkJobId).orElseThrow().spec().programArgs())
                .containsExactly("--topic", "orders", "--window", "5");
        assertThat(emulator.flink().cluster().jobs().find(flinkJobId).orElseThrow().spec().entryClass())
                .isEqualTo(MAIN_CLASS);
    }

    @Test
    void detailCarriesLiveFlinkData() {
        behaviour(MAIN_CLASS, "{\"checkpointInterval\":\"PT1S\"}");
        String id = deploy("orders", MAIN_CLASS);

        JsonNode created = job(id).json();
        assertThat(created.fieldNames()).toIterable().containsExactly("_id", "name", "job_type", "status",
                "flink_job_name", "flink_job_id", "parallelism", "created_by", "created_timestamp",
                "updated_timestamp", "live_status", "checkpoints", "errors", "job_args", "savepoint_path",
                "error_message");
        assertThat(created.path("live_status").isNull()).isTrue();
        assertThat(created.path("checkpoints").isEmpty()).isTrue();
        assertThat(created.path("errors").isNull()).isTrue();
        assertThat(created.path("job_args").isObject()).isTrue();
        assertThat(created.path("job_args").isEmpty()).isTrue();
        assertThat(created.path("savepoint_path").isNull()).isTrue();
        assertThat(created.path("error_message").isNull()).isTrue();

        advance(Duration.ofSeconds(5));
        JsonNode running = job(id).json();
        assertThat(running.path("live_status").asText()).isEqualTo("RUNNING");
        assertThat(running.path("checkpoints").path("counts").path("completed").asInt()).isGreaterThan(0);
        String flinkJobId = running.path("flink_job_id").asText();
        assertThat(running.path("checkpoints")).isEqualTo(flink.get("/jobs/" + flinkJobId + "/checkpoints").json());
        assertThat(running.path("errors").isArray()).isTrue();
        assertThat(running.path("errors").isEmpty()).isTrue();
    }

    @Test
    void statusFollowsFlinkJobThatFinishes() {
        behaviour(MAIN_CLASS, "{\"outcome\":\"FINISH\",\"after\":\"PT10S\"}");
        String id = deploy("batch", MAIN_CLASS);
        advance(UNTIL_RUNNING);
        assertThat(status(id)).isEqualTo("RUNNING");

        advance(Duration.ofSeconds(10));

        JsonNode job = job(id).json();
        assertThat(job.path("status").asText()).isEqualTo("FINISHED");
        assertThat(job.path("live_status").asText()).isEqualTo("FINISHED");
        assertThat(job.path("error_message").isNull()).isTrue();
    }

    @Test
    void statusFollowsFlinkJobThatFails() {
        behaviour(MAIN_CLASS, "{\"outcome\":\"FAIL\",\"after\":\"PT3S\","
                + "\"exception\":{\"class\":\"java.io.IOException\",\"message\":\"disk full\"}}");
        String id = deploy("failing", MAIN_CLASS);

        advance(Duration.ofSeconds(10));

        JsonNode job = job(id).json();
        assertThat(job.path("status").asText()).isEqualTo("FAILED");
        assertThat(job.path("live_status").asText()).isEqualTo("FAILED");
        assertThat(job.path("error_message").asText()).isEqualTo("java.io.IOException: disk full");
        assertThat(job.path("errors").path(0).path("exceptionName").asText())
                .isEqualTo("org.apache.flink.runtime.JobException");
        assertThat(job.path("errors").path(0).path("concurrentExceptions").path(0).path("exceptionName").asText())
                .isEqualTo("java.io.IOException");
    }

    @Test
    void restartingFlinkJobStaysRunning() {
        behaviour(MAIN_CLASS, "{\"restarts\":1,\"restartInterval\":\"PT5S\"}");
        String id = deploy("flaky", MAIN_CLASS);
        advance(UNTIL_RUNNING.plusSeconds(5));

        JsonNode status = api.get("/flink_jobs/" + id + "/status", token).json();

        assertThat(status.path("live_status").asText()).isEqualTo("RESTARTING");
        assertThat(status.path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void cancelledFlinkJobIsCancelled() {
        String id = deploy("orders", MAIN_CLASS);
        advance(UNTIL_RUNNING);

        HttpResult cancelled = api.post("/flink_jobs/" + id + "/cancel", token);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(job(id).json().path("live_status").asText()).isEqualTo("CANCELLING");
        advance(Duration.ofSeconds(1));
        String flinkJobId = job(id).json().path("flink_job_id").asText();
        assertThat(flink.get("/jobs/" + flinkJobId + "/status").json().path("status").asText()).isEqualTo("CANCELED");
        assertThat(job(id).json().path("live_status").asText()).isEqualTo("CANCELED");
        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    @Test
    void cancelOnFlinkPortIsSeenByStreamkap() {
        String id = deploy("orders", MAIN_CLASS);
        advance(UNTIL_RUNNING);
        String flinkJobId = job(id).json().path("flink_job_id").asText();

        assertThat(flink.patch("/jobs/" + flinkJobId + "?mode=cancel").status()).isEqualTo(202);
        advance(Duration.ofSeconds(1));

        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    @Test
    void cancelBeforeTheJobReachesFlinkKeepsItOffFlink() {
        String id = deploy("orders", MAIN_CLASS);

        HttpResult cancelled = api.post("/flink_jobs/" + id + "/cancel", token);
        advance(Duration.ofSeconds(5));

        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        JsonNode job = job(id).json();
        assertThat(job.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(job.path("flink_job_id").isNull()).isTrue();
        assertThat(flink.get("/jobs/overview").json().path("jobs").isEmpty()).isTrue();
    }

    @Test
    void cancellingAnEndedJobIsAConflict() {
        behaviour(MAIN_CLASS, "{\"outcome\":\"FINISH\",\"after\":\"PT1S\"}");
        String id = deploy("batch", MAIN_CLASS);
        advance(Duration.ofSeconds(5));

        HttpResult cancel = api.post("/flink_jobs/" + id + "/cancel", token);

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.body()).isEqualTo("{\"detail\":\"Flink job is already FINISHED\"}");
    }

    @Test
    void cancellingTwiceIsAccepted() {
        String id = deploy("orders", MAIN_CLASS);
        advance(UNTIL_RUNNING);
        api.post("/flink_jobs/" + id + "/cancel", token);
        advance(Duration.ofSeconds(1));

        assertThat(api.post("/flink_jobs/" + id + "/cancel", token).status()).isEqualTo(200);
    }

    @Test
    void stopTakesASavepointAndFinishes() {
        String id = deploy("orders", MAIN_CLASS);
        advance(UNTIL_RUNNING);

        HttpResult stop = api.post("/flink_jobs/" + id + "/stop", token);
        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.json().path("status").asText()).isEqualTo("RUNNING");
        advance(Duration.ofSeconds(1));

        JsonNode job = job(id).json();
        assertThat(job.path("status").asText()).isEqualTo("FINISHED");
        String flinkJobId = job.path("flink_job_id").asText();
        assertThat(job.path("savepoint_path").asText())
                .startsWith("file:/tmp/flink-savepoints/savepoint-" + flinkJobId.substring(0, 6) + "-");
        assertThat(job.path("checkpoints").path("latest").path("savepoint").path("external_path").asText())
                .isEqualTo(job.path("savepoint_path").asText());
    }

    @Test
    void stoppingAJobThatIsNotRunningIsAConflict() {
        String id = deploy("orders", MAIN_CLASS);

        HttpResult stop = api.post("/flink_jobs/" + id + "/stop", token);

        assertThat(stop.status()).isEqualTo(409);
        assertThat(stop.body()).isEqualTo("{\"detail\":\"Flink job is not running\"}");
    }

    @Test
    void deleteCancelsTheFlinkJobAndForgetsTheJob() {
        String id = deploy("orders", MAIN_CLASS);
        advance(UNTIL_RUNNING);
        String flinkJobId = job(id).json().path("flink_job_id").asText();

        HttpResult deleted = api.delete("/flink_jobs/" + id, token);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(job(id).status()).isEqualTo(404);
        assertThat(flink.get("/jars").json().path("files").isEmpty()).isTrue();
        advance(Duration.ofSeconds(1));
        assertThat(flink.get("/jobs/" + flinkJobId + "/status").json().path("status").asText()).isEqualTo("CANCELED");
        // the name is free again
        assertThat(deployJar(jarForm("orders", MAIN_CLASS)).status()).isEqualTo(200);
    }

    @Test
    void unknownJobIsNotFound() {
        for (HttpResult result : List.of(job("64f0c0ffee0000000000abcd"),
                api.get("/flink_jobs/nope/status", token), api.post("/flink_jobs/nope/cancel", token),
                api.post("/flink_jobs/nope/stop", token), api.delete("/flink_jobs/nope", token))) {
            assertThat(result.status()).isEqualTo(404);
            assertThat(result.body()).isEqualTo("{\"detail\":\"Flink job not found\"}");
        }
    }

    @Test
    void aSecondJobWithTheSameNameIsAConflict() {
        deploy("orders", MAIN_CLASS);

        HttpResult second = deployJar(jarForm("orders", MAIN_CLASS));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).isEqualTo("{\"detail\":\"Flink job with name 'orders' already exists\"}");
        assertThat(flink.get("/jars").json().path("files").size()).isEqualTo(1);
    }

    @Test
    void mainMethodFailureFailsTheDeployWithoutAFlinkJob() {
        behaviour(MAIN_CLASS, "{\"outcome\":\"FAIL_IN_MAIN\","
                + "\"exception\":{\"class\":\"java.lang.IllegalStateException\",\"message\":\"bad config\"}}");
        String id = deploy("orders", MAIN_CLASS);

        advance(Duration.ofSeconds(1));

        JsonNode job = job(id).json();
        assertThat(job.path("status").asText()).isEqualTo("FAILED");
        assertThat(job.path("flink_job_id").isNull()).isTrue();
        assertThat(job.path("live_status").isNull()).isTrue();
        assertThat(job.path("error_message").asText()).isEqualTo("java.lang.IllegalStateException: bad config");
    }

    @Test
    void mainClassMissingFromTheJarFailsTheDeploy() {
        String id = deployJar(new Multipart().file("jar_file", "job.jar", TestJars.withMainClass(MAIN_CLASS))
                .field("name", "orders")
                .field("main_class", "com.example.Missing")).json().path("_id").asText();

        advance(Duration.ofSeconds(1));

        JsonNode job = job(id).json();
        assertThat(job.path("status").asText()).isEqualTo("FAILED");
        assertThat(job.path("error_message").asText()).isEqualTo("org.apache.flink.client.program."
                + "ProgramInvocationException: The program's entry point class 'com.example.Missing' was not found"
                + " in the jar file.");
    }

    @Test
    void fileNotNamedJarFailsTheDeployAsFlinksUploadWould() {
        String id = deployJar(new Multipart().file("jar_file", "job.zip", TestJars.withMainClass(MAIN_CLASS))
                .field("name", "orders").field("main_class", MAIN_CLASS)).json().path("_id").asText();

        advance(Duration.ofSeconds(1));

        JsonNode job = job(id).json();
        assertThat(job.path("status").asText()).isEqualTo("FAILED");
        assertThat(job.path("error_message").asText()).isEqualTo("Only Jar files are allowed.");
        assertThat(flink.get("/jars").json().path("files").isEmpty()).isTrue();
    }

    @Test
    void behaviourPerFlinkJarIdApplies() {
        HttpResult deployed = deployJar(jarForm("orders", MAIN_CLASS));
        String jarId = flink.get("/jars").json().path("files").path(0).path("id").asText();
        assertThat(flink.put("/_emulator/flink/behaviours/jars/" + jarId,
                "{\"outcome\":\"FINISH\",\"after\":\"PT1S\",\"jobName\":\"named by main\"}").status()).isEqualTo(200);

        advance(Duration.ofSeconds(5));

        JsonNode job = job(deployed.json().path("_id").asText()).json();
        assertThat(job.path("status").asText()).isEqualTo("FINISHED");
        assertThat(flink.get("/jobs/" + job.path("flink_job_id").asText()).json().path("name").asText())
                .isEqualTo("named by main");
        assertThat(job.path("flink_job_name").asText()).isEqualTo("orders");
    }

    @Test
    void pyFlinkJobRunsThroughFlinksPythonDriver() {
        behaviour("orders_job.py", "{\"outcome\":\"FINISH\",\"after\":\"PT2S\"}");
        HttpResult deployed = api.upload("/flink_jobs/pyflink", token, new Multipart()
                .file("python_file", "orders_job.py", "print('hi')".getBytes())
                .field("name", "py-orders").field("job_args", "{\"--limit\":\"10\"}"));

        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        assertThat(deployed.json().path("job_type").asText()).isEqualTo("pyflink");
        String id = deployed.json().path("_id").asText();
        advance(UNTIL_RUNNING);
        JsonNode running = job(id).json();
        assertThat(running.path("status").asText()).isEqualTo("RUNNING");
        var flinkJob = emulator.flink().cluster().jobs().find(running.path("flink_job_id").asText()).orElseThrow();
        assertThat(flinkJob.spec().entryClass()).isEqualTo(Deployer.PYTHON_DRIVER);
        assertThat(flinkJob.spec().programArgs()).containsExactly("-py", "orders_job.py", "--limit", "10");
        advance(Duration.ofSeconds(3));
        assertThat(status(id)).isEqualTo("FINISHED");
    }

    @Test
    void queuedDeployFailureFailsTheNextDeploy() {
        HttpResult queued = streamkap.post("/_emulator/streamkap/deploy-failures",
                "{\"message\":\"Flink cluster unavailable\"}");
        assertThat(queued.status()).isEqualTo(200);
        assertThat(queued.json().path("failures").path(0).path("message").asText())
                .isEqualTo("Flink cluster unavailable");

        String failed = deploy("first", MAIN_CLASS);
        String fine = deploy("second", MAIN_CLASS);
        advance(UNTIL_RUNNING);

        JsonNode job = job(failed).json();
        assertThat(job.path("status").asText()).isEqualTo("FAILED");
        assertThat(job.path("error_message").asText()).isEqualTo("Flink cluster unavailable");
        assertThat(job.path("flink_job_id").isNull()).isTrue();
        assertThat(status(fine)).isEqualTo("RUNNING");
        assertThat(api.post("/flink_jobs/" + failed + "/cancel", token).status()).isEqualTo(409);
    }

    @Test
    void queuedDeployFailureByNameWaitsForThatName() {
        streamkap.post("/_emulator/streamkap/deploy-failures", "{\"name\":\"second\"}");

        String first = deploy("first", MAIN_CLASS);
        String second = deploy("second", MAIN_CLASS);
        advance(UNTIL_RUNNING);

        assertThat(status(first)).isEqualTo("RUNNING");
        assertThat(job(second).json().path("error_message").asText()).isEqualTo("Emulated deploy failure");
        assertThat(streamkap.get("/_emulator/streamkap/deploy-failures").json().path("failures").isEmpty()).isTrue();
    }

    @Test
    void queuedDeployFailureWithStatusFailsTheRequest() {
        streamkap.post("/_emulator/streamkap/deploy-failures", "{\"status\":503,\"message\":\"Service Unavailable\"}");

        HttpResult refused = deployJar(jarForm("orders", MAIN_CLASS));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"detail\":\"Service Unavailable\"}");
        assertThat(api.get("/flink_jobs", token).json().path("total").asInt()).isZero();
        assertThat(deployJar(jarForm("orders", MAIN_CLASS)).status()).isEqualTo(200);
    }

    @Test
    void invalidDeployFailureIsRefused() {
        HttpResult refused = streamkap.post("/_emulator/streamkap/deploy-failures", "{\"status\":200}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText())
                .isEqualTo("invalid deploy failure: status must be an HTTP error status (400-599), got 200");
    }

    @Test
    void listPagesThroughJobsOldestFirst() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(deploy("job-" + i, MAIN_CLASS));
        }

        JsonNode first = api.get("/flink_jobs", token).json();
        JsonNode second = api.get("/flink_jobs?page=2&page_size=10", token).json();
        JsonNode newest = api.get("/flink_jobs?page_size=1&sort_dir=desc", token).json();

        assertThat(first.fieldNames()).toIterable().containsExactly("result", "page", "page_size", "total",
                "has_next");
        assertThat(first.path("result").size()).isEqualTo(10);
        assertThat(first.path("result").path(0).path("_id").asText()).isEqualTo(ids.get(0));
        assertThat(first.path("page").asInt()).isEqualTo(1);
        assertThat(first.path("page_size").asInt()).isEqualTo(10);
        assertThat(first.path("total").asInt()).isEqualTo(12);
        assertThat(first.path("has_next").asBoolean()).isTrue();
        assertThat(second.path("result").size()).isEqualTo(2);
        assertThat(second.path("has_next").asBoolean()).isFalse();
        assertThat(newest.path("result").path(0).path("_id").asText()).isEqualTo(ids.get(11));
    }

    @Test
    void listFiltersByPartialNameAndStatus() {
        String orders = deploy("Orders-EU", MAIN_CLASS);
        deploy("payments", MAIN_CLASS);
        api.post("/flink_jobs/" + orders + "/cancel", token);

        JsonNode byName = api.get("/flink_jobs?partial_name=orders", token).json();
        JsonNode byStatus = api.get("/flink_jobs?status=CREATED,RUNNING", token).json();

        assertThat(byName.path("total").asInt()).isEqualTo(1);
        assertThat(byName.path("result").path(0).path("_id").asText()).isEqualTo(orders);
        assertThat(byStatus.path("total").asInt()).isEqualTo(1);
        assertThat(byStatus.path("result").path(0).path("name").asText()).isEqualTo("payments");
    }

    @Test
    void updatedTimestampMovesWithTheStatus() {
        String id = deploy("orders", MAIN_CLASS);
        String created = job(id).json().path("updated_timestamp").asText();

        advance(UNTIL_RUNNING);
        String running = job(id).json().path("updated_timestamp").asText();
        advance(Duration.ofMinutes(1));

        assertThat(running).isGreaterThan(created);
        assertThat(job(id).json().path("updated_timestamp").asText()).isEqualTo(running);
        assertThat(job(id).json().path("created_timestamp").asText()).isEqualTo(created);
    }

    @Test
    void resetForgetsJobsTokensAndQueuedFailures() {
        deploy("orders", MAIN_CLASS);
        streamkap.post("/_emulator/streamkap/deploy-failures", "{}");

        assertThat(streamkap.post("/_emulator/reset", null).status()).isEqualTo(200);
        advance(UNTIL_RUNNING);

        assertThat(api.get("/flink_jobs", token).status()).isEqualTo(401);
        String fresh = accessToken();
        assertThat(api.get("/flink_jobs", fresh).json().path("total").asInt()).isZero();
        assertThat(streamkap.get("/_emulator/streamkap/deploy-failures").json().path("failures").isEmpty()).isTrue();
        assertThat(flink.get("/jobs/overview").json().path("jobs").isEmpty()).isTrue();
    }
}
