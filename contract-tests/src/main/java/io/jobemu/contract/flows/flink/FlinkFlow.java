package io.jobemu.contract.flows.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.contract.flows.Expect;
import io.jobemu.contract.flows.Flow;
import io.jobemu.contract.flows.FlowContext;
import io.jobemu.contract.flows.ParameterSweep;
import io.jobemu.contract.flows.Probe;
import io.jobemu.contract.flows.Result;
import io.jobemu.contract.flows.StepFailedException;
import io.jobemu.contract.http.Part;
import io.jobemu.contract.spec.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Drives the Flink JobManager REST API like a client: reads the cluster, uploads a freshly packed probe jar,
 * plans and runs it, waits for its tasks, reads every monitoring endpoint of the job and its first vertex, takes
 * a checkpoint and a savepoint, stops it with a savepoint, runs a second job to cancel and an application to
 * cancel, sweeps the path parameters with malformed and unknown ids, and finally deletes the jar and disposes of
 * the savepoints it made. Read-only runs read the cluster and, when there is one, an existing job.
 */
public final class FlinkFlow implements Flow {

    /** GETs that act on a job: the read-only guard refuses them. planJarWithGet runs the jar's main(). */
    private static final Set<String> SIDE_EFFECTING_READS = Set.of("cancelJobWithGet", "stopJobWithGet",
            "planJarWithGet");
    /**
     * Operations that start an asynchronous operation even for an id that names nothing: the flow sends their
     * unknown-id case itself and collects the result, which a real JobManager otherwise keeps and waits for when it
     * shuts down.
     */
    private static final Set<String> ASYNC_TRIGGERS = Set.of("triggerSavepoint", "stopJobWithSavepoint",
            "triggerCheckpoint", "deleteDataSet");
    private static final Set<String> TERMINAL = Set.of("FINISHED", "CANCELED", "FAILED", "SUSPENDED");
    /**
     * What a real JobManager answers to the sweep where it is not 400 for a malformed id or 404 for an unknown one
     * (the parity run holds the emulator to the same): metrics and log urls of anything are 200, an unknown task
     * manager, application or jar is mostly a 500, rescaling is disabled (503).
     */
    private static final Map<String, Expect> SWEEP_ANSWERS = Map.ofEntries(
            Map.entry("getApplicationDetails [unknown applicationid]", Expect.status(500)),
            Map.entry("getApplicationExceptions [unknown applicationid]", Expect.status(500)),
            Map.entry("getApplicationJobManagerConfig [unknown applicationid]", Expect.status(200)),
            Map.entry("deleteJar [unknown jarid]", Expect.status(400)),
            Map.entry("planJarWithGet [unknown jarid]", Expect.status(500)),
            Map.entry("planJar [unknown jarid]", Expect.status(500)),
            Map.entry("runJar [unknown jarid]", Expect.status(500)),
            Map.entry("runJarAsApplication [unknown jarid]", Expect.status(500)),
            Map.entry("sendJobClientHeartbeat [unknown jobid]", Expect.status(400)),
            Map.entry("sendCoordinationRequest [unknown jobid]", Expect.status(500)),
            // a real JobManager deserializes the (missing) request before it looks for the coordinator
            Map.entry("sendCoordinationRequest [unknown operatorid]", Expect.status(500)),
            Map.entry("getJobManagerConfigForJob [unknown jobid]", Expect.status(200)),
            Map.entry("getJobManagerEnvironmentForJob [unknown jobid]", Expect.status(200)),
            Map.entry("getJobManagerLogUrl [malformed jobid]", Expect.status(200)),
            Map.entry("getJobManagerLogUrl [unknown jobid]", Expect.status(200)),
            Map.entry("getJobMetrics [unknown jobid]", Expect.status(200)),
            Map.entry("rescaleJob [unknown jobid]", Expect.status(503)),
            Map.entry("getRescalingStatus [unknown jobid]", Expect.status(503)),
            Map.entry("getRescalingStatus [unknown triggerid]", Expect.status(503)),
            Map.entry("getJobResourceRequirements [unknown jobid]", Expect.status(500)),
            Map.entry("updateJobResourceRequirements [unknown jobid]", Expect.status(400)),
            Map.entry("getJobStatus [unknown jobid]", Expect.status(500)),
            Map.entry("getTaskManagerLogUrl [malformed jobid]", Expect.status(200)),
            Map.entry("getTaskManagerLogUrl [unknown jobid]", Expect.status(200)),
            Map.entry("getTaskManagerLogUrl [unknown taskmanagerid]", Expect.status(200)),
            Map.entry("getVertexBackPressure [unknown jobid]", Expect.status(200)),
            Map.entry("getVertexBackPressure [unknown vertexid]", Expect.status(200)),
            Map.entry("getVertexFlameGraph [unknown jobid]", Expect.status(200)),
            Map.entry("getVertexFlameGraph [unknown vertexid]", Expect.status(200)),
            Map.entry("getVertexJobManagerOperatorMetrics [unknown jobid]", Expect.status(200)),
            Map.entry("getVertexJobManagerOperatorMetrics [unknown vertexid]", Expect.status(200)),
            Map.entry("getVertexMetrics [unknown jobid]", Expect.status(200)),
            Map.entry("getVertexMetrics [unknown vertexid]", Expect.status(200)),
            Map.entry("getAggregatedSubtaskMetrics [unknown jobid]", Expect.status(200)),
            Map.entry("getAggregatedSubtaskMetrics [unknown vertexid]", Expect.status(200)),
            Map.entry("getSubtaskMetrics [unknown jobid]", Expect.status(200)),
            Map.entry("getSubtaskMetrics [unknown vertexid]", Expect.status(200)),
            Map.entry("getSubtaskMetrics [unknown subtaskindex]", Expect.status(200)),
            Map.entry("stopJobWithGet [unknown jobid]", Expect.status(308)),
            Map.entry("getTaskManagerDetails [unknown taskmanagerid]", Expect.status(500)),
            Map.entry("getTaskManagerMetrics [unknown taskmanagerid]", Expect.status(200)),
            Map.entry("getTaskManagerThreadDump [unknown taskmanagerid]", Expect.status(500)));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZEROS = "0".repeat(32);

