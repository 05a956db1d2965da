package io.jobemu.jobserver.contexts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.typesafe.config.Config;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.jobserver.ClockWait;
import io.jobemu.jobserver.JobServer;
import io.jobemu.jobserver.JobserverParams;
import io.jobemu.jobserver.JobserverPaths;
import io.jobemu.jobserver.JobserverReplies;
import io.jobemu.jobserver.Permission;
import io.jobemu.jobserver.ScalaCollections;
import io.jobemu.jobserver.ServerConfig;
import io.jobemu.jobserver.Timestamps;
import io.jobemu.jobserver.runtime.ContextSnapshot;
import io.jobemu.jobserver.runtime.Supervisor;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /contexts}: list, get, create, stop and reset contexts. */
public final class ContextHandlers {

    private final JobServer server;

    public ContextHandlers(JobServer server) {
        this.server = server;
    }

    /** Names of the running, restarting and stopping contexts, newest first. */
    public Response list(Call call) {
        ArrayNode names = Json.array();
        server.supervisor().activeContextNames().forEach(names::add);
        return JobserverReplies.json(200, names);
    }

    /** The latest context of that name, finished ones included (cluster mode keeps them). */
    public Response get(Call call) {
        String name = JobserverPaths.segment(call);
        ContextSnapshot context = server.supervisor().context(name)
                .orElseThrow(() -> JobserverReplies.error(404, "can't find context with name " + name));
        return JobserverReplies.json(200, report(context));
    }

    /**
     * Creates a context from the body's {@code spark.context-settings} (which wins) and the query parameters, and
     * answers once it runs. A body that is not HOCON fails inside the route: akka's plain 500; one with an include
     * (which the real server would read) is refused with a 400.
     */
    public Response create(Call call) throws Exception {
        String body = call.bodyText();
        String name = JobserverPaths.segment(call);
        if (!Character.isLetter(name.charAt(0))) {
            throw JobserverReplies.error(400, "context name must start with letters");
        }
        Config settings;
        try {
            settings = ServerConfig.contextSettings(ServerConfig.parse(body), queryParameters(call),
                    server.settings().environment());
        } catch (ServerConfig.IncludeRefused e) {
            throw JobserverReplies.error(400, e.getMessage());
        }
        Supervisor.ContextCreation creation = server.supervisor().createContext(name, settings);
        if (creation instanceof Supervisor.ContextCreation.AlreadyExists) {
            throw JobserverReplies.error(400, "context " + name + " exists");
        }
        if (creation instanceof Supervisor.ContextCreation.InitFailed failed) {
            throw failed.malformedUrl()
                    ? JobserverReplies.exception(400, "CONTEXT INIT ERROR: Malformed URL", failed.error())
                    : JobserverReplies.exception(500, "CONTEXT INIT ERROR", failed.error());
        }
        return JobserverReplies.success(200, "Context initialized");
    }

    /**
     * Stops the context and its jobs ({@code force=true} stops at once). A stop still under way when the deletion
     * timeout passes answers 202 with the request's URI as Location.
     */
    public Response delete(Call call) {
        String name = JobserverPaths.segment(call);
        boolean force = JobserverParams.optionalBoolean(call, "force").orElse(false);
        Supervisor.StopRequest stop = server.supervisor().stopContext(name, force);
        if (stop instanceof Supervisor.StopRequest.NotFound) {
            throw JobserverReplies.error(404, "context " + name + " not found");
        }
        Response stopped = JobserverReplies.success(200, "Context stopped");
        if (!(stop instanceof Supervisor.StopRequest.InProgress inProgress)) {
            return stopped;
        }
        Response accepted = JobserverReplies.json(202, null).withHeader("Location", call.baseUrl() + call.requestUri());
        if (!inProgress.worthWaiting()) {
            return accepted;
        }
        // a stop that ends on the clock before the answer timeout (bounded in real time) answers that it stopped
        return Response.later(ClockWait.within(server.context().clock(), inProgress.stopped(),
                Supervisor.STOP_ANSWER_TIMEOUT).thenApply(inTime -> inTime ? stopped : accepted));
    }

    /** {@code PUT /contexts?reset=reboot[&sync=false]}: stops every context. */
    public Response reset(Call call) {
        String reset = JobserverParams.required(call, "reset");
        Optional<Boolean> sync = JobserverParams.optionalBoolean(call, "sync");
        server.auth().authorize(call, Permission.CONTEXTS_RESET);
        if (!reset.equals("reboot")) {
            throw JobserverReplies.error(500, "ERROR");
        }
        server.supervisor().stopAllContexts();
        return JobserverReplies.success(200, sync.orElse(true) ? "Context reset" : "Context reset requested");
    }

    /**
     * {@code getContextReport} in cluster mode: id, name, times (endTime "Empty" while unset), state, and the
     * driver's application id and UI while it runs; every value a string.
     */
    static ObjectNode report(ContextSnapshot context) {
        Map<String, TextNode> fields = new LinkedHashMap<>();
        fields.put("id", TextNode.valueOf(context.id()));
        fields.put("name", TextNode.valueOf(context.name()));
        fields.put("startTime", TextNode.valueOf(Timestamps.utc(context.startTime())));
        fields.put("endTime", TextNode.valueOf(context.endTime() < 0 ? "Empty" : Timestamps.utc(context.endTime())));
        fields.put("state", TextNode.valueOf(context.state().name()));
        if (context.applicationId() != null) {
            fields.put("applicationId", TextNode.valueOf(context.applicationId()));
            fields.put("url", TextNode.valueOf(context.uiUrl()));
        }
        return ScalaCollections.object(fields);
    }

    /** akka's {@code parameterMap}: every query parameter, the last value of a repeated one. */
    private static Map<String, String> queryParameters(Call call) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Deque<String>> entry : call.queryParameters().entrySet()) {
            parameters.put(entry.getKey(), entry.getValue().getLast());
        }
        return parameters;
    }
}
