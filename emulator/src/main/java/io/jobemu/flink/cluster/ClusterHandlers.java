package io.jobemu.flink.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.FlinkParams;
import io.jobemu.flink.cluster.TaskManagers.Pool;
import io.jobemu.flink.cluster.TaskManagers.TaskManager;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobMetrics;
import io.jobemu.flink.jobs.JobStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cluster-level endpoints: config, overview, shutdown, data sets, the job manager and the task managers. */
public final class ClusterHandlers {

    private static final String UNKNOWN_TASK_EXECUTOR =
            "org.apache.flink.runtime.resourcemanager.exceptions.UnknownTaskExecutorException";

    private final FlinkCluster cluster;

    public ClusterHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    /** {@code GET /config}: what the web UI needs; the time zone is the emulator's fixed UTC. */
    public Response config(Call call) throws Exception {
        ObjectNode view = Json.object()
                .put("refresh-interval", 3000)
                .put("timezone-name", "Coordinated Universal Time")
                .put("timezone-offset", 0)
                .put("flink-version", FlinkCluster.FLINK_VERSION)
                .put("flink-revision", FlinkCluster.FLINK_REVISION);
        view.putObject("features")
                .put("web-submit", true)
                .put("web-cancel", true)
                .put("web-rescale", false)
                .put("web-history", false);
        return FlinkErrors.json(200, view);
    }

    /** {@code GET /overview}: every job not FINISHED, CANCELED or FAILED counts as running, as in Flink. */
    public Response overview(Call call) throws Exception {
        Pool pool = cluster.taskManagers().pool();
        List<FlinkJob> jobs = cluster.jobs().all();
        int[] counts = new int[JobStatus.values().length];
        jobs.forEach(job -> counts[job.status().ordinal()]++);
        int finished = counts[JobStatus.FINISHED.ordinal()];
        int cancelled = counts[JobStatus.CANCELED.ordinal()];
        int failed = counts[JobStatus.FAILED.ordinal()];
        String revision = FlinkCluster.FLINK_REVISION;
        ObjectNode view = Json.object()
                .put("taskmanagers", pool.taskManagers().size())
                .put("slots-total", pool.totalSlots())
                .put("slots-available", pool.availableSlots())
                .put("jobs-running", jobs.size() - finished - cancelled - failed)
                .put("jobs-finished", finished)
                .put("jobs-cancelled", cancelled)
                .put("jobs-failed", failed)
                .put("flink-version", FlinkCluster.FLINK_VERSION)
                .put("flink-commit", revision.substring(0, revision.indexOf(' ')));
        return FlinkErrors.json(200, view);
    }

    /** {@code DELETE /cluster}: a real cluster answers and shuts down; the emulator answers and keeps serving. */
    public Response shutdown(Call call) throws Exception {
        return FlinkErrors.json(200, Json.object());
    }

    /** {@code GET /datasets}: jobs here never leave cluster data sets behind. */
    public Response dataSets(Call call) throws Exception {
        ObjectNode view = Json.object();
        view.putArray("dataSets");
        return FlinkErrors.json(200, view);
    }

    public Response jobManagerConfig(Call call) throws Exception {
        return FlinkErrors.json(200, JobManagerViews.config(cluster, call));
    }

    public Response jobManagerEnvironment(Call call) throws Exception {
        return FlinkErrors.json(200, JobManagerViews.environment());
    }

    public Response jobManagerLogs(Call call) throws Exception {
        return FlinkErrors.json(200, JobManagerViews.logList(cluster));
    }

    public Response jobManagerMetrics(Call call) throws Exception {
        Pool pool = cluster.taskManagers().pool();
        long runningJobs = cluster.jobs().all().stream().filter(job -> !job.status().isGloballyTerminal()).count();
        return FlinkErrors.json(200, MetricQueries.component(call, ProcessMetrics.jobManager(pool, runningJobs)));
    }

    public Response jobManagerThreadDump(Call call) throws Exception {
        return FlinkErrors.json(200, ThreadDumps.jobManager());
    }

