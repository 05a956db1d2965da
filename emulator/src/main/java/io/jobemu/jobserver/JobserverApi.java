package io.jobemu.jobserver;

import static io.jobemu.jobserver.Routing.Authorize.AFTER_PATH;
import static io.jobemu.jobserver.Routing.Authorize.BEFORE_PATH;
import static io.jobemu.jobserver.Routing.Authorize.IN_HANDLER;
import static io.jobemu.jobserver.Routing.Authorize.NONE;

import io.jobemu.core.EmulatedApi;
import io.jobemu.core.EmulatorContext;
import io.jobemu.core.http.BodyTooLargeException;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.RouteTable;
import io.jobemu.flink.TimingProfile;
import io.jobemu.jobserver.binaries.BinaryHandlers;
import io.jobemu.jobserver.contexts.ContextHandlers;
import io.jobemu.jobserver.data.DataHandlers;
import io.jobemu.jobserver.jobs.JobHandlers;
import java.util.Set;

/**
 * spark-jobserver's REST API (0.11 line, current master), as {@code specs/spark-jobserver.yaml} describes it. Every
 * endpoint is declared once in {@link #declareRoutes}, in the real server's akka-http route order, which
 * {@link Routing} follows to resolve each request (method override, string prefixes, routes without a path-end
 * check, sealed resources behind authentication). Deliberate differences are listed in the README.
 */
public final class JobserverApi implements EmulatedApi {

    private final JobServer server;
    private final Routing routing;
    private final RouteTable routes;
    private final RouteTable controlRoutes;

    public JobserverApi(EmulatorContext context, TimingProfile timing, JobserverSettings initialSettings) {
        this.server = new JobServer(context, timing, initialSettings);
        this.routing = declareRoutes(server);
        this.routes = routing.table();
        this.controlRoutes = new JobserverControl(server).routes();
    }

    private static Routing declareRoutes(JobServer server) {
        BinaryHandlers binaries = new BinaryHandlers(server);
        ContextHandlers contexts = new ContextHandlers(server);
        JobHandlers jobs = new JobHandlers(server);
        DataHandlers data = new DataHandlers(server);
        return new Routing(server.auth())
                // binaries
                .get("/binaries/{appName}", Permission.BINARIES_READ, AFTER_PATH, binaries::get)
                .get("/binaries", Permission.BINARIES_READ, AFTER_PATH, binaries::list)
                .post("/binaries/{appName}", Permission.BINARIES_UPLOAD, BEFORE_PATH, binaries::upload)
                .delete("/binaries/{appName}", Permission.BINARIES_DELETE, BEFORE_PATH, binaries::delete)
                // contexts
                .get("/contexts/{contextName}", Permission.CONTEXTS_READ, AFTER_PATH, contexts::get)
                .get("/contexts", Permission.CONTEXTS_READ, AFTER_PATH, contexts::list)
                .post("/contexts/{contextName}", Permission.CONTEXTS_START, BEFORE_PATH, contexts::create)
                .delete("/contexts/{contextName}", Permission.CONTEXTS_DELETE, AFTER_PATH, contexts::delete)
                .put("/contexts", Permission.CONTEXTS_RESET, IN_HANDLER, contexts::reset)
                // jobs
                .get("/jobs/{jobId}/config", Permission.JOBS_READ, AFTER_PATH, jobs::config)
                .get("/jobs/{jobId}", Permission.JOBS_READ, AFTER_PATH, jobs::get)
                .delete("/jobs/{jobId}", Permission.JOBS_DELETE, AFTER_PATH, jobs::kill)
                .get("/jobs", Permission.JOBS_READ, AFTER_PATH, jobs::list)
                .post("/jobs", Permission.JOBS_START, BEFORE_PATH, jobs::submit)
                // data
                .get("/data", Permission.DATA_READ, AFTER_PATH, data::list)
                .delete("/data/{filename}", Permission.DATA_DELETE, BEFORE_PATH, data::delete)
                .put("/data", Permission.DATA_RESET, IN_HANDLER, data::reset)
                .post("/data/{filename}", Permission.DATA_UPLOAD, BEFORE_PATH, data::upload)
                // health: not behind authentication
                .get("/healthz", null, NONE, call -> server.settings().healthy() ? JobserverReplies.success(200)
                        : JobserverReplies.json(500, JobserverReplies.errorBody("Required actors not alive")));
    }

    public JobServer server() {
        return server;
    }

    @Override
    public String name() {
        return "jobserver";
    }

    @Override
    public RouteTable routes() {
        return routes;
    }

    @Override
    public RouteTable controlRoutes() {
        return controlRoutes;
    }

    @Override
    public long maxBodyBytes() {
        return server.context().limits().jobserverMaxContentLength();
    }

    /** Undertow found no template: the real route tree still may (routes without a path-end check). */
    @Override
    public Response notFound(Call call) {
        return resolve(call);
    }

    /** Undertow found the path for other methods: the real route tree decides (method override, fall-through). */
    @Override
    public Response methodNotAllowed(Call call, Set<String> allowedMethods) {
        return resolve(call);
    }

    @Override
    public Response failure(Call call, Throwable error) {
        if (error instanceof BodyTooLargeException tooLarge) {
            return AkkaDefaults.payloadTooLarge(call.header("Content-Length").map(n -> "Some(" + n + ")")
                    .orElse("None"), tooLarge.limit());
        }
        return AkkaDefaults.internalServerError();
    }

    @Override
    public void reset() {
        server.reset();
    }

    private Response resolve(Call call) {
        try {
            return routing.handle(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return failure(call, e);
        }
    }
}