    /** Ids that exist on the server, by path parameter name, for the sweep. */
    private final Map<String, String> known = new LinkedHashMap<>();
    private FlowContext ctx;
    private FlowContext.Cleanup deleteJarCleanup;

    /** Every JobManager's web configuration names its Flink version. */
    @Override
    public Probe probe() {
        return new Probe("/config", answer -> answer.status() == 200
                && answer.json().path("flink-version").isTextual());
    }

    @Override
    public Set<String> sideEffectingReads() {
        return SIDE_EFFECTING_READS;
    }

    @Override
    public void run(FlowContext context) throws InterruptedException {
        this.ctx = context;
        ctx.section("cluster", this::readCluster);
        if (ctx.writes()) {
            runWithWrites();
        } else {
            ctx.section("existing job", this::readExistingJob);
            ctx.section("sweep", () -> new ParameterSweep(ctx, known).run(ASYNC_TRIGGERS, SWEEP_ANSWERS));
        }
    }

    private void runWithWrites() throws InterruptedException {
        String[] jarId = new String[1];
        ctx.section("jar", () -> jarId[0] = uploadAndPlan());
        if (jarId[0] == null) {
            return;
        }
        String jar = jarId[0];
        ctx.section("streaming job", () -> streamingJob(jar));
        ctx.section("cancelled job", () -> cancelledJob(jar));
        ctx.section("application", () -> application(jar));
        ctx.section("data sets", this::dataSets);
        ctx.section("submission errors", this::submissionErrors);
        ctx.section("delete jar", () -> deleteJar(jar));
        ctx.section("shutdown", this::shutdown);
    }

    // ---- cluster-wide reads -------------------------------------------------------------------------------