    public Response taskManagers(Call call) throws Exception {
        Pool pool = cluster.taskManagers().pool();
        long now = now();
        ObjectNode view = Json.object();
        ArrayNode entries = view.putArray("taskmanagers");
        pool.taskManagers().forEach(tm -> entries.add(TaskManagerViews.summary(tm, pool, now)));
        return FlinkErrors.json(200, view);
    }

    /** {@code GET /taskmanagers/metrics}, over the task managers named in {@code ?taskmanagers=} (default all). */
    public Response aggregatedTaskManagerMetrics(Call call) throws Exception {
        Set<String> wanted = new HashSet<>(MetricQueries.listQuery(call, "taskmanagers"));
        List<Map<String, String>> stores = cluster.taskManagers().list().stream()
                .filter(tm -> wanted.isEmpty() || wanted.contains(tm.id()))
                .map(tm -> ProcessMetrics.taskManager())
                .toList();
        return FlinkErrors.json(200, MetricQueries.aggregated(call, stores));
    }

    /** Unknown id: Flink lets the resource manager's exception through as a 500. */
    public Response taskManagerDetails(Call call) throws Exception {
        Pool pool = cluster.taskManagers().pool();
        TaskManager taskManager = pool.find(taskManagerId(call)).orElseThrow(() -> unknownTaskManager(call));
        return FlinkErrors.json(200, TaskManagerViews.details(taskManager, pool, now()));
    }

    /** Unknown id: the log list handler maps the resource manager's exception to a 404. */
    public Response taskManagerLogs(Call call) throws Exception {
        String id = taskManagerId(call);
        if (cluster.taskManagers().find(id).isEmpty()) {
            throw FlinkErrors.restHandler(404, "Could not find TaskExecutor " + id, unknownTaskExecutorCause(id));
        }
        return FlinkErrors.json(200, JobManagerViews.logList(cluster));
    }

    /** Unknown id: an empty metric store, so {@code []}. */
    public Response taskManagerMetrics(Call call) throws Exception {
        boolean known = cluster.taskManagers().find(taskManagerId(call)).isPresent();
        Map<String, String> metrics = known ? ProcessMetrics.taskManager() : Map.of();
        return FlinkErrors.json(200, MetricQueries.component(call, metrics));
    }

    public Response taskManagerThreadDump(Call call) throws Exception {
        Pool pool = cluster.taskManagers().pool();
        TaskManager taskManager = pool.find(taskManagerId(call)).orElseThrow(() -> unknownTaskManager(call));
        return FlinkErrors.json(200, ThreadDumps.taskManager(taskManager, pool));
    }

    /**
     * {@code GET /jobs/metrics}, over the jobs named in {@code ?jobs=} (default all) that have job metrics: those
     * past INITIALIZING and not yet terminal.
     */
    public Response aggregatedJobMetrics(Call call) throws Exception {
        Set<String> wanted = new HashSet<>();
        for (String jobId : MetricQueries.listQuery(call, "jobs")) {
            wanted.add(FlinkParams.parseHexId(jobId).orElseThrow(() -> FlinkErrors.badQueryParameter("jobs",
                    String.join(",", call.queryAll("jobs")))));
        }
        long now = now();
        List<Map<String, String>> stores = cluster.jobs().all().stream()
                .filter(job -> wanted.isEmpty() || wanted.contains(job.id()))
                .filter(ClusterHandlers::hasJobMetrics)
                .map(job -> job.inspect(j -> JobMetrics.of(j, now)))
                .toList();
        return FlinkErrors.json(200, MetricQueries.aggregated(call, stores));
    }

    private static boolean hasJobMetrics(FlinkJob job) {
        JobStatus status = job.status();
        return status != JobStatus.INITIALIZING && !status.isGloballyTerminal();
    }

    private static String taskManagerId(Call call) {
        return call.pathParam("taskmanagerid");
    }

    private static ApiError unknownTaskManager(Call call) {
        return FlinkErrors.internal(unknownTaskExecutorCause(taskManagerId(call)));
    }

    private static String unknownTaskExecutorCause(String id) {
        return UNKNOWN_TASK_EXECUTOR + ": No TaskExecutor registered under " + id + ".";
    }

    private long now() {
        return cluster.context().clock().millis();
    }
}
