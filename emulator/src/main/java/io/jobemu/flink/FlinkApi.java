package io.jobemu.flink;

import io.jobemu.core.EmulatedApi;
import io.jobemu.core.EmulatorContext;
import io.jobemu.core.http.BodyTooLargeException;
import io.jobemu.core.http.StoreFullException;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.Route;
import io.jobemu.core.http.RouteHandler;
import io.jobemu.core.http.RouteTable;
import io.jobemu.flink.cluster.ClusterHandlers;
import io.jobemu.flink.jars.JarHandlers;
import io.jobemu.flink.jobs.ApplicationHandlers;
import io.jobemu.flink.jobs.CheckpointStatsHandlers;
import io.jobemu.flink.jobs.JobHandlers;
import io.jobemu.flink.jobs.VertexHandlers;
import io.jobemu.flink.operations.OperationHandlers;
import io.jobemu.flink.submission.SubmissionHandlers;
import java.util.Map;
import java.util.Set;

/**
 * The Flink JobManager REST API (2.3), as {@code specs/flink-rest-v1.yaml} describes it. Every endpoint is in
 * {@link #routes()}; each is also served under {@code /v1}. Deliberate differences from a real cluster are
 * listed in {@code LIMITATIONS.md} beside this class.
 */
public final class FlinkApi implements EmulatedApi {

    private static final Set<String> DASHBOARD_PATHS = Set.of("/", "/index.html");
    /** Stands in for the web dashboard's index.html, which the emulator does not ship. */
    private static final String DASHBOARD = "<!doctype html><html><head><title>Apache Flink Web Dashboard</title>"
            + "</head><body><p>jobemu: emulated Flink JobManager. The web dashboard is not emulated; use the REST"
            + " API.</p></body></html>";

    /** Operations whose handlers read a request body of their own. */
    private static final Set<String> WITH_REQUEST_BODY = Set.of("POST /jars/upload", "GET /jars/{jarid}/plan",
            "POST /jars/{jarid}/plan", "POST /jars/{jarid}/run", "POST /jars/{jarid}/run-application", "POST /jobs",
            "PATCH /jobs/{jobid}/clientHeartbeat", "POST /jobs/{jobid}/coordinators/{operatorid}",
            "PUT /jobs/{jobid}/resource-requirements", "POST /jobs/{jobid}/savepoints", "POST /jobs/{jobid}/stop",
            "POST /jobs/{jobid}/checkpoints", "POST /savepoint-disposal");

    private final FlinkCluster cluster;
    private final RouteTable routes;
    private final RouteTable controlRoutes;

    public FlinkApi(EmulatorContext context, TimingProfile timing) {
        this.cluster = new FlinkCluster(context, timing);
        this.routes = readingEmptyBodies(declareRoutes(cluster));
        this.controlRoutes = new FlinkControl(cluster).routes();
    }

