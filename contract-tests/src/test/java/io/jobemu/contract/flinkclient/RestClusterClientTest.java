package io.jobemu.contract.flinkclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flink 2.3.0's own client library, unchanged, against the emulator and against a real Flink 2.3.0: the same steps
 * and the same assertions on both. Jobs are submitted as a JobGraph ({@code RestClusterClient.submitJob}) and as a
 * StreamGraph (a remote environment, which is what {@code flink run} does), and keep the id and name the client
 * gave them.
 */
@Tag("real-flink")
class RestClusterClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static FlinkTargets targets;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() throws Exception {
        targets = FlinkTargets.start();
    }

    @AfterAll
    static void stop() throws Exception {
        targets.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {FlinkTargets.EMULATOR, FlinkTargets.REAL_FLINK})
    void aJobGraphRunsToItsResultUnderTheIdAndNameTheClientChose(String target) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(5_000);
        TestJobs.bounded(env);
        JobGraph graph = env.getStreamGraph().getJobGraph();
        graph.setJobID(new JobID());
        try (RestClusterClient<StandaloneClusterId> client = client(target)) {
            JobID submitted = client.submitJob(graph).get(1, TimeUnit.MINUTES);
            assertThat(submitted).isEqualTo(graph.getJobID());

            JobResult result = client.requestJobResult(submitted).get(1, TimeUnit.MINUTES);
            assertThat(result.isSuccess()).isTrue();
            assertThat(result.getJobId()).isEqualTo(submitted);
            assertThat(result.getJobName()).isEqualTo(graph.getName());
            assertThat(client.getJobStatus(submitted).get()).isEqualTo(JobStatus.FINISHED);
            assertThat(listed(client, submitted)).extracting(JobStatusMessage::getJobName,
                    JobStatusMessage::getJobState).containsExactly(tuple(graph.getName(), JobStatus.FINISHED));

            JsonNode details = targets.get(target, "/jobs/" + submitted);
            assertThat(details.path("name").asText()).isEqualTo(graph.getName());
            assertThat(details.path("job-type").asText()).isEqualTo("STREAMING");
            assertThat(details.path("vertices")).hasSize(1);
            assertThat(details.path("vertices").get(0).path("id").asText())
                    .isEqualTo(graph.getVerticesAsArray()[0].getID().toString());
            assertThat(details.path("vertices").get(0).path("name").asText())
                    .isEqualTo("Source: numbers -> doubler -> discard: Writer");
            assertThat(details.path("vertices").get(0).path("parallelism").asInt()).isEqualTo(2);
            assertThat(targets.get(target, "/jobs/" + submitted + "/checkpoints/config").path("interval").asLong())
                    .isEqualTo(5_000);
            assertThat(targets.get(target, "/jobs/" + submitted + "/config").path("execution-config")
                    .path("job-parallelism").asInt()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FlinkTargets.EMULATOR, FlinkTargets.REAL_FLINK})
    void aSecondSubmissionOfTheSameJobIsRefused(String target) throws Exception {
        JobGraph graph = boundedJobGraph();
        try (RestClusterClient<StandaloneClusterId> client = client(target)) {
            client.submitJob(graph).get(1, TimeUnit.MINUTES);
            assertThatThrownBy(() -> client.submitJob(graph).get(1, TimeUnit.MINUTES))
                    .hasStackTraceContaining("DuplicateApplicationSubmissionException")
                    .hasStackTraceContaining("Application has already been submitted.");
            client.requestJobResult(graph.getJobID()).get(1, TimeUnit.MINUTES);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FlinkTargets.EMULATOR, FlinkTargets.REAL_FLINK})
    void aJobGraphWithALargeJarIsSubmittedWhole(String target) throws Exception {
        JobGraph graph = boundedJobGraph();
        graph.addJar(new org.apache.flink.core.fs.Path(largeJar(3 * 1024 * 1024).toUri()));
        try (RestClusterClient<StandaloneClusterId> client = client(target)) {
            assertThat(client.submitJob(graph).get(1, TimeUnit.MINUTES)).isEqualTo(graph.getJobID());
            assertThat(client.requestJobResult(graph.getJobID()).get(1, TimeUnit.MINUTES).isSuccess()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FlinkTargets.EMULATOR, FlinkTargets.REAL_FLINK})
    void aRemoteEnvironmentExecutesABoundedJob(String target) throws Exception {
        URI address = targets.address(target);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(address.getHost(),
                address.getPort());
        TestJobs.bounded(env);
        JobExecutionResult result = env.execute("remote bounded");
        assertThat(result.getNetRuntime()).isNotNegative();
        try (RestClusterClient<StandaloneClusterId> client = client(target)) {
            assertThat(listed(client, result.getJobID())).extracting(JobStatusMessage::getJobName,
                    JobStatusMessage::getJobState).containsExactly(tuple("remote bounded", JobStatus.FINISHED));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FlinkTargets.EMULATOR, FlinkTargets.REAL_FLINK})
    void anEndlessJobTakesASavepointAndStopsWithOne(String target) throws Exception {
        JobClient job = runningEndlessJob(target, "remote endless");
        try (RestClusterClient<StandaloneClusterId> client = client(target)) {
            targets.awaitAllTasksRunning(target, job.getJobID().toString());
            JsonNode details = targets.get(target, "/jobs/" + job.getJobID());
            assertThat(details.path("vertices")).extracting(v -> v.path("name").asText() + "/"
                    + v.path("parallelism").asInt()).containsExactly(
                            "Source: ticks -> slow doubler/1", "re-doubler -> discard: Writer/1");

            String directory = temp.resolve("savepoints").toUri().toString();
            String savepoint = job.triggerSavepoint(directory, SavepointFormatType.CANONICAL)
                    .get(1, TimeUnit.MINUTES);
            assertThat(savepoint).contains("savepoint-" + job.getJobID().toString().substring(0, 6));

            String stopped = job.stopWithSavepoint(false, directory, SavepointFormatType.CANONICAL)
                    .get(1, TimeUnit.MINUTES);
            assertThat(stopped).contains("savepoint-").isNotEqualTo(savepoint);
            awaitStatus(job, JobStatus.FINISHED);
            assertThat(listed(client, job.getJobID())).extracting(JobStatusMessage::getJobName)
                    .containsExactly("remote endless");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FlinkTargets.EMULATOR, FlinkTargets.REAL_FLINK})
    void aFailingJobsExceptionReachesTheClient(String target) throws Exception {
        if (target.equals(FlinkTargets.EMULATOR)) {
            targets.control(target, "PUT", "/_emulator/flink/behaviours/job-names/remote%20failing",
                    "{\"outcome\":\"FAIL\",\"after\":\"PT0.1S\",\"exception\":{\"class\":\"java.io.IOException\","
                            + "\"message\":\"disk full\"}}");
        }
        URI address = targets.address(target);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(address.getHost(),
                address.getPort());
        TestJobs.failing(env);

        assertThatThrownBy(() -> env.execute("remote failing"))
                .hasStackTraceContaining("org.apache.flink.runtime.client.JobExecutionException: Job execution failed.")
                .hasStackTraceContaining("java.io.IOException: disk full");
    }

    @Test
    void aSubmittedJobsScriptedSavepointFailureReachesTheClient() throws Exception {
        targets.control(FlinkTargets.EMULATOR, "PUT",
                "/_emulator/flink/behaviours/job-names/remote%20failing%20savepoints", "{\"failSavepoints\":true}");
        JobClient job = runningEndlessJob(FlinkTargets.EMULATOR, "remote failing savepoints");
        targets.awaitAllTasksRunning(FlinkTargets.EMULATOR, job.getJobID().toString());

        assertThatThrownBy(() -> job.triggerSavepoint(temp.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(1, TimeUnit.MINUTES))
                .hasStackTraceContaining("org.apache.flink.runtime.checkpoint.CheckpointException: Asynchronous task "
                        + "checkpoint failed.");
        assertThat(job.getJobStatus().get(1, TimeUnit.MINUTES)).isEqualTo(JobStatus.RUNNING);
        job.cancel().get(1, TimeUnit.MINUTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {FlinkTargets.EMULATOR, FlinkTargets.REAL_FLINK})
    void anEndlessJobIsCancelled(String target) throws Exception {
        JobClient job = runningEndlessJob(target, "remote cancelled");
        try (RestClusterClient<StandaloneClusterId> client = client(target)) {
            client.cancel(job.getJobID()).get(1, TimeUnit.MINUTES);
            awaitStatus(job, JobStatus.CANCELED);
            JobResult result = client.requestJobResult(job.getJobID()).get(1, TimeUnit.MINUTES);
            assertThat(result.getJobStatus()).contains(JobStatus.CANCELED);
            assertThat(result.getJobName()).isEqualTo("remote cancelled");
        }
    }

    /** The bounded test job as the JobGraph a client builds of it. */
    private static JobGraph boundedJobGraph() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        TestJobs.bounded(env);
        return env.getStreamGraph().getJobGraph();
    }

    /** An endless job submitted by a remote environment (as flink run submits it), once it is RUNNING. */
    private static JobClient runningEndlessJob(String target, String name) throws Exception {
        URI address = targets.address(target);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(address.getHost(),
                address.getPort());
        TestJobs.unbounded(env);
        JobClient job = env.executeAsync(name);
        awaitStatus(job, JobStatus.RUNNING);
        return job;
    }

    private static RestClusterClient<StandaloneClusterId> client(String target) throws Exception {
        URI address = targets.address(target);
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.ADDRESS, address.getHost());
        configuration.set(RestOptions.PORT, address.getPort());
        return new RestClusterClient<>(configuration, StandaloneClusterId.getInstance());
    }

    private static List<JobStatusMessage> listed(RestClusterClient<?> client, JobID id) throws Exception {
        Collection<JobStatusMessage> jobs = client.listJobs().get(1, TimeUnit.MINUTES);
        return jobs.stream().filter(job -> job.getJobId().equals(id)).toList();
    }

    private static void awaitStatus(JobClient job, JobStatus expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JobStatus status = job.getJobStatus().get(1, TimeUnit.MINUTES);
        while (status != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = job.getJobStatus().get(1, TimeUnit.MINUTES);
        }
        assertThat(status).isEqualTo(expected);
    }

    /** A valid jar of {@code size} bytes of incompressible filler, as a job's dependencies make one. */
    private Path largeJar(int size) throws Exception {
        Path jar = temp.resolve("large.jar");
        byte[] filler = new byte[size];
        new Random(7).nextBytes(filler);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            ZipEntry entry = new ZipEntry("filler.bin");
            jarOut.putNextEntry(entry);
            jarOut.write(filler);
            jarOut.closeEntry();
        }
        return jar;
    }
}
