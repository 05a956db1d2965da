package io.jobemu.core.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.jobemu.core.EmulatedApi;
import io.jobemu.core.EmulatorContext;
import io.jobemu.core.Namespaces;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.faults.FaultRegistry;
import io.jobemu.core.faults.FaultSpec;
import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.ErrorPolicy;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.Route;
import io.jobemu.core.http.RouteTable;
import io.jobemu.core.journal.JournalBounds;
import io.jobemu.core.journal.JournalEntry;
import io.jobemu.core.journal.JournalQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The test-control API, served under {@code /_emulator} on every port: health, reset, clock and journal, plus
 * each API's own control routes under {@code /_emulator/<api>}. Its errors are {@code {"error": "..."}}.
 */
public final class ControlApi implements ErrorPolicy {

    public static final String PREFIX = "/_emulator";

    private final EmulatorContext context;
    private final List<EmulatedApi> apis;
    private final FaultRegistry faults;
    private final Supplier<Map<String, String>> baseUrls;
    private final Namespaces namespaces;
    /** The default namespace's control API, the only one that sees other namespaces. */
    private final boolean root;
    private final RouteTable routes = new RouteTable();

    /** @param root whether this is the default namespace's control API, which alone lists and deletes namespaces */
    public ControlApi(EmulatorContext context, List<EmulatedApi> apis, FaultRegistry faults,
                      Supplier<Map<String, String>> baseUrls, Namespaces namespaces, boolean root) {
        this.context = context;
        this.apis = apis;
        this.faults = faults;
        this.baseUrls = baseUrls;
        this.namespaces = namespaces;
        this.root = root;
        routes.get(PREFIX + "/health", this::health)
                .post(PREFIX + "/reset", this::reset)
                .get(PREFIX + "/clock", call -> clockView())
                .post(PREFIX + "/clock/advance", this::advanceClock)
                .post(PREFIX + "/clock/set", this::setClock)
                .post(PREFIX + "/clock/mode", this::setClockMode)
                .get(PREFIX + "/journal", this::journal)
                .delete(PREFIX + "/journal", this::clearJournal)
                .post(PREFIX + "/journal/find", this::findInJournal)
                .post(PREFIX + "/faults", this::addFault)
                .get(PREFIX + "/faults", call -> faultsView())
                .delete(PREFIX + "/faults", call -> {
                    faults.clear();
                    return faultsView();
                })
                .delete(PREFIX + "/faults/{id}", this::removeFault)
                .get(PREFIX + "/namespaces", call -> {
                    requireRoot();
                    return namespacesView();
                })
                .delete(PREFIX + "/namespaces/{name}", this::removeNamespace);
        for (EmulatedApi api : apis) {
            for (Route route : api.controlRoutes().routes()) {
                routes.add(route.method(), PREFIX + "/" + api.name() + route.path(), route.handler());
            }
        }
    }

    public RouteTable routes() {
        return routes;
    }

    /** Empties every store of every API, the journal, the faults and the pending clock events. */
    public void resetAll() {
        context.clock().clearScheduled();
        apis.forEach(EmulatedApi::reset);
        faults.clear();
        context.journal().clear();
    }

    private Response health(Call call) {
        ObjectNode body = Json.object().put("status", "UP");
        ObjectNode urls = body.putObject("apis");
        baseUrls.get().forEach(urls::put);
        return Response.json(200, body);
    }

    private Response reset(Call call) {
        resetAll();
        return Response.json(200, Json.object().put("status", "reset"));
    }

    private Response clockView() {
        EmulatorClock clock = context.clock();
        long now = clock.millis();
        return Response.json(200, Json.object()
                .put("mode", clock.mode().name())
                .put("now", Instant.ofEpochMilli(now).toString())
                .put("epochMillis", now)
                .put("pendingEvents", clock.pendingEvents()));
    }

    private Response advanceClock(Call call) {
        String by = required(call, "by");
        Duration duration;
        try {
            duration = Duration.parse(by);
        } catch (DateTimeParseException e) {
            throw badRequest("by must be an ISO-8601 duration such as PT5S, got \"" + by + "\"");
        }
        if (duration.isNegative()) {
            throw badRequest("by must not be negative, got \"" + by + "\"");
        }
        context.clock().advance(duration);
        return clockView();
    }

    private Response setClock(Call call) {
        String to = required(call, "to");
        Instant instant;
        try {
            instant = Instant.parse(to);
        } catch (DateTimeParseException e) {
            throw badRequest("to must be an ISO-8601 instant such as 2030-01-01T00:00:00Z, got \"" + to + "\"");
        }
        if (instant.isBefore(context.clock().instant())) {
            throw badRequest("the clock only moves forward; " + to + " is in its past");
        }
        context.clock().set(instant);
        return clockView();
    }