    private static RouteTable declareRoutes(FlinkCluster cluster) {
        JarHandlers jars = new JarHandlers(cluster);
        JobHandlers jobs = new JobHandlers(cluster);
        VertexHandlers vertices = new VertexHandlers(cluster);
        CheckpointStatsHandlers checkpoints = new CheckpointStatsHandlers(cluster);
        OperationHandlers operations = new OperationHandlers(cluster);
        ClusterHandlers clusterViews = new ClusterHandlers(cluster);
        ApplicationHandlers applications = new ApplicationHandlers(cluster);
        SubmissionHandlers submissions = new SubmissionHandlers(cluster);
        return new RouteTable()
                // cluster
                .get("/config", clusterViews::config)
                .get("/overview", clusterViews::overview)
                .delete("/cluster", clusterViews::shutdown)
                .get("/datasets", clusterViews::dataSets)
                .delete("/datasets/{datasetid}", operations::deleteDataSet)
                .get("/datasets/delete/{triggerid}", operations::dataSetDeleteStatus)
                .post("/savepoint-disposal", operations::disposeSavepoint)
                .get("/savepoint-disposal/{triggerid}", operations::savepointDisposalStatus)
                // job manager
                .get("/jobmanager/config", clusterViews::jobManagerConfig)
                .get("/jobmanager/environment", clusterViews::jobManagerEnvironment)
                .get("/jobmanager/logs", clusterViews::jobManagerLogs)
                .get("/jobmanager/metrics", clusterViews::jobManagerMetrics)
                .get("/jobmanager/thread-dump", clusterViews::jobManagerThreadDump)
                // task managers
                .get("/taskmanagers", clusterViews::taskManagers)
                .get("/taskmanagers/metrics", clusterViews::aggregatedTaskManagerMetrics)
                .get("/taskmanagers/{taskmanagerid}", clusterViews::taskManagerDetails)
                .get("/taskmanagers/{taskmanagerid}/logs", clusterViews::taskManagerLogs)
                .get("/taskmanagers/{taskmanagerid}/metrics", clusterViews::taskManagerMetrics)
                .get("/taskmanagers/{taskmanagerid}/thread-dump", clusterViews::taskManagerThreadDump)
                // jars (web submission)
                .get("/jars", jars::list)
                .post("/jars/upload", jars::upload)
                .delete("/jars/{jarid}", jars::delete)
                .post("/jars/{jarid}/plan", jars::plan)
                .get("/jars/{jarid}/plan", jars::plan)
                .post("/jars/{jarid}/run", jars::run)
                .post("/jars/{jarid}/run-application", jars::runApplication)
                // applications
                .get("/applications/overview", applications::overview)
                .get("/applications/{applicationid}", applications::details)
                .post("/applications/{applicationid}/cancel", applications::cancel)
                .get("/applications/{applicationid}/exceptions", applications::exceptions)
                .get("/applications/{applicationid}/jobmanager/config", applications::jobManagerConfig)
                // jobs
                .get("/jobs", jobs::list)
                .post("/jobs", submissions::submit)
                .get("/jobs/overview", jobs::overview)
                .get("/jobs/metrics", clusterViews::aggregatedJobMetrics)
                .get("/jobs/{jobid}", jobs::details)
                .patch("/jobs/{jobid}", jobs::cancel)
                .get("/jobs/{jobid}/yarn-cancel", jobs::cancel)
                .get("/jobs/{jobid}/yarn-stop", jobs::yarnStop)
                .get("/jobs/{jobid}/status", jobs::status)
                .get("/jobs/{jobid}/config", jobs::config)
                .get("/jobs/{jobid}/exceptions", jobs::exceptions)
                .get("/jobs/{jobid}/execution-result", jobs::executionResult)
                .get("/jobs/{jobid}/plan", jobs::plan)
                .get("/jobs/{jobid}/accumulators", jobs::accumulators)
                .get("/jobs/{jobid}/metrics", jobs::metrics)
                .patch("/jobs/{jobid}/clientHeartbeat", jobs::clientHeartbeat)
                .post("/jobs/{jobid}/coordinators/{operatorid}", jobs::coordinationRequest)
                .get("/jobs/{jobid}/resource-requirements", jobs::resourceRequirements)
                .put("/jobs/{jobid}/resource-requirements", jobs::updateResourceRequirements)
                .get("/jobs/{jobid}/jobmanager/config", jobs::jobManagerConfig)
                .get("/jobs/{jobid}/jobmanager/environment", jobs::jobManagerEnvironment)
                .get("/jobs/{jobid}/jobmanager/log-url", jobs::jobManagerLogUrl)
                .get("/jobs/{jobid}/taskmanagers/{taskmanagerid}/log-url", jobs::taskManagerLogUrl)
                .get("/jobs/{jobid}/rescales/config", jobs::rescalesConfig)
                .get("/jobs/{jobid}/rescales/details/{rescaleuuid}", jobs::rescaleDetails)
                .get("/jobs/{jobid}/rescales/history", jobs::rescalesHistory)
                .get("/jobs/{jobid}/rescales/overview", jobs::rescalesOverview)
                .get("/jobs/{jobid}/rescales/summary", jobs::rescalesSummary)
                // savepoints, checkpoints, rescaling: trigger and poll
                .post("/jobs/{jobid}/savepoints", operations::triggerSavepoint)
                .get("/jobs/{jobid}/savepoints/{triggerid}", operations::savepointStatus)
                .post("/jobs/{jobid}/stop", operations::stopWithSavepoint)
                .post("/jobs/{jobid}/checkpoints", operations::triggerCheckpoint)
                .get("/jobs/{jobid}/checkpoints/{triggerid}", operations::checkpointStatus)
                .patch("/jobs/{jobid}/rescaling", operations::rescale)
                .get("/jobs/{jobid}/rescaling/{triggerid}", operations::rescalingStatus)
                // checkpoint statistics
                .get("/jobs/{jobid}/checkpoints", checkpoints::statistics)
                .get("/jobs/{jobid}/checkpoints/config", checkpoints::config)
                .get("/jobs/{jobid}/checkpoints/details/{checkpointid}", checkpoints::details)
                .get("/jobs/{jobid}/checkpoints/details/{checkpointid}/subtasks/{vertexid}",
                        checkpoints::subtaskDetails)
                // vertices and subtasks
                .get("/jobs/{jobid}/vertices/{vertexid}", vertices::details)
                .get("/jobs/{jobid}/vertices/{vertexid}/accumulators", vertices::accumulators)
                .get("/jobs/{jobid}/vertices/{vertexid}/backpressure", vertices::backPressure)
                .get("/jobs/{jobid}/vertices/{vertexid}/flamegraph", vertices::flameGraph)
                .get("/jobs/{jobid}/vertices/{vertexid}/jm-operator-metrics", vertices::jobManagerOperatorMetrics)
                .get("/jobs/{jobid}/vertices/{vertexid}/metrics", vertices::metrics)
                .get("/jobs/{jobid}/vertices/{vertexid}/subtasks/accumulators", vertices::subtaskAccumulators)
                .get("/jobs/{jobid}/vertices/{vertexid}/subtasks/metrics", vertices::aggregatedSubtaskMetrics)
                .get("/jobs/{jobid}/vertices/{vertexid}/subtasks/{subtaskindex}", vertices::subtaskDetails)
                .get("/jobs/{jobid}/vertices/{vertexid}/subtasks/{subtaskindex}/attempts/{attempt}",
                        vertices::subtaskAttemptDetails)
                .get("/jobs/{jobid}/vertices/{vertexid}/subtasks/{subtaskindex}/attempts/{attempt}/accumulators",
                        vertices::subtaskAttemptAccumulators)
                .get("/jobs/{jobid}/vertices/{vertexid}/subtasks/{subtaskindex}/metrics", vertices::subtaskMetrics)
                .get("/jobs/{jobid}/vertices/{vertexid}/subtasktimes", vertices::subtaskTimes)
                .get("/jobs/{jobid}/vertices/{vertexid}/taskmanagers", vertices::taskManagers)
                .get("/jobs/{jobid}/vertices/{vertexid}/watermarks", vertices::watermarks);
    }