    private void readCluster() throws InterruptedException {
        get("getDashboardConfig");
        get("getClusterOverview");
        get("listJobs");
        get("getJobsOverview");
        get("listJars");
        get("listDataSets");
        get("getApplicationsOverview");
        get("getJobManagerConfig");
        get("getJobManagerEnvironment");
        get("listJobManagerLogs");
        get("getJobManagerThreadDump");
        get("getJobManagerMetrics");
        ctx.call("getJobManagerMetrics").as("get").query("get", "Status.JVM.CPU.Load,taskSlotsTotal").send();
        get("getAggregatedJobMetrics");
        ctx.call("getAggregatedJobMetrics").as("get").query("get", "uptime").query("agg", "min,max").send();
        get("getAggregatedTaskManagerMetrics");
        ctx.call("getAggregatedTaskManagerMetrics").as("get").query("get", "Status.JVM.CPU.Load")
                .query("agg", "sum,avg").send();
        String taskManager = get("listTaskManagers").text("/taskmanagers/0/id");
        known.put("taskmanagerid", taskManager);
        ctx.call("getTaskManagerDetails").path("taskmanagerid", taskManager).send();
        ctx.call("listTaskManagerLogs").path("taskmanagerid", taskManager).send();
        ctx.call("getTaskManagerThreadDump").path("taskmanagerid", taskManager).send();
        ctx.call("getTaskManagerMetrics").path("taskmanagerid", taskManager).send();
        ctx.call("getTaskManagerMetrics").as("get").path("taskmanagerid", taskManager)
                .query("get", "Status.JVM.CPU.Load").send();
    }

    private Result get(String operationId) throws InterruptedException {
        return ctx.call(operationId).send();
    }

    /**
     * Every list that shows jobs, jars or applications, read while they hold something in a given state: an empty
     * cluster's lists check nothing about the entries (a wrong state name or a malformed id in a list). When the flow
     * knows a job's state, both job lists must show it so, and the cluster overview must count it.
     */
    private void readLists(String label, String jobId, String state) throws InterruptedException {
        Result ids = ctx.call("listJobs").as(label).send();
        Result overview = ctx.call("getJobsOverview").as(label).send();
        Result cluster = ctx.call("getClusterOverview").as(label).send();
        for (String operationId : new String[] {"listJars", "getApplicationsOverview", "listTaskManagers"}) {
            ctx.call(operationId).as(label).send();
        }
        if (jobId == null) {
            return;
        }
        ids.shows("/jobs", "id", jobId, "status", state, false);
        overview.shows("/jobs", "jid", jobId, "state", state, false);
        String counter = switch (state) {
            case "RUNNING" -> "/jobs-running";
            case "FINISHED" -> "/jobs-finished";
            case "CANCELED" -> "/jobs-cancelled";
            default -> "/jobs-failed";
        };
        if (cluster.expectationMet() && cluster.json().at(counter).asInt() < 1) {
            ctx.flowFailure(cluster, counter, "at least 1 (job " + jobId + " is " + state + ")",
                    cluster.json().at(counter).toString());
        }
    }

    // ---- read-only: an existing job -----------------------------------------------------------------------

    private void readExistingJob() throws InterruptedException {
        JsonNode jobs = ctx.call("getJobsOverview").as("pick a job").send().require().json().path("jobs");
        JsonNode chosen = null;
        for (JsonNode job : jobs) {
            if (chosen == null || "RUNNING".equals(job.path("state").asText())) {
                chosen = job;
            }
        }
        if (chosen == null) {
            ctx.notExercised("read-only run and the server has no job to read",
                    ctx.spec().operations().stream().filter(op -> op.path().startsWith("/jobs/{jobid}"))
                            .map(Operation::id).toArray(String[]::new));
            return;
        }
        String jobId = chosen.path("jid").asText();
        known.put("jobid", jobId);
        known.put("applicationid", jobId);
        JsonNode details = readJob(jobId, "existing job", null);
        readFirstVertex(jobId, details);
        JsonNode latest = ctx.call("getCheckpointStatistics").as("latest checkpoint").path("jobid", jobId).send()
                .json().path("latest").path("completed");
        if (latest.hasNonNull("id")) {
            readCheckpoint(jobId, latest.path("id").asText());
        }
    }

    // ---- jars ---------------------------------------------------------------------------------------------

