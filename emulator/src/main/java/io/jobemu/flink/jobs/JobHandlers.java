package io.jobemu.flink.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.core.serialized.MalformedStreamException;
import io.jobemu.core.serialized.SerializedStream;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.FlinkParams;
import io.jobemu.flink.cluster.ClusterHandlers;
import io.jobemu.flink.cluster.TaskManagers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.codec.digest.MurmurHash3;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Job-level endpoints under {@code /jobs}: listing, details, cancel and the per-job information views. */
public final class JobHandlers {

    private static final String STOP_MODE_REMOVED = "The termination mode \"stop\" has been removed. For an "
            + "ungraceful shutdown, please use \"cancel\" instead. For a graceful shutdown, please use "
            + "\"jobs/:jobId/stop\" instead.";

    /** Flink's default for {@code maxExceptions}. */
    private static final int DEFAULT_MAX_EXCEPTIONS = 20;

    private final FlinkCluster cluster;
    private final ClusterHandlers clusterViews;

    public JobHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
        this.clusterViews = new ClusterHandlers(cluster);
    }

    /** {@code GET /jobs}: ids and states. */
    public Response list(Call call) {
        ArrayNode jobs = Json.array();
        for (FlinkJob job : cluster.jobs().all()) {
            jobs.addObject().put("id", job.id()).put("status", job.status().name());
        }
        return FlinkErrors.json(200, Json.object().set("jobs", jobs));
    }

    /** {@code GET /jobs/overview}, newest first; rendered again only when a job or the clock moved. */
    public Response overview(Call call) throws Exception {
        return FlinkErrors.json(200, cluster.overview().body(now -> {
            ArrayNode jobs = Json.array();
            cluster.jobs().all().forEach(job -> jobs.add(JobViews.overviewEntry(job, now)));
            return Json.object().set("jobs", jobs);
        }));
    }

    public Response details(Call call) {
        FlinkJob job = requireJob(call);
        return FlinkErrors.json(200, JobViews.details(job, now()));
    }

    /** {@code GET /jobs/{jobid}/status}; an unknown job is a 500, as Flink's dispatcher lookup fails. */
    public Response status(Call call) {
        FlinkJob job = requireJobViaGateway(call);
        return FlinkErrors.json(200, Json.object().put("status", job.status().name()));
    }

    /** {@code PATCH /jobs/{jobid}?mode=cancel} and the GET alias {@code /yarn-cancel}. */
    public Response cancel(Call call) {
        String jobId = FlinkParams.jobId(call);
        String mode = call.query("mode").orElse("cancel");
        switch (mode.toUpperCase(Locale.ROOT)) {
            case "CANCEL" -> { }
            case "STOP" -> throw FlinkErrors.restHandler(308, STOP_MODE_REMOVED);
            default -> throw FlinkErrors.badQueryParameter("mode", mode);
        }
        FlinkJob job = cluster.jobs().find(jobId)
                .orElseThrow(() -> FlinkErrors.restHandler(404, "Job could not be found."));
        if (job.cancel() == FlinkJob.CancelRefusal.TERMINAL) {
            throw FlinkErrors.restHandler(409, "Job cancellation failed because the job has already reached "
                    + "another terminal state (" + job.status() + ").");
        }
        return FlinkErrors.json(202, Json.object());
    }

    /** {@code GET /jobs/{jobid}/yarn-stop}: the removed stop mode, always 308. */
    public Response yarnStop(Call call) {
        FlinkParams.jobId(call);
        throw FlinkErrors.restHandler(308, STOP_MODE_REMOVED);
    }

    public Response config(Call call) {
        FlinkJob job = requireJob(call);
        ObjectNode view = Json.object().put("jid", job.id()).put("name", job.name());
        view.putObject("execution-config")
                .put("restart-strategy", "Cluster level default restart strategy")
                .put("job-parallelism", job.spec().parallelism())
                .put("object-reuse-mode", false)
                .putObject("user-config");
        return FlinkErrors.json(200, view);
    }

    /** Query parameters resolve before the job is looked up, as in every Flink handler. */
    public Response exceptions(Call call) {
        int maxExceptions = FlinkParams.intQuery(call, "maxExceptions").orElse(DEFAULT_MAX_EXCEPTIONS);
        boolean filtered = !FlinkParams.failureLabelFilter(call).isEmpty();
        FlinkJob job = requireJob(call);
        // Failures are reported for the first subtask (1/n); it ran on the task manager that hosts subtask 0.
        String taskManagerId = cluster.taskManagers().hostOf(job.id(), 0).map(TaskManagers.TaskManager::id)
                .orElse("");
        return FlinkErrors.json(200, JobExceptionViews.history(job, maxExceptions, filtered, taskManagerId));
    }

    /** {@code GET /jobs/{jobid}/execution-result}: IN_PROGRESS until the job is globally terminal. */
    public Response executionResult(Call call) {
        String jobId = FlinkParams.jobId(call);
        FlinkJob job = cluster.jobs().find(jobId).orElseThrow(() -> FlinkErrors.restHandler(404,
                FlinkErrors.jobNotFound(jobId)));
        ObjectNode view = job.inspect(j -> {
            ObjectNode result = Json.object();
            if (!j.status().isGloballyTerminal()) {
                result.putObject("status").put("id", "IN_PROGRESS");
                return result;
            }
            result.putObject("status").put("id", "COMPLETED");
            ObjectNode execution = result.putObject("job-execution-result")
                    .put("id", j.id())
                    .put("name", j.name())
                    .put("application-status", applicationStatus(j.status()));
            execution.putObject("accumulator-results");
            execution.put("net-runtime", j.endTime() - j.startTime());
            JobExceptionViews.failureCause(j).ifPresent(cause -> execution.set("failure-cause", cause));
            execution.put("application-id", j.id())
                    .put("start-time", j.startTime())
                    .put("end-time", j.endTime());
            return result;
        });
        return FlinkErrors.json(200, view);
    }

    public Response plan(Call call) {
        FlinkJob job = requireJob(call);
        return FlinkErrors.json(200, Json.object().set("plan",
                job.inspect(j -> JobViews.plan(j, !j.hasExecutionGraph()))));
    }

    public Response accumulators(Call call) {
        requireJob(call);
        ObjectNode view = Json.object();
        view.putArray("job-accumulators");
        view.putArray("user-task-accumulators");
        view.putObject("serialized-user-task-accumulators");
        return FlinkErrors.json(200, view);
    }

    /**
     * {@code GET /jobs/{jobid}/metrics}: without {@code get}, the metric names; with it, the selected values. An
     * unknown job simply has no metrics.
     */
    public Response metrics(Call call) {
        String jobId = FlinkParams.jobId(call);
        Map<String, String> metrics = cluster.jobs().find(jobId)
                .map(job -> job.inspect(j -> JobMetrics.of(j, now())))
                .orElse(Map.of());
        return FlinkErrors.json(200, JobMetrics.select(metrics, call.query("get")));
    }

    /** {@code PATCH /jobs/{jobid}/clientHeartbeat}: accepted and ignored (the emulator never expires jobs). */
    public Response clientHeartbeat(Call call) throws Exception {
        FlinkParams.body(call, ClientHeartbeat.class, "JobClientHeartbeatRequestBody");
        FlinkParams.jobId(call);
        return FlinkErrors.json(202, Json.object());
    }

    /**
     * {@code POST /jobs/{jobid}/coordinators/{operatorid}}: the path names an operator by its uid, which Flink turns
     * into an operator id by hashing it. The JobMaster first deserializes the request (bytes that are not a Java
     * serialization stream fail with a 500, read here as data); no emulated operator has a coordinator, so a
     * well-formed request to a running job answers 404. A job the dispatcher no longer runs is not found (500).
     */
    public Response coordinationRequest(Call call) throws Exception {
        CoordinationRequest request = FlinkParams.body(call, CoordinationRequest.class, "CoordinationRequestBody");
        FlinkJob job = requireJobViaGateway(call);
        if (job.status().isGloballyTerminal()) {
            throw FlinkErrors.internal(FlinkErrors.jobNotFound(job.id()));
        }
        streamCorruption(request.serializedCoordinationRequest()).ifPresent(corruption -> {
            throw FlinkErrors.internal(FlinkErrors.COMPLETION_EXCEPTION + ": " + corruption, corruption);
        });
        throw FlinkErrors.restHandlerOfClass(404, "org.apache.flink.runtime.scheduler.CoordinatorNotExistException",
                "Coordinator of operator " + operatorIdOf(call.pathParam("operatorid")) + " does not exist or "
                        + "the job vertex this operator belongs to is not initialized.");
    }

    /** Why Java deserialization would refuse {@code serialized}, as its exception prints; empty if it would not. */
    private static Optional<String> streamCorruption(byte[] serialized) {
        if (serialized == null) {
            return Optional.of("java.lang.NullPointerException");
        }
        byte[] bytes = serialized;
        if (bytes.length < 4) {
            return Optional.of("java.io.EOFException");
        }
        if ((bytes[0] & 0xFF) != 0xAC || (bytes[1] & 0xFF) != 0xED || bytes[2] != 0 || bytes[3] != 5) {
            return Optional.of("java.io.StreamCorruptedException: invalid stream header: "
                    + HexFormat.of().withUpperCase().formatHex(bytes, 0, 4));
        }
        try {
            SerializedStream.parseFirstObject(bytes);
            return Optional.empty();
        } catch (MalformedStreamException e) {
            return Optional.of("java.io.StreamCorruptedException: " + e.getMessage());
        }
    }

    /** Flink's operator id for a uid: the Murmur3 x64 128-bit hash of its UTF-8 bytes, as little-endian bytes. */
    static String operatorIdOf(String uid) {
        byte[] utf8 = uid.getBytes(StandardCharsets.UTF_8);
        long[] hash = MurmurHash3.hash128x64(utf8, 0, utf8.length, 0);
        ByteBuffer bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(hash[0]).putLong(hash[1]);
        return HexFormat.of().formatHex(bytes.array());
    }

    /** The default scheduler cannot report or change resource requirements: Flink answers 500. */
    public Response resourceRequirements(Call call) {
        requireJobViaGateway(call);
        throw FlinkErrors.internal("java.lang.UnsupportedOperationException: The DefaultScheduler does not "
                + "support changing the parallelism without a job restart. This feature is currently only expected"
                + " to work with the AdaptiveScheduler.");
    }

    /** Flink first checks the request names every vertex, then fails as for the GET. */
    public Response updateResourceRequirements(Call call) throws Exception {
        Map<?, ?> requested = FlinkParams.body(call, Map.class, "JobResourceRequirementsBody");
        FlinkParams.jobId(call);
        if (requested.isEmpty()) {
            throw FlinkErrors.restHandler(400, "Request body does not specify resource requirements.");
        }
        FlinkJob job = requireJobViaGateway(call);
        List<String> missing = job.vertices().stream().map(JobVertex::id)
                .filter(id -> !requested.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw FlinkErrors.restHandler(400, "The request is incomplete, missing job vertex "
                    + missing.stream().collect(Collectors.joining(", ", "[", "]")) + " resource requirements.");
        }
        return resourceRequirements(call);
    }

    /** The job's JobManager is the cluster's: answered as {@code /jobmanager/config}, even for unknown jobs. */
    public Response jobManagerConfig(Call call) throws Exception {
        FlinkParams.jobId(call);
        return clusterViews.jobManagerConfig(call);
    }

    public Response jobManagerEnvironment(Call call) throws Exception {
        FlinkParams.jobId(call);
        return clusterViews.jobManagerEnvironment(call);
    }

    /** Log URLs point into the web UI; Flink sends these without the CORS header and never parses the job id. */
    public Response jobManagerLogUrl(Call call) {
        return Response.json(200, Json.object().put("url", call.baseUrl()
                + "/#/job-manager/logs"));
    }

    public Response taskManagerLogUrl(Call call) {
        String taskManagerId = call.pathParam("taskmanagerid");
        return Response.json(200, Json.object().put("url", call.baseUrl()
                + "/#/task-manager/" + taskManagerId + "/logs"));
    }

    public Response rescalesConfig(Call call) {
        FlinkJob job = requireJob(call);
        throw FlinkErrors.restHandler(404, "AdaptiveScheduler is not enabled for this job (" + job.id() + ").");
    }

    public Response rescaleDetails(Call call) {
        FlinkJob job = requireJob(call);
        FlinkParams.hexId(call, "rescaleuuid");
        throw FlinkErrors.restHandler(404, "AdaptiveScheduler rescales was not enabled for job " + job.id() + ".");
    }

    public Response rescalesHistory(Call call) {
        throw rescalesUnavailable(requireJob(call));
    }

    public Response rescalesOverview(Call call) {
        throw rescalesUnavailable(requireJob(call));
    }

    public Response rescalesSummary(Call call) {
        throw rescalesUnavailable(requireJob(call));
    }

    /** Jobs run on the default scheduler, so rescale history is never available. */
    private static RuntimeException rescalesUnavailable(FlinkJob job) {
        return FlinkErrors.restHandlerOfClass(404,
                "org.apache.flink.runtime.rest.handler.job.rescales.RescalesUnavailableException",
                "The job `" + job.id() + "` has not enabled the `Adaptive` scheduler, or it has been enabled but the"
                        + " value of configuration option `web.adaptive-scheduler.rescale-history.size` has not been"
                        + " set to greater than `0`.");
    }

    /** Jobs the ExecutionGraph cache answers for: unknown ids are a 404 NotFoundException. */
    private FlinkJob requireJob(Call call) {
        String jobId = FlinkParams.jobId(call);
        return cluster.jobs().find(jobId).orElseThrow(() -> FlinkErrors.notFound("Job " + jobId + " not found"));
    }

    /** Jobs looked up through the dispatcher's JobMaster gateway: unknown ids are a 500. */
    private FlinkJob requireJobViaGateway(Call call) {
        String jobId = FlinkParams.jobId(call);
        return cluster.jobs().find(jobId).orElseThrow(() -> FlinkErrors.internal(
                FlinkErrors.jobNotFound(jobId)));
    }

    private static String applicationStatus(JobStatus status) {
        return switch (status) {
            case FINISHED -> "SUCCEEDED";
            case CANCELED -> "CANCELED";
            default -> "FAILED";
        };
    }

    private long now() {
        return cluster.context().clock().millis();
    }

    /** The body of a client heartbeat; only its shape is checked. */
    record ClientHeartbeat(long expiredTimestamp) {}

    /** The serialized request for an operator coordinator; no emulated operator has one to read it. */
    record CoordinationRequest(byte[] serializedCoordinationRequest) {}
}
