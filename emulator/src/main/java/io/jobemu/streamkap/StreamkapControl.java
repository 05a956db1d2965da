package io.jobemu.streamkap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.control.ControlApi;
import io.jobemu.core.control.Redaction;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.RouteTable;
import io.jobemu.streamkap.auth.AccessTokens;
import io.jobemu.streamkap.jobs.DeployFailures;
import io.jobemu.streamkap.jobs.FlinkJobViews;
import io.jobemu.streamkap.jobs.StreamkapJobs;
import java.io.IOException;

/**
 * Test control of the emulated Streamkap, under {@code /_emulator/streamkap}: queue deploy failures, list and
 * revoke tokens (listed by their last characters only: the control API echoes no secret), read a job's status.
 * What a deployed job does is its Flink job's behaviour ({@code /_emulator/flink/behaviours}).
 */
final class StreamkapControl {

    private final DeployFailures failures;
    private final AccessTokens tokens;
    private final StreamkapJobs jobs;
    private final FlinkJobViews views;

    StreamkapControl(DeployFailures failures, AccessTokens tokens, StreamkapJobs jobs, FlinkJobViews views) {
        this.failures = failures;
        this.tokens = tokens;
        this.jobs = jobs;
        this.views = views;
    }

    RouteTable routes() {
        return new RouteTable()
                .get("/deploy-failures", call -> failuresView())
                .post("/deploy-failures", this::queueFailure)
                .delete("/deploy-failures", call -> {
                    failures.clear();
                    return failuresView();
                })
                .get("/jobs/{id}/status", this::jobStatus)
                .get("/tokens", call -> tokensView())
                .delete("/tokens", call -> {
                    tokens.reset();
                    return tokensView();
                });
    }

    /** Body {@code {"name"?, "message"?, "status"?}}; see {@link DeployFailures.Failure}. */
    private Response queueFailure(Call call) throws IOException {
        DeployFailures.Failure failure;
        try {
            byte[] body = call.body();
            failure = body.length == 0 ? new DeployFailures.Failure(null, null, null)
                    : Json.MAPPER.readValue(body, DeployFailures.Failure.class);
        } catch (JsonProcessingException e) {
            // the record's own checks arrive wrapped; their message is the useful one
            String reason = e.getCause() instanceof IllegalArgumentException invalid ? invalid.getMessage()
                    : e.getOriginalMessage();
            throw ControlApi.badRequest("invalid deploy failure: " + reason);
        }
        if (failure == null) {
            throw ControlApi.badRequest("invalid deploy failure: null");
        }
        failures.add(failure);
        return failuresView();
    }

    /** The job's {@code GET /flink_jobs/{job_id}/status} view, for tests, without an access token. */
    private Response jobStatus(Call call) {
        String id = call.pathParam("id");
        return jobs.find(id).map(job -> Response.json(200, views.status(job.snapshot())))
                .orElseGet(() -> ControlApi.error(404, "no Streamkap job " + id));
    }

    private Response failuresView() {
        return Response.json(200, Json.object().set("failures", Json.MAPPER.valueToTree(failures.all())));
    }

    private Response tokensView() {
        long now = tokens.now();
        ArrayNode list = Json.array();
        for (AccessTokens.Token token : tokens.accessTokens()) {
            list.addObject()
                    .put("accessToken", Redaction.tokenEnd(token.value()))
                    .put("clientId", token.clientId())
                    .put("issued", StreamkapTime.iso(token.issuedAt()))
                    .put("expires", StreamkapTime.iso(token.expiresAt()))
                    .put("valid", token.validAt(now));
        }
        ObjectNode view = Json.object();
        view.set("tokens", list);
        view.put("forgotten", tokens.forgotten());
        return Response.json(200, view);
    }
}
