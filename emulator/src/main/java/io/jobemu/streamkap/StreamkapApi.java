package io.jobemu.streamkap;

import io.jobemu.core.EmulatedApi;
import io.jobemu.core.EmulatorContext;
import io.jobemu.core.http.BodyTooLargeException;
import io.jobemu.core.http.StoreFullException;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.RouteTable;
import io.jobemu.flink.FlinkApi;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.streamkap.auth.AccessTokens;
import io.jobemu.streamkap.auth.AuthHandlers;
import io.jobemu.streamkap.auth.BearerAuth;
import io.jobemu.streamkap.fastapi.FastApi;
import io.jobemu.streamkap.fastapi.StarletteRouter;
import io.jobemu.streamkap.jobs.DeployFailures;
import io.jobemu.streamkap.jobs.Deployer;
import io.jobemu.streamkap.jobs.FlinkJobHandlers;
import io.jobemu.streamkap.jobs.FlinkJobViews;
import io.jobemu.streamkap.jobs.StreamkapJobs;
import java.util.Set;

/**
 * Streamkap's REST API (a FastAPI service) for Flink jobs and access tokens, as {@code specs/streamkap.yaml}
 * describes it; the operations its documentation does not show are marked {@code x-inferred} there. Streamkap is a
 * control plane over a Flink cluster, and so is this: it runs its jobs on the emulated Flink of the same process.
 */
public final class StreamkapApi implements EmulatedApi {

    /** The endpoints that declare form fields (the deploys), as "METHOD path". */
    private static final Set<String> FORM_ROUTES = Set.of("POST /flink_jobs/jar", "POST /flink_jobs/pyflink");

    private final AccessTokens tokens;
    private final StreamkapJobs jobs;
    private final DeployFailures failures = new DeployFailures();
    private final Deployer deployer;
    private final RouteTable routes;
    private final RouteTable controlRoutes;
    private final StarletteRouter router;
    private final long maxBodyBytes;

    public StreamkapApi(EmulatorContext context, FlinkApi flink, StreamkapCredentials credentials) {
        this.maxBodyBytes = context.limits().streamkapMaxContentLength();
        FlinkCluster cluster = flink.cluster();
        this.tokens = new AccessTokens(context.clock(), context.ids(), credentials);
        this.jobs = new StreamkapJobs(context.ids());
        this.deployer = new Deployer(cluster, jobs, failures);
        AuthHandlers auth = new AuthHandlers(tokens);
        FlinkJobViews views = new FlinkJobViews(cluster);
        FlinkJobHandlers flinkJobs = new FlinkJobHandlers(jobs, deployer, views, new BearerAuth(tokens));
        this.routes = new RouteTable()
                .post("/auth/access-token", auth::accessToken)
                .post("/auth/access-token/refresh", auth::refresh)
                .get("/flink_jobs", flinkJobs::list)
                .post("/flink_jobs/jar", flinkJobs::deployJar)
                .post("/flink_jobs/pyflink", flinkJobs::deployPyFlink)
                .get("/flink_jobs/{job_id}", flinkJobs::details)
                .delete("/flink_jobs/{job_id}", flinkJobs::delete)
                .get("/flink_jobs/{job_id}/status", flinkJobs::status)
                .post("/flink_jobs/{job_id}/cancel", flinkJobs::cancel)
                .post("/flink_jobs/{job_id}/stop", flinkJobs::stop);
        this.router = new StarletteRouter(routes);
        this.controlRoutes = new StreamkapControl(failures, tokens, jobs, views).routes();
    }

    @Override
    public String name() {
        return "streamkap";
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
    public String routingPath(String requestPath) {
        return router.routingPath(requestPath);
    }

    @Override
    public Response notFound(Call call) {
        return router.notFound(call);
    }

    /** Starlette may still have a route for this method (a parameter where the dispatcher took a literal). */
    @Override
    public Response methodNotAllowed(Call call, Set<String> allowedMethods) {
        try {
            return router.methodNotAllowed(call);
        } catch (RuntimeException e) {
            throw e; // an ApiError answers as from any handler
        } catch (Exception e) {
            return failure(call, e);
        }
    }

    @Override
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Starlette parses a multipart form only where an endpoint declares form fields. */
    @Override
    public boolean parsesMultipart(String method, String routingPath) {
        return FORM_ROUTES.contains(method + " " + routingPath);
    }

    /** Uploads beyond the jar store's bounds get a JSON 413; anything else is Starlette's plain 500. */
    @Override
    public Response failure(Call call, Throwable error) {
        if (error instanceof BodyTooLargeException) {
            return FastApi.detail(413, "Request Entity Too Large");
        }
        if (error instanceof StoreFullException full) {
            return FastApi.detail(413, full.getMessage());
        }
        return FastApi.internalServerError();
    }

    @Override
    public void reset() {
        deployer.cancelPending();
        jobs.reset();
        tokens.reset();
        failures.clear();
    }
}
