package io.jobemu.flink.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.FlinkParams;
import io.jobemu.flink.cluster.JobManagerViews;

/**
 * The 2.3 application endpoints, in session mode: every job is its own application, with the job's id (see
 * {@link ApplicationViews}).
 */
public final class ApplicationHandlers {

    private static final String APPLICATION_NOT_FOUND =
            "org.apache.flink.runtime.messages.FlinkApplicationNotFoundException";

    private final FlinkCluster cluster;

    public ApplicationHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    public Response overview(Call call) throws Exception {
        long now = now();
        ObjectNode view = Json.object();
        ArrayNode applications = view.putArray("applications");
        cluster.jobs().all().forEach(job -> applications.add(ApplicationViews.overviewEntry(job, now)));
        return FlinkErrors.json(200, view);
    }

    /** Unknown application: the dispatcher's exception comes through as a 500. */
    public Response details(Call call) throws Exception {
        return FlinkErrors.json(200, ApplicationViews.details(application(call), now()));
    }

    /**
     * Cancels the application's job: 202 {}. Only a running application can be cancelled; a finished one is
     * archived, so the dispatcher no longer finds it (404, as for an unknown id).
     */
    public Response cancel(Call call) throws Exception {
        String id = applicationId(call);
        FlinkJob job = cluster.jobs().find(id)
                .filter(j -> !ApplicationState.of(j.status()).isTerminal())
                .orElseThrow(() -> cannotCancel(id));
        if (job.cancel() != FlinkJob.CancelRefusal.NONE) {
            throw cannotCancel(id);
        }
        return FlinkErrors.json(202, Json.object());
    }

    /** A SingleJobApplication records no exceptions of its own; its job's failures are in the job's history. */
    public Response exceptions(Call call) throws Exception {
        application(call);
        ObjectNode view = Json.object();
        view.putObject("exceptionHistory").putArray("entries");
        return FlinkErrors.json(200, view);
    }

    /** Flink answers with the cluster configuration without looking the application up. */
    public Response jobManagerConfig(Call call) throws Exception {
        applicationId(call);
        return FlinkErrors.json(200, JobManagerViews.config(cluster, call));
    }

    private FlinkJob application(Call call) {
        String id = applicationId(call);
        return cluster.jobs().find(id).orElseThrow(() -> FlinkErrors.internal(notFound(id)));
    }

    private static String applicationId(Call call) {
        return FlinkParams.hexId(call, "applicationid");
    }

    private static ApiError cannotCancel(String id) {
        return FlinkErrors.restHandler(404, "Application could not be found.", notFound(id));
    }

    private static String notFound(String id) {
        return APPLICATION_NOT_FOUND + ": Could not find Flink application (" + id + ")";
    }

    private long now() {
        return cluster.context().clock().millis();
    }
}
