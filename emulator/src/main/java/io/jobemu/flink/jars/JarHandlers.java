package io.jobemu.flink.jars;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.FlinkParams;
import io.jobemu.flink.jars.JarProgram.ProgramException;
import io.jobemu.flink.jars.JarRequests.Invocation;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobVertex;
import io.jobemu.flink.jobs.JobViews;
import io.jobemu.flink.jobs.JobSpec;
import io.undertow.server.handlers.form.FormData;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Web submission: {@code /jars} upload, listing, deletion, plan, run and run-application. */
public final class JarHandlers {

    private static final String COULD_NOT_EXECUTE = "Could not execute application.";
    private static final String FLINK_RUNTIME_EXCEPTION = "org.apache.flink.util.FlinkRuntimeException";

    private static final Pattern NOT_A_FILE_NAME = Pattern.compile("[/\\\\\\x00]|%2[fF]|%5[cC]");

    private final FlinkCluster cluster;

    public JarHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    /** {@code GET /jars}: newest upload first. */
    public Response list(Call call) throws Exception {
        ObjectNode view = Json.object().put("address", call.baseUrl());
        ArrayNode files = view.putArray("files");
        for (UploadedJar jar : cluster.jars().all()) {
            ObjectNode file = files.addObject()
                    .put("id", jar.id())
                    .put("name", jar.name())
                    .put("uploaded", jar.uploaded());
            ArrayNode entries = file.putArray("entry");
            jar.entries().forEach(entry -> entries.addObject().put("name", entry).putNull("description"));
        }
        return FlinkErrors.json(200, view);
    }

    /**
     * {@code POST /jars/upload}: exactly one file, under any field name, whose name ends with ".jar". Without
     * multipart the body must be empty or a JSON object, and counts as no file.
     */
    public Response upload(Call call) throws Exception {
        if (!call.isMultipart()) {
            FlinkParams.emptyBody(call);
            throw wrongFileCount(0);
        }
        call.header("Content-Length").map(Long::parseLong).ifPresent(cluster.jars()::checkRoomFor);
        Map<String, FormData.FormValue> files = FlinkParams.uploadedFiles(call);
        if (files.size() != 1) {
            throw wrongFileCount(files.size());
        }
        Map.Entry<String, FormData.FormValue> file = files.entrySet().iterator().next();
        if (!file.getKey().endsWith(".jar")) {
            throw FlinkErrors.restHandler(400, "Only Jar files are allowed.");
        }
        FormData.FileItem content = file.getValue().getFileItem();
        UploadedJar jar;
        try {
            jar = cluster.jars().store(file.getKey(), content.getFileSize(), content::write);
        } catch (IOException | IllegalArgumentException e) {
            // a name the file system refuses (too long, or with a NUL) already fails Flink's upload handler
            throw FlinkParams.uploadFailed();
        }
        return FlinkErrors.json(200, Json.object().put("filename", jar.path().toString()).put("status", "success"));
    }

    /** {@code DELETE /jars/{jarid}}. Jobs started from the jar keep running. */
    public Response delete(Call call) throws Exception {
        String jarId = jarId(call);
        if (!cluster.jars().delete(jarId)) {
            throw FlinkErrors.restHandler(400, "File " + jarId + " does not exist in " + cluster.jars().directory()
                    + ".");
        }
        return FlinkErrors.json(200, Json.object());
    }

    /** {@code GET|POST /jars/{jarid}/plan}: the job graph a run would create; no job is created. */
    public Response plan(Call call) throws Exception {
        Program program = program(call, JarRequests.plan(call));
        if (program.mainThrows()) {
            throw FlinkErrors.internal(program.mainMethodError(), program.userException());
        }
        Invocation invocation = program.invocation();
        String jobId = invocation.jobId() != null ? invocation.jobId() : cluster.context().ids().hex32();
        return FlinkErrors.json(200, Json.object().set("plan",
                JobViews.plan(jobId, program.behaviour().effectiveJobName(), JobSpec.STREAMING,
                        JobVertex.graphOf(program.behaviour().effectiveVertices(), invocation.parallelism(), ""))));
    }

    /** {@code POST /jars/{jarid}/run}: runs the program's main method, which submits one job. */
    public Response run(Call call) throws Exception {
        Program program = program(call, JarRequests.run(call));
        if (program.mainThrows()) {
            throw couldNotExecute(program.mainMethodError(), program.userException());
        }
        FlinkJob job = submit(program).orElseThrow(() -> duplicateJob(program.behaviour()));
        if (cluster.restoresMissingSavepoint(job.spec())) {
            throw savepointNotFound(program);
        }
        return FlinkErrors.json(200, Json.object().put("jobid", job.id()).put("applicationId", job.id()));
    }

