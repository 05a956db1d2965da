package io.jobemu.flink.submission;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jobemu.core.http.BodyTooLargeException;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.core.serialized.MalformedStreamException;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.FlinkParams;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobSpec;
import io.jobemu.flink.jobs.JobVertex;
import io.undertow.server.handlers.form.FormData;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /jobs}: what Flink's own client ({@code RestClusterClient.submitJob}, {@code flink run}, remote
 * environments) submits. A multipart body: the {@code request} field names the serialized execution plan, the
 * jars and the artifacts, and the files follow as parts named by those file names. The plan is read as data
 * ({@link ExecutionPlanReader}); the job gets the id, name, vertices and settings the client put in it.
 */
public final class SubmissionHandlers {

    private static final String MISSING_FILE_EXCEPTION =
            "org.apache.flink.runtime.rest.handler.job.JobSubmitHandler$MissingFileException";
    private static final String DUPLICATE_SUBMISSION =
            "org.apache.flink.runtime.client.DuplicateApplicationSubmissionException: Application has already been "
                    + "submitted.";

    private final FlinkCluster cluster;

    public SubmissionHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    /** Flink's JobSubmitRequestBody; 1.x named the plan {@code jobGraphFileName}, 2.x accepts both. */
    record SubmitRequest(@JsonProperty("executionPlanFileName") @JsonAlias("jobGraphFileName") String planFileName,
                         @JsonProperty("jobJarFileNames") List<String> jarFileNames,
                         @JsonProperty("jobArtifactFileNames") List<CacheFile> artifactFileNames) {

        SubmitRequest {
            jarFileNames = jarFileNames == null ? List.of() : jarFileNames;
            artifactFileNames = artifactFileNames == null ? List.of() : artifactFileNames;
        }
    }

    record CacheFile(@JsonProperty("entryName") String entryName, @JsonProperty("fileName") String fileName) {}

    /**
     * The checks run in Flink's order: the request, the plan file, each jar, each artifact, then the plan. The
     * listener has already bounded the body (multipart by the jar store's room, as every Flink upload).
     */
    public Response submit(Call call) throws Exception {
        long limit = cluster.context().limits().flinkJarStoreBytes();
        SubmitRequest request = FlinkParams.bodyBesideFiles(call, SubmitRequest.class, "JobSubmitRequestBody");
        Map<String, FormData.FormValue> files = FlinkParams.isUpload(call) ? FlinkParams.uploadedFiles(call)
                : Map.of();
        if (request.planFileName() == null) {
            throw FlinkErrors.restHandler(400, "The jobGraphFileName field must not be omitted or be null.");
        }
        FormData.FormValue planFile = uploaded(files, "ExecutionPlan", request.planFileName());
        for (String jar : request.jarFileNames()) {
            uploaded(files, "Jar", jar);
        }
        for (CacheFile artifact : request.artifactFileNames()) {
            uploaded(files, "Artifact", artifact == null ? null : artifact.fileName());
        }
        SubmittedPlan plan;
        try {
            plan = ExecutionPlanReader.read(contentOf(planFile, limit), FlinkCluster.DEFAULT_PARALLELISM);
        } catch (MalformedStreamException e) {
            throw FlinkErrors.restHandler(400, "Failed to deserialize ExecutionPlan.",
                    "java.io.StreamCorruptedException: " + e.getMessage());
        }
        FlinkJob job = cluster.submit(specOf(plan))
                .orElseThrow(() -> FlinkErrors.internal(DUPLICATE_SUBMISSION));
        return FlinkErrors.json(202, Json.object().put("jobUrl", "/jobs/" + job.id()));
    }

    /**
     * The submitted job: what the test declared for its name, else what its graph implies (a job whose sources
     * all end finishes; any other runs until cancelled), with the graph's own name, vertices and checkpointing.
     */
    private JobSpec specOf(SubmittedPlan plan) {
        JobBehaviour declared = cluster.behaviours().forJobName(plan.name()).orElse(null);
        JobBehaviour behaviour = declared != null ? declared : plan.bounded()
                ? new JobBehaviour(JobBehaviour.Outcome.FINISH, cluster.timing().boundedRun(), null, 0, null, null,
                        null, null)
                : JobBehaviour.DEFAULT;
        JobBehaviour forGraph = new JobBehaviour(behaviour.outcome(), behaviour.after(), behaviour.exception(),
                behaviour.restarts(), behaviour.restartInterval(), plan.name(),
                plan.vertices().stream().map(JobVertex::name).toList(),
                behaviour.checkpointInterval() != null ? behaviour.checkpointInterval() : plan.checkpointInterval(),
                behaviour.failSavepoints());
        return new JobSpec(plan.jobId(), null, null, List.of(), plan.parallelism(), plan.savepointPath(),
                plan.allowNonRestoredState(), forGraph, plan.vertices(), plan.jobType());
    }

    private static FormData.FormValue uploaded(Map<String, FormData.FormValue> files, String type, String name) {
        FormData.FormValue file = name == null ? null : files.get(name);
        if (file == null) {
            throw FlinkErrors.restHandlerOfClass(400, MISSING_FILE_EXCEPTION,
                    type + " file " + name + " could not be found on the server.");
        }
        return file;
    }

    private static byte[] contentOf(FormData.FormValue file, long limit) throws IOException {
        FormData.FileItem item = file.getFileItem();
        if (item.getFileSize() > limit) {
            throw new BodyTooLargeException(limit);
        }
        try (InputStream in = item.getInputStream()) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }
}