    private String uploadAndPlan() throws InterruptedException {
        ctx.call("uploadJar").as("not a jar").expect(Expect.status(400))
                .part(Part.file("jarfile", "probe.txt", "text/plain", "not a jar".getBytes())).send();
        ctx.call("uploadJar").as("not multipart").expect(Expect.status(400))
                .body("application/octet-stream", "raw bytes").send();
        String fileName = ctx.call("uploadJar")
                .part(Part.file("jarfile", ProbeJar.FILE_NAME, "application/java-archive", ProbeJar.build()))
                .send().require().text("/filename");
        String jarId = fileName.substring(fileName.lastIndexOf('/') + 1);
        known.put("jarid", jarId);
        deleteJarCleanup = ctx.onCleanup("delete jar " + jarId,
                () -> ctx.call("deleteJar").as("cleanup").path("jarid", jarId).expect(Expect.DECLARED).send());
        Result list = ctx.call("listJars").as("after upload").send().require();
        boolean listed = false;
        for (JsonNode file : list.json().path("files")) {
            listed |= jarId.equals(file.path("id").asText());
        }
        if (!listed) {
            throw list.unusable("/files", "the uploaded jar " + jarId, "not listed");
        }
        ctx.call("planJar").path("jarid", jarId).json(runBody("jobemu-contract-plan")).send();
        ctx.call("planJarWithGet").path("jarid", jarId).query("entry-class", ProbeJar.ENTRY_CLASS)
                .query("parallelism", 1).send();
        return jarId;
    }

    private void deleteJar(String jarId) throws InterruptedException {
        ctx.call("deleteJar").path("jarid", jarId).send().require();
        deleteJarCleanup.disarm();
        ctx.call("listJars").as("after delete").send().doesNotShow("/files", "id", jarId);
        ctx.call("deleteJar").as("already deleted").path("jarid", jarId).expect(Expect.status(400)).send();
        ctx.call("runJar").as("deleted jar").path("jarid", jarId).expect(Expect.status(500)).send();
        ctx.call("planJar").as("deleted jar").path("jarid", jarId).expect(Expect.status(500)).send();
    }

    private static ObjectNode runBody(String jobName) {
        ObjectNode body = JSON.createObjectNode().put("entryClass", ProbeJar.ENTRY_CLASS).put("parallelism", 1);
        body.putArray("programArgsList").add(jobName).add("5");
        return body;
    }

    // ---- the streaming job: monitoring, checkpoint, savepoint, stop ---------------------------------------

    private void streamingJob(String jarId) throws InterruptedException {
        ctx.call("runJar").as("malformed body").path("jarid", jarId).json("{\"entryClass\":")
                .expect(Expect.status(400)).send();
        ctx.call("runJar").as("parallelism not a number").path("jarid", jarId)
                .json("{\"parallelism\":\"abc\"}").expect(Expect.status(400)).send();
        ctx.call("runJar").as("unknown entry class").path("jarid", jarId)
                .json("{\"entryClass\":\"io.jobemu.contract.NoSuchJob\"}").expect(Expect.status(500)).send();
        String jobId = startJob(jarId, "jobemu-contract-stream");
        known.put("jobid", jobId);
        JsonNode details = awaitTasksRunning(jobId);
        readJob(jobId, "running job", "RUNNING");
        readLists("job running", jobId, "RUNNING");
        String vertexId = readFirstVertex(jobId, details);
        ctx.section("checkpoint", () -> checkpoint(jobId, vertexId));
        ctx.section("savepoint", () -> savepoint(jobId));
        ctx.section("job requests", () -> jobRequests(jobId, vertexId));
        ctx.section("unknown job", this::operationsOnUnknownJob);
        ctx.section("sweep", () -> new ParameterSweep(ctx, known).run(ASYNC_TRIGGERS, SWEEP_ANSWERS));
        stopWithSavepoint(jobId);
    }

    /** Runs the probe job and registers its cancellation, in case the flow stops before it ends the job. */
    private String startJob(String jarId, String name) throws InterruptedException {
        String jobId = ctx.call("runJar").as(name).path("jarid", jarId).json(runBody(name)).send().require()
                .text("/jobid");
        ctx.onCleanup("cancel job " + jobId, () -> cancelIfRunning(jobId));
        return jobId;
    }

    private void cancelIfRunning(String jobId) throws InterruptedException {
        String state = ctx.call("getJobStatus").as("cleanup").path("jobid", jobId).expect(Expect.DECLARED).send()
                .json().path("status").asText();
        if (!state.isEmpty() && !TERMINAL.contains(state)) {
            ctx.call("cancelJob").as("cleanup").path("jobid", jobId).query("mode", "cancel")
                    .expect(Expect.DECLARED).send();
        }
    }

