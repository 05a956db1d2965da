package io.jobemu.jobserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.control.ControlApi;
import io.jobemu.core.control.Redaction;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.RouteTable;
import io.jobemu.core.state.IllegalTransitionException;
import io.jobemu.core.state.StateMachine;
import io.jobemu.jobserver.behaviours.JobBehaviour;
import io.jobemu.jobserver.runtime.ContextSnapshot;
import io.jobemu.jobserver.runtime.ContextState;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Test control of the emulated job server, under {@code /_emulator/jobserver}: what jobs of a main class do, the
 * server settings (Basic authentication, slots per context, health, context stop time, environment, callback hosts),
 * forcing a context's driver into a state, and the transitions a context or job took.
 */
final class JobserverControl {

    private final JobServer server;

    JobserverControl(JobServer server) {
        this.server = server;
    }

    RouteTable routes() {
        return new RouteTable()
                .get("/behaviours", this::listBehaviours)
                .put("/behaviours/{mainClass}", this::setBehaviour)
                .delete("/behaviours/{mainClass}", this::removeBehaviour)
                .get("/settings", call -> settingsView())
                .put("/settings", this::updateSettings)
                .post("/contexts/{contextName}/state", this::forceContextState)
                .get("/contexts/{contextName}/transitions", this::contextTransitions)
                .get("/jobs/{jobId}/transitions", this::jobTransitions);
    }

    private Response listBehaviours(Call call) {
        return Response.json(200, Json.object().set("mainClasses",
                Json.MAPPER.valueToTree(server.behaviours().declared())));
    }

    private Response setBehaviour(Call call) throws IOException {
        JobBehaviour behaviour = ControlApi.readBody(call, JobBehaviour.class, "job behaviour");
        server.behaviours().set(call.pathParam("mainClass"), behaviour);
        return Response.json(200, Json.MAPPER.valueToTree(behaviour));
    }

    private Response removeBehaviour(Call call) {
        String mainClass = call.pathParam("mainClass");
        if (!server.behaviours().remove(mainClass)) {
            throw new ApiError(ControlApi.error(404, "no behaviour is set for " + mainClass));
        }
        return Response.json(200, Json.object().put("removed", mainClass));
    }

    /** Passwords (and environment variables with secret names) show as redacted: no answer echoes a secret. */
    private Response settingsView() {
        return Response.json(200, Redaction.json(Json.MAPPER.valueToTree(server.settings())));
    }

    /** Replaces the fields the body names; the others keep their values. */
    private Response updateSettings(Call call) throws IOException {
        JsonNode changes = ControlApi.readBody(call, JsonNode.class, "settings");
        try {
            server.updateSettings(server.settings().with(changes));
        } catch (JsonProcessingException e) {
            throw ControlApi.badRequest("invalid settings: " + e.getOriginalMessage());
        }
        return settingsView();
    }

    /** {@code ?to=KILLED|ERROR|RESTARTING|RUNNING}; 409 when the context cannot get there from its state. */
    private Response forceContextState(Call call) {
        String name = call.pathParam("contextName");
        String to = call.query("to").orElseThrow(() -> ControlApi.badRequest("query parameter to is required"));
        ContextState target;
        try {
            target = ContextState.valueOf(to.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ControlApi.badRequest("to must be one of " + List.of(ContextState.values()) + ", got \"" + to
                    + "\"");
        }
        ContextSnapshot context;
        try {
            context = server.supervisor().forceContext(name, target).orElseThrow(() -> noContext(name));
        } catch (IllegalTransitionException e) {
            throw new ApiError(ControlApi.error(409, e.getMessage()));
        }
        return Response.json(200, transitions(context.state(), context.history()));
    }

    private Response contextTransitions(Call call) {
        String name = call.pathParam("contextName");
        ContextSnapshot context = server.supervisor().context(name).orElseThrow(() -> noContext(name));
        return Response.json(200, transitions(context.state(), context.history()));
    }

    private Response jobTransitions(Call call) {
        String id = call.pathParam("jobId");
        return server.supervisor().job(id)
                .map(job -> Response.json(200, transitions(job.state(), job.history())))
                .orElseThrow(() -> new ApiError(ControlApi.error(404, "no job " + id)));
    }

    private static ApiError noContext(String name) {
        return new ApiError(ControlApi.error(404, "no context " + name));
    }

    private static <S extends Enum<S>> ObjectNode transitions(S current, List<StateMachine.Transition<S>> history) {
        ObjectNode view = Json.object().put("state", current.name());
        ArrayNode steps = view.putArray("transitions");
        for (StateMachine.Transition<S> step : history) {
            steps.addObject().put("from", step.from().name()).put("to", step.to().name())
                    .put("at", Instant.ofEpochMilli(step.at()).toString());
        }
        return view;
    }
}
