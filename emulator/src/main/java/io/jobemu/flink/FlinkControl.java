package io.jobemu.flink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.control.ControlApi;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.RouteTable;
import io.jobemu.core.state.StateMachine;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Test control of the emulated Flink, under {@code /_emulator/flink}: what jobs do (jar runs per entry class or jar,
 * submitted job graphs per job name), forcing a job into a state, and reading the transitions a job took.
 */
final class FlinkControl {

    private final FlinkCluster cluster;

    FlinkControl(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    RouteTable routes() {
        return new RouteTable()
                .get("/behaviours", this::listBehaviours)
                .get("/behaviours/entry-classes/{entryClass}", call -> getBehaviour(call, "entryClass",
                        key -> cluster.behaviours().entryClasses().get(key)))
                .put("/behaviours/entry-classes/{entryClass}", call -> setBehaviour(call, "entryClass",
                        cluster.behaviours()::setForEntryClass))
                .delete("/behaviours/entry-classes/{entryClass}", call -> removeBehaviour(call, "entryClass",
                        cluster.behaviours()::removeForEntryClass))
                .get("/behaviours/jars/{jarid}", call -> getBehaviour(call, "jarid",
                        key -> cluster.behaviours().jars().get(key)))
                .put("/behaviours/jars/{jarid}", call -> setBehaviour(call, "jarid",
                        cluster.behaviours()::setForJar))
                .delete("/behaviours/jars/{jarid}", call -> removeBehaviour(call, "jarid",
                        cluster.behaviours()::removeForJar))
                .get("/behaviours/job-names/{jobName}", call -> getBehaviour(call, "jobName",
                        key -> cluster.behaviours().jobNames().get(key)))
                .put("/behaviours/job-names/{jobName}", call -> setBehaviour(call, "jobName",
                        cluster.behaviours()::setForJobName))
                .delete("/behaviours/job-names/{jobName}", call -> removeBehaviour(call, "jobName",
                        cluster.behaviours()::removeForJobName))
                .get("/jobs/{jobid}/transitions", this::transitions)
                .post("/jobs/{jobid}/state", this::forceState);
    }

    private Response listBehaviours(Call call) {
        ObjectNode body = Json.object();
        body.set("entryClasses", Json.MAPPER.valueToTree(cluster.behaviours().entryClasses()));
        body.set("jars", Json.MAPPER.valueToTree(cluster.behaviours().jars()));
        body.set("jobNames", Json.MAPPER.valueToTree(cluster.behaviours().jobNames()));
        return Response.json(200, body);
    }

    private Response getBehaviour(Call call, String param, Function<String, JobBehaviour> lookup) {
        String key = call.pathParam(param);
        JobBehaviour behaviour = lookup.apply(key);
        if (behaviour == null) {
            throw noBehaviour(key);
        }
        return Response.json(200, Json.MAPPER.valueToTree(behaviour));
    }

    private Response setBehaviour(Call call, String param, BiConsumer<String, JobBehaviour> store)
            throws IOException {
        JobBehaviour behaviour = ControlApi.readBody(call, JobBehaviour.class, "job behaviour");
        store.accept(call.pathParam(param), behaviour);
        return Response.json(200, Json.MAPPER.valueToTree(behaviour));
    }

    private Response removeBehaviour(Call call, String param, Predicate<String> remove) {
        String key = call.pathParam(param);
        if (!remove.test(key)) {
            throw noBehaviour(key);
        }
        return Response.json(200, Json.object().put("removed", key));
    }

    private Response transitions(Call call) {
        FlinkJob job = job(call);
        return Response.json(200, transitionsView(job.status(), job.history()));
    }

    /** Moves the job along the shortest legal path to {@code ?to=STATE}; 409 when Flink could never get there. */
    private Response forceState(Call call) {
        FlinkJob job = job(call);
        String to = call.query("to").orElseThrow(() -> ControlApi.badRequest("query parameter to is required"));
        JobStatus target;
        try {
            target = JobStatus.valueOf(to.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ControlApi.badRequest("to must be one of " + List.of(JobStatus.values()) + ", got \"" + to + "\"");
        }
        try {
            job.force(target);
        } catch (IllegalStateException e) {
            throw new ApiError(ControlApi.error(409, e.getMessage()));
        }
        return Response.json(200, transitionsView(job.status(), job.history()));
    }

    private static ApiError noBehaviour(String key) {
        return new ApiError(ControlApi.error(404, "no behaviour is set for " + key));
    }

    private FlinkJob job(Call call) {
        String jobId = call.pathParam("jobid");
        return FlinkParams.parseHexId(jobId).flatMap(cluster.jobs()::find)
                .orElseThrow(() -> new ApiError(ControlApi.error(404, "no job " + jobId)));
    }

    private static ObjectNode transitionsView(JobStatus current, List<StateMachine.Transition<JobStatus>> history) {
        ObjectNode view = Json.object().put("state", current.name());
        ArrayNode steps = view.putArray("transitions");
        for (StateMachine.Transition<JobStatus> step : history) {
            steps.addObject().put("from", step.from().name()).put("to", step.to().name())
                    .put("at", Instant.ofEpochMilli(step.at()).toString());
        }
        return view;
    }
}