    private void awaitJobState(String jobId, String label, String wanted) throws InterruptedException {
        Result result = ctx.poll(() -> ctx.call("getJobStatus").as(label).path("jobid", jobId),
                r -> r.json().path("status").asText().equals(wanted)
                        || TERMINAL.contains(r.json().path("status").asText()),
                "job " + jobId + " to be " + wanted);
        String state = result.json().path("status").asText();
        if (!state.equals(wanted)) {
            throw result.unusable("/status", wanted, state);
        }
    }

    /** A savepoint needs every task running, not just the job. */
    private JsonNode awaitTasksRunning(String jobId) throws InterruptedException {
        awaitJobState(jobId, "until running", "RUNNING");
        Result details = ctx.poll(() -> ctx.call("getJobDetails").as("until tasks run").path("jobid", jobId),
                r -> allVerticesRunning(r.json()) || TERMINAL.contains(r.json().path("state").asText()),
                "every task of job " + jobId + " to run");
        if (!allVerticesRunning(details.json())) {
            throw details.unusable("/vertices", "every vertex RUNNING", details.json().path("state").asText());
        }
        return details.json();
    }

    private static boolean allVerticesRunning(JsonNode details) {
        JsonNode vertices = details.path("vertices");
        if (vertices.isEmpty()) {
            return false;
        }
        for (JsonNode vertex : vertices) {
            if (!"RUNNING".equals(vertex.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every job-level read; returns the job details. Flink serves job views from a cache refreshed every few
     * seconds, so when the job should be in a known state the details are polled until they show it: the reads
     * after that see the same state.
     */
    private JsonNode readJob(String jobId, String label, String state) throws InterruptedException {
        JsonNode details = state == null
                ? ctx.call("getJobDetails").as(label).path("jobid", jobId).send().require().json()
                : ctx.poll(() -> ctx.call("getJobDetails").as(label).path("jobid", jobId),
                        r -> state.equals(r.json().path("state").asText()), "job details to show " + state).json();
        for (String operationId : new String[] {"getJobStatus", "getJobConfig", "getJobExceptions",
                "getJobExecutionResult", "getJobPlan", "getJobAccumulators", "getJobMetrics",
                "getJobManagerConfigForJob", "getJobManagerEnvironmentForJob", "getJobManagerLogUrl",
                "getCheckpointStatistics", "getCheckpointConfig"}) {
            ctx.call(operationId).as(label).path("jobid", jobId).send();
        }
        ctx.call("getJobExceptions").as(label + ", at most 5").path("jobid", jobId).query("maxExceptions", 5)
                .send();
        ctx.call("getJobAccumulators").as(label + ", serialized").path("jobid", jobId)
                .query("includeSerializedValue", true).send();
        ctx.call("getJobMetrics").as(label + ", get").path("jobid", jobId).query("get", "uptime,numRestarts")
                .send();
        ctx.call("getAggregatedJobMetrics").as(label).query("get", "uptime").query("jobs", jobId).send();
        String taskManager = known.get("taskmanagerid");
        if (taskManager != null) {
            ctx.call("getTaskManagerLogUrl").as(label).path("jobid", jobId).path("taskmanagerid", taskManager)
                    .send();
        }
        // answered with errors on clusters without the adaptive scheduler: any declared answer is right
        for (String operationId : new String[] {"getJobResourceRequirements", "getJobRescaleConfig",
                "getJobRescaleHistory", "getJobRescalesOverview", "getJobRescalesSummary"}) {
            ctx.call(operationId).as(label).path("jobid", jobId).expect(Expect.DECLARED).send();
        }
        ctx.call("getJobRescaleDetails").as(label).path("jobid", jobId).path("rescaleuuid", ZEROS)
                .expect(Expect.DECLARED).send();
        return details;
    }

    /** Every vertex and subtask read, for the first vertex; returns its id. */
    private String readFirstVertex(String jobId, JsonNode details) throws InterruptedException {
        String vertexId = details.path("vertices").path(0).path("id").asText();
        if (vertexId.isEmpty()) {
            ctx.notExercised("the job has no vertex", ctx.spec().operations().stream()
                    .filter(op -> op.path().contains("{vertexid}")).map(Operation::id).toArray(String[]::new));
            return null;
        }
        known.put("vertexid", vertexId);
        known.put("operatorid", vertexId);
        known.put("subtaskindex", "0");
        known.put("attempt", "0");
        for (String operationId : new String[] {"getVertexDetails", "getVertexAccumulators",
                "getVertexBackPressure", "getVertexFlameGraph", "getVertexJobManagerOperatorMetrics",
                "getVertexMetrics", "getSubtaskAccumulators", "getAggregatedSubtaskMetrics", "getSubtaskTimes",
                "getVertexTaskManagers", "getVertexWatermarks"}) {
            ctx.call(operationId).path("jobid", jobId).path("vertexid", vertexId).send();
        }
        ctx.call("getVertexMetrics").as("get").path("jobid", jobId).path("vertexid", vertexId)
                .query("get", "0.numRecordsOut").send();
        ctx.call("getAggregatedSubtaskMetrics").as("get").path("jobid", jobId).path("vertexid", vertexId)
                .query("get", "numRecordsOut").query("agg", "min,max").send();
        ctx.call("getVertexFlameGraph").as("off-cpu, subtask 0").path("jobid", jobId).path("vertexid", vertexId)
                .query("type", "OFF_CPU").query("subtaskindex", 0).send();
        for (String operationId : new String[] {"getSubtaskDetails", "getSubtaskMetrics"}) {
            ctx.call(operationId).path("jobid", jobId).path("vertexid", vertexId).path("subtaskindex", 0).send();
        }
        ctx.call("getSubtaskMetrics").as("get").path("jobid", jobId).path("vertexid", vertexId)
                .path("subtaskindex", 0).query("get", "numRecordsIn").send();
        for (String operationId : new String[] {"getSubtaskAttemptDetails", "getSubtaskAttemptAccumulators"}) {
            ctx.call(operationId).path("jobid", jobId).path("vertexid", vertexId).path("subtaskindex", 0)
                    .path("attempt", 0).send();
        }
        return vertexId;
    }

    private void checkpoint(String jobId, String vertexId) throws InterruptedException {
        ctx.call("triggerCheckpoint").as("malformed body").path("jobid", jobId).json("{\"checkpointType\":")
                .expect(Expect.status(400)).send();
        ctx.call("triggerCheckpoint").as("unknown checkpoint type").path("jobid", jobId)
                .json("{\"checkpointType\":\"BOGUS\"}").expect(Expect.status(400)).send();
        String trigger = ctx.call("triggerCheckpoint").path("jobid", jobId)
                .json(JSON.createObjectNode().put("checkpointType", "FULL")).send().require().text("/request-id");
        Result done = awaitOperation("getCheckpointStatus", jobId, trigger, "checkpoint");
        String checkpointId = done.text("/operation/checkpointId");
        known.put("checkpointid", checkpointId);
        readCheckpoint(jobId, checkpointId);
        if (vertexId != null) {
            ctx.call("getCheckpointSubtaskDetails").path("jobid", jobId).path("checkpointid", checkpointId)
                    .path("vertexid", vertexId).send();
        }
    }

    /**
     * Checkpoint statistics come from a cached view of the job (Flink refreshes it every few seconds), so a new
     * checkpoint can be unknown for a moment: poll until it shows.
     */
    private void readCheckpoint(String jobId, String checkpointId) throws InterruptedException {
        ctx.poll(() -> ctx.call("getCheckpointDetails").path("jobid", jobId).path("checkpointid", checkpointId)
                .expect(Expect.DECLARED), r -> r.status() == 200, "checkpoint " + checkpointId + " in the statistics");
        ctx.call("getCheckpointStatistics").as("after checkpoint").path("jobid", jobId).send();
    }

    /** Polls an operation's status until it is COMPLETED (which Flink also reports for a failed operation). */
    private Result awaitOperation(String statusOperation, String jobId, String trigger, String what)
            throws InterruptedException {
        return ctx.poll(() -> ctx.call(statusOperation).as(what).path("jobid", jobId).path("triggerid", trigger),
                r -> "COMPLETED".equals(r.json().path("status").path("id").asText()),
                what + " " + trigger + " to complete");
    }

    /** Flink accepts these triggers for any job id and reports the failure in the operation's result. */
    private void operationsOnUnknownJob() throws InterruptedException {
        String savepoint = ctx.call("triggerSavepoint").as("unknown job").path("jobid", ZEROS).json("{}")
                .expect(Expect.DECLARED).send().json().path("request-id").asText();
        String stop = ctx.call("stopJobWithSavepoint").as("unknown job").path("jobid", ZEROS).json("{}")
                .expect(Expect.DECLARED).send().json().path("request-id").asText();
        String checkpoint = ctx.call("triggerCheckpoint").as("unknown job").path("jobid", ZEROS).json("{}")
                .expect(Expect.DECLARED).send().json().path("request-id").asText();
        for (String trigger : new String[] {savepoint, stop}) {
            if (!trigger.isEmpty()) {
                awaitOperation("getSavepointStatus", ZEROS, trigger, "savepoint of unknown job");
            }
        }
        if (!checkpoint.isEmpty()) {
            awaitOperation("getCheckpointStatus", ZEROS, checkpoint, "checkpoint of unknown job");
        }
    }

    private void savepoint(String jobId) throws InterruptedException {
        ctx.call("triggerSavepoint").as("malformed body").path("jobid", jobId).json("{\"cancel-job\":")
                .expect(Expect.status(400)).send();
        ctx.call("triggerSavepoint").as("unknown format").path("jobid", jobId)
                .json("{\"formatType\":\"BOGUS\"}").expect(Expect.status(400)).send();
        String trigger = ctx.call("triggerSavepoint").path("jobid", jobId)
                .json(JSON.createObjectNode().put("cancel-job", false)).send().require().text("/request-id");
        known.put("triggerid", trigger);
        Result done = awaitOperation("getSavepointStatus", jobId, trigger, "savepoint");
        disposeLater(done.text("/operation/location"));
    }

    private void disposeLater(String location) {
        ctx.onCleanup("dispose of savepoint " + location, () -> dispose(location));
    }

    private void dispose(String location) throws InterruptedException {
        String trigger = ctx.call("triggerSavepointDisposal").json(JSON.createObjectNode()
                .put("savepoint-path", location)).send().require().text("/request-id");
        ctx.poll(() -> ctx.call("getSavepointDisposalStatus").path("triggerid", trigger),
                r -> "COMPLETED".equals(r.json().path("status").path("id").asText()),
                "disposal of " + location);
    }

    /** Calls that change nothing lasting, or that the server refuses, on a running job. */
    private void jobRequests(String jobId, String vertexId) throws InterruptedException {
        ctx.call("sendJobClientHeartbeat").path("jobid", jobId)
                .json(JSON.createObjectNode().put("expiredTimestamp", System.currentTimeMillis() + 60_000)).send();
        ctx.call("rescaleJob").path("jobid", jobId).query("parallelism", 1).expect(Expect.DECLARED).send();
        ctx.call("getRescalingStatus").path("jobid", jobId).path("triggerid", ZEROS).expect(Expect.DECLARED)
                .send();
        ctx.call("updateJobResourceRequirements").as("incomplete").path("jobid", jobId).json("{}")
                .expect(Expect.status(400)).send();
        if (vertexId != null) {
            ctx.call("sendCoordinationRequest").path("jobid", jobId).path("operatorid", vertexId)
                    .json(JSON.createObjectNode().put("serializedCoordinationRequest", "AA==")).expect(Expect.DECLARED)
                    .send();
        }
        ctx.call("triggerSavepointDisposal").as("no path").json("{}").expect(Expect.status(400)).send();
        ctx.call("getSavepointDisposalStatus").as("unknown trigger").path("triggerid", ZEROS)
                .expect(Expect.status(404)).send();
    }

    private void stopWithSavepoint(String jobId) throws InterruptedException {
        ctx.call("stopJobWithSavepoint").as("malformed body").path("jobid", jobId).json("{\"drain\":")
                .expect(Expect.status(400)).send();
        String trigger = ctx.call("stopJobWithSavepoint").path("jobid", jobId)
                .json(JSON.createObjectNode().put("drain", false)).send().require().text("/request-id");
        Result done = awaitOperation("getSavepointStatus", jobId, trigger, "stop with savepoint");
        disposeLater(done.text("/operation/location"));
        awaitJobState(jobId, "until finished", "FINISHED");
        readJob(jobId, "finished job", "FINISHED");
        readLists("job finished", jobId, "FINISHED");
        ctx.call("cancelJob").as("finished job").path("jobid", jobId).query("mode", "cancel")
                .expect(Expect.status(409)).send();
    }

    // ---- a job to cancel ----------------------------------------------------------------------------------

    private void cancelledJob(String jarId) throws InterruptedException {
        String jobId = startJob(jarId, "jobemu-contract-cancel");
        awaitJobState(jobId, "cancel: until running", "RUNNING");
        ctx.call("cancelJob").as("bogus mode").path("jobid", jobId).query("mode", "bogus")
                .expect(Expect.status(400)).send();
        ctx.call("stopJobWithGet").path("jobid", jobId).expect(Expect.DECLARED).send();
        ctx.call("cancelJob").path("jobid", jobId).query("mode", "cancel").send().require();
        awaitJobState(jobId, "until cancelled", "CANCELED");
        ctx.call("cancelJob").as("already cancelled").path("jobid", jobId).query("mode", "cancel")
                .expect(Expect.DECLARED).send();
        ctx.call("cancelJobWithGet").as("already cancelled").path("jobid", jobId).expect(Expect.DECLARED).send();
        ctx.poll(() -> ctx.call("getJobDetails").as("cancelled job").path("jobid", jobId),
                r -> "CANCELED".equals(r.json().path("state").asText()), "job details to show CANCELED");
        readLists("job cancelled", jobId, "CANCELED");
        ctx.call("getJobExecutionResult").as("cancelled job").path("jobid", jobId).send();
    }

    // ---- an application -----------------------------------------------------------------------------------

    private void application(String jarId) throws InterruptedException {
        String applicationId = ctx.call("runJarAsApplication").path("jarid", jarId)
                .json(runBody("jobemu-contract-application")).send().require().text("/applicationid");
        known.put("applicationid", applicationId);
        FlowContext.Cleanup cleanup = ctx.onCleanup("cancel application " + applicationId,
                () -> ctx.call("cancelApplication").as("cleanup").path("applicationid", applicationId)
                        .expect(Expect.DECLARED).send());
        awaitApplication(applicationId, "until its job runs", "RUNNING");
        readLists("application running", null, null);
        ctx.call("getApplicationExceptions").path("applicationid", applicationId).send();
        ctx.call("getApplicationJobManagerConfig").path("applicationid", applicationId).send();
        ctx.call("cancelApplication").path("applicationid", applicationId).send().require();
        cleanup.disarm();
        awaitApplication(applicationId, "until cancelled", "CANCELED");
        readLists("application cancelled", null, null);
    }

    private void awaitApplication(String applicationId, String label, String wanted) throws InterruptedException {
        Result result = ctx.poll(() -> ctx.call("getApplicationDetails").as(label)
                        .path("applicationid", applicationId).expect(Expect.DECLARED),
                r -> r.status() == 200 && (TERMINAL.contains(r.json().path("status").asText())
                        || wanted.equals(r.json().path("status").asText()) && jobsAre(r.json(), wanted)),
                "application " + applicationId + " to be " + wanted);
        String status = result.json().path("status").asText();
        if (!status.equals(wanted)) {
            throw result.unusable("/status", wanted, status);
        }
    }

    /** An application's jobs appear a moment after the application itself. */
    private static boolean jobsAre(JsonNode application, String state) {
        JsonNode jobs = application.path("jobs");
        if (jobs.isEmpty()) {
            return false;
        }
        for (JsonNode job : jobs) {
            if (!state.equals(job.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    // ---- the rest -----------------------------------------------------------------------------------------

    private void dataSets() throws InterruptedException {
        String trigger = ctx.call("deleteDataSet").as("unknown data set").path("datasetid", ZEROS).send()
                .require().text("/request-id");
        ctx.poll(() -> ctx.call("getDataSetDeleteStatus").path("triggerid", trigger),
                r -> "COMPLETED".equals(r.json().path("status").path("id").asText()), "data set deletion");
    }

    private void submissionErrors() throws InterruptedException {
        ctx.call("submitJobGraph").as("not multipart").json("{}").expect(Expect.status(400)).send();
    }

    private void shutdown() throws InterruptedException {
        if (!ctx.options().allowShutdown()) {
            ctx.notExercised("shuts the cluster down (use --allow-shutdown)", "shutdownCluster");
            return;
        }
        try {
            ctx.call("shutdownCluster").send();
        } catch (StepFailedException e) {
            // a server that shuts down may drop the connection instead of answering: reported already
        }
    }
}