    /**
     * {@code POST /jars/{jarid}/run-application}: the main method runs after the answer, so only a missing or
     * unusable jar fails the request; a main method that throws or a duplicate job id leaves no job behind.
     */
    public Response runApplication(Call call) throws Exception {
        Program program = program(call, JarRequests.runApplication(call));
        Optional<FlinkJob> job = program.mainThrows() ? Optional.empty() : submit(program);
        String applicationId = job.map(FlinkJob::id).orElseGet(() -> cluster.context().ids().hex32());
        return FlinkErrors.json(202, Json.object().put("applicationid", applicationId));
    }

    /** What a plan or run request starts: the jar, its entry class and what the emulated program does. */
    private record Program(String jarId, String entryClass, JobBehaviour behaviour, Invocation invocation) {

        boolean mainThrows() {
            return behaviour.outcome() == JobBehaviour.Outcome.FAIL_IN_MAIN;
        }

        String mainMethodError() {
            return JarHandlers.mainMethodError(behaviour.effectiveException().message());
        }

        /** The user's exception as Throwable.toString renders it. */
        String userException() {
            JobBehaviour.JobException exception = behaviour.effectiveException();
            return exception.className() + (exception.message() == null ? "" : ": " + exception.message());
        }
    }

    /** Body and query are checked before the jar id, as in Flink. */
    private Program program(Call call, Invocation invocation) {
        String jarId = jarId(call);
        String entryClass = entryClass(jarId, invocation);
        return new Program(jarId, entryClass, cluster.behaviours().resolve(jarId, entryClass), invocation);
    }

    /**
     * The jar id path parameter, which must be a plain file name (Flink's JarIdPathParameter). The server passes
     * encoded slashes and backslashes through undecoded, so those count as directory separators too.
     */
    private static String jarId(Call call) {
        String value = call.pathParam("jarid");
        if (NOT_A_FILE_NAME.matcher(value).find()) {
            throw FlinkErrors.badPathParameter("jarid", value);
        }
        return value;
    }

    /**
     * The class the program starts from. Flink fails these checks inside a CompletionException it does not unwrap,
     * so each becomes a 500.
     */
    private String entryClass(String jarId, Invocation invocation) {
        JarStore jars = cluster.jars();
        try {
            UploadedJar jar = jars.find(jarId).orElseThrow(() -> JarProgram.missing(jars.pathOf(jarId)));
            return JarProgram.entryClass(jar.path(), invocation.entryClass());
        } catch (ProgramException e) {
            throw FlinkErrors.internal(FlinkErrors.COMPLETION_EXCEPTION + ": " + e.chain().get(0),
                    e.chain().toArray(String[]::new));
        }
    }

    private Optional<FlinkJob> submit(Program program) {
        Invocation invocation = program.invocation();
        return cluster.submit(new JobSpec(invocation.jobId(), program.jarId(), program.entryClass(),
                invocation.programArgs(), invocation.parallelism(), invocation.savepointPath(),
                invocation.allowNonRestoredState(), program.behaviour()));
    }

    private static ApiError wrongFileCount(int files) {
        return FlinkErrors.restHandler(400, "Exactly 1 file must be sent, received " + files + ".");
    }

    /** The 400 of a run whose main method failed; {@code causes} say why. */
    private static ApiError couldNotExecute(String... causes) {
        String failure = FLINK_RUNTIME_EXCEPTION + ": " + COULD_NOT_EXECUTE;
        return FlinkErrors.restHandler(400, COULD_NOT_EXECUTE, Stream.concat(
                Stream.of(FlinkErrors.COMPLETION_EXCEPTION + ": " + failure, failure), Stream.of(causes))
                .toArray(String[]::new));
    }

    private static ApiError duplicateJob(JobBehaviour behaviour) {
        return jobFailedToExecute(behaviour, "org.apache.flink.runtime.client.DuplicateApplicationSubmissionException: "
                + "Application has already been submitted.");
    }

    /** The 400 of a run whose job could not start: the savepoint it restores from does not exist. */
    private static ApiError savepointNotFound(Program program) {
        return jobFailedToExecute(program.behaviour(),
                "java.lang.RuntimeException: Error while waiting for job to be initialized",
                "org.apache.flink.runtime.client.JobInitializationException: Could not start the JobMaster.",
                "java.io.FileNotFoundException: Cannot find checkpoint or savepoint file/directory '"
                        + program.invocation().savepointPath() + "' on file system 'file'.");
    }

    /** The 400 of a main method whose {@code execute()} failed to submit its job, for the reasons {@code causes}. */
    private static ApiError jobFailedToExecute(JobBehaviour behaviour, String... causes) {
        String failedToExecute = "Failed to execute job '" + behaviour.effectiveJobName() + "'.";
        return couldNotExecute(Stream.concat(Stream.of(mainMethodError(failedToExecute),
                "org.apache.flink.util.FlinkException: " + failedToExecute), Stream.of(causes)).toArray(String[]::new));
    }

    private static String mainMethodError(String message) {
        return JarProgram.PROGRAM_INVOCATION_EXCEPTION + ": The main method caused an error: " + message;
    }
}