    private Response setClockMode(Call call) {
        String mode = required(call, "mode");
        try {
            context.clock().setMode(EmulatorClock.Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw badRequest("mode must be real or manual, got \"" + mode + "\"");
        }
        return clockView();
    }

    private Response journal(Call call) {
        Predicate<JournalEntry> filter = entry -> true;
        for (String field : List.of("api", "method", "path")) {
            String wanted = call.query(field).orElse(null);
            if (wanted != null) {
                filter = filter.and(entry -> wanted.equalsIgnoreCase(switch (field) {
                    case "api" -> entry.api();
                    case "method" -> entry.method();
                    default -> entry.path();
                }));
            }
        }
        return journalView(context.journal().find(filter));
    }

    /** The requests a {@link JournalQuery} matches, as WireMock's {@code POST /__admin/requests/find}. */
    private Response findInJournal(Call call) throws IOException {
        JournalQuery query = readBody(call, JournalQuery.class, "journal query");
        return journalView(context.journal().find(query::matches));
    }

    private Response journalView(List<JournalEntry> found) {
        ArrayNode entries = Json.array();
        found.forEach(entry -> entries.add(Json.MAPPER.valueToTree(entry)));
        JournalBounds bounds = context.journal().bounds();
        return Response.json(200, Json.object().put("capacity", bounds.entries())
                .put("entryBytes", bounds.entryBytes()).put("totalBytes", bounds.totalBytes())
                .put("count", found.size()).set("entries", entries));
    }

    private Response clearJournal(Call call) {
        context.journal().clear();
        return Response.json(200, Json.object().put("status", "cleared"));
    }

    private Response addFault(Call call) throws IOException {
        FaultRegistry.Fault fault = faults.add(readBody(call, FaultSpec.class, "fault"));
        return Response.json(201, faultView(fault));
    }

    private Response removeFault(Call call) {
        String id = call.pathParam("id");
        if (!faults.remove(id)) {
            throw new ApiError(error(404, "no fault " + id));
        }
        return faultsView();
    }

    private Response faultsView() {
        ArrayNode list = Json.array();
        faults.list().forEach(fault -> list.add(faultView(fault)));
        return Response.json(200, Json.object().set("faults", list));
    }

    private static ObjectNode faultView(FaultRegistry.Fault fault) {
        ObjectNode view = Json.object().put("id", fault.id()).put("hits", fault.hits());
        view.set("spec", Json.MAPPER.valueToTree(fault.spec()));
        return view;
    }

    private Response namespacesView() {
        ArrayNode names = Json.array();
        namespaces.names().forEach(names::add);
        return Response.json(200, Json.object().set("namespaces", names));
    }

    /** Drops a namespace and everything in it (the default namespace is reset instead). */
    private Response removeNamespace(Call call) {
        requireRoot();
        String name = call.pathParam("name");
        if (!namespaces.remove(name)) {
            throw new ApiError(error(404, "no namespace " + name));
        }
        return namespacesView();
    }

    /** A namespace sees and changes only itself: a test in one cannot find or drop another's. */
    private void requireRoot() {
        if (!root) {
            throw new ApiError(error(403, "namespaces are listed and deleted only through the root control API"
                    + " (the default namespace's: no X-Emulator-Namespace header or /_ns/ prefix)"));
        }
    }

    private static String required(Call call, String name) {
        return call.query(name).orElseThrow(() -> badRequest("query parameter " + name + " is required"));
    }

    /**
     * A control request's JSON body as {@code type}; a 400 naming {@code what} when it does not bind, or is JSON
     * {@code null}, which binds to nothing.
     */
    public static <T> T readBody(Call call, Class<T> type, String what) throws IOException {
        T value;
        try {
            value = Json.MAPPER.readValue(call.body(), type);
        } catch (JsonProcessingException e) {
            throw badRequest("invalid " + what + ": " + e.getOriginalMessage());
        }
        if (value == null) {
            throw badRequest("invalid " + what + ": null");
        }
        return value;
    }

    /** A control-API 400 with {@code {"error": message}}. */
    public static ApiError badRequest(String message) {
        return new ApiError(error(400, message));
    }

    public static Response error(int status, String message) {
        return Response.json(status, Json.object().put("error", message));
    }

    @Override
    public Response notFound(Call call) {
        return error(404, "no control endpoint " + call.method() + " " + call.requestPath());
    }

    @Override
    public Response methodNotAllowed(Call call, Set<String> allowedMethods) {
        return error(405, call.method() + " is not allowed on " + call.requestPath() + "; allowed: "
                + String.join(", ", allowedMethods));
    }

    @Override
    public Response failure(Call call, Throwable error) {
        if (error instanceof IllegalArgumentException) {
            return error(400, error.getMessage());
        }
        return error(500, error.toString());
    }
}