    /**
     * Every Flink handler reads its request body before anything else; those that take none read an
     * EmptyRequestBody, so a body that is not a JSON object fails them too.
     */
    private static RouteTable readingEmptyBodies(RouteTable declared) {
        RouteTable table = new RouteTable();
        for (Route route : declared.routes()) {
            RouteHandler handler = route.handler();
            table.add(route.method(), route.path(), WITH_REQUEST_BODY.contains(route.operationKey()) ? handler
                    : call -> {
                        FlinkParams.emptyBody(call);
                        return handler.handle(call);
                    });
        }
        return table;
    }

    public FlinkCluster cluster() {
        return cluster;
    }

    @Override
    public String name() {
        return "flink";
    }

    @Override
    public RouteTable routes() {
        return routes;
    }

    @Override
    public RouteTable controlRoutes() {
        return controlRoutes;
    }

    /** Every Flink handler computes from the stores in memory but the jar ones, which read or delete jar files. */
    @Override
    public boolean answersFromMemory(String requestPath) {
        return !routingPath(requestPath).startsWith("/jars");
    }

    /**
     * Flink matches on decoded path tokens, so repeated and trailing slashes do not matter and an encoded slash
     * separates tokens too; it registers every route both bare and under {@code /v1}.
     */
    @Override
    public String routingPath(String requestPath) {
        StringBuilder path = new StringBuilder();
        for (String token : requestPath.replace("%2F", "/").replace("%2f", "/").split("/")) {
            if (!token.isEmpty()) {
                path.append('/').append(token);
            }
        }
        String normalised = path.length() == 0 ? "/" : path.toString();
        if (normalised.equals("/v1")) {
            return "/";
        }
        return normalised.startsWith("/v1/") ? normalised.substring(3) : normalised;
    }

    /**
     * Unknown GETs fall through to the web UI's static-file handler, which serves the dashboard at {@code /};
     * a multipart POST is refused by the upload handler before routing; every other request gets the router's
     * 404, which quotes the uri with its query. Flink never answers 405.
     */
    @Override
    public Response notFound(Call call) {
        if (call.method().equals("GET")) {
            if (DASHBOARD_PATHS.contains(routingPath(call.requestPath()))) {
                return new Response(200, DASHBOARD, "text/html", Map.of());
            }
            return FlinkErrors.plainWithoutCors(404, "Unable to load requested file " + call.requestPath() + ".");
        }
        if (FlinkParams.isUpload(call)) {
            return FlinkErrors.plainWithoutCors(400, "POST request not allowed");
        }
        return FlinkErrors.plain(404, "Not found: " + call.requestUri());
    }

    @Override
    public Response failure(Call call, Throwable error) {
        if (error instanceof BodyTooLargeException tooLarge) {
            return FlinkErrors.plain(413, "Request entity too large: content length exceeds " + tooLarge.limit()
                    + " bytes. Try to raise [rest.server.max-content-length]");
        }
        if (error instanceof StoreFullException full) {
            return FlinkErrors.plain(413, full.getMessage());
        }
        return FlinkErrors.internal(error.toString()).response();
    }

    /** {@code rest.server.max-content-length}; multipart uploads are bounded by the jar store instead. */
    @Override
    public long maxBodyBytes() {
        return cluster.context().limits().flinkMaxContentLength();
    }

    /** Flink's upload handler takes every multipart POST before routing, whatever its path. */
    @Override
    public boolean parsesMultipart(String method, String routingPath) {
        return method.equals("POST");
    }

    /** What the jar store can still take ({@code --flink-jar-store-bytes}). */
    @Override
    public long maxUploadBytes() {
        return cluster.jars().roomLeft();
    }

    @Override
    public RuntimeException uploadTooLarge(long limit) {
        return cluster.jars().tooLarge();
    }

    @Override
    public void reset() {
        cluster.reset();
    }
}
