package io.jobemu.jobserver;

import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.RouteHandler;
import io.jobemu.core.http.RouteTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The real server's akka-http route tree, declared once: each endpoint is one alternative of its resource prefix,
 * in the real server's order. {@link #table()} lists them for the dispatcher and the OpenAPI check; every request,
 * whatever Undertow matched, is then resolved here as akka-http resolves it:
 * <ul>
 *   <li>{@code ?_method=X} overrides the request method first (an unknown method answers 501);</li>
 *   <li>{@code pathPrefix} is a string prefix ({@code /binariesX} is under {@code /binaries}) and the list, submit
 *       and reset routes (templates without a path parameter) have no path-end check, so {@code GET /jobs/a/b}
 *       lists the jobs and {@code POST /jobs/x} submits one;</li>
 *   <li>{@code /binaries}, {@code /contexts}, {@code /jobs} and {@code /data} are each sealed behind Basic
 *       authentication: a request there never falls through, and an alternative whose method matched cancels
 *       the 405 (akka then answers 404);</li>
 *   <li>everything else ends at the web UI's GET-only routes: 404 for GET, 405 for other methods;</li>
 *   <li>HEAD is served as GET.</li>
 * </ul>
 * Handlers read their path parameter with {@link JobserverPaths#segment(Call)}, as akka's {@code path(Segment)}
 * reads it.
 */
final class Routing {

    private static final Set<String> HTTP_METHODS =
            Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT");

    /** When an alternative checks its permission: akka's {@code authorize} sits at different places. */
    enum Authorize {
        /** {@code (get & path(Segment) & authorize(p))}. */
        AFTER_PATH,
        /** {@code (post & authorize(p)) { path(Segment) ... }}. */
        BEFORE_PATH,
        /** Checked by the handler itself, after its query parameters ({@code put { parameters(...) { authorize }}}). */
        IN_HANDLER,
        /** Not behind authentication at all. */
        NONE
    }

    /** One route alternative: method, OpenAPI template, permission and handler. */
    private record Endpoint(String method, String template, Permission permission, Authorize authorize,
                            RouteHandler handler) {

        String prefix() {
            int slash = template.indexOf('/', 1);
            return slash < 0 ? template : template.substring(0, slash);
        }

        /** Whether the rest of the path after the prefix fits; a bare-prefix template accepts anything. */
        boolean matchesRest(String rest) {
            String shape = template.substring(prefix().length());
            if (shape.isEmpty()) {
                return true;
            }
            // "/{param}" or "/{param}/literal": one non-empty segment, then the literal tail if any
            String tail = shape.substring(shape.indexOf('}') + 1);
            if (!rest.startsWith("/") || !rest.endsWith(tail)) {
                return false;
            }
            String segment = rest.substring(1, rest.length() - tail.length());
            return !segment.isEmpty() && segment.indexOf('/') < 0;
        }
    }

    private final BasicAuth auth;
    private final List<Endpoint> endpoints = new ArrayList<>();

    Routing(BasicAuth auth) {
        this.auth = auth;
    }

    Routing get(String template, Permission permission, Authorize authorize, RouteHandler handler) {
        return add("GET", template, permission, authorize, handler);
    }

    Routing post(String template, Permission permission, Authorize authorize, RouteHandler handler) {
        return add("POST", template, permission, authorize, handler);
    }

    Routing put(String template, Permission permission, Authorize authorize, RouteHandler handler) {
        return add("PUT", template, permission, authorize, handler);
    }

    Routing delete(String template, Permission permission, Authorize authorize, RouteHandler handler) {
        return add("DELETE", template, permission, authorize, handler);
    }

    private Routing add(String method, String template, Permission permission, Authorize authorize,
                        RouteHandler handler) {
        endpoints.add(new Endpoint(method, template, permission, authorize, handler));
        return this;
    }

    /** Every endpoint for the dispatcher; whichever one Undertow matches, {@link #handle} decides. */
    RouteTable table() {
        RouteTable table = new RouteTable();
        endpoints.forEach(endpoint -> table.add(endpoint.method(), endpoint.template(), this::handle));
        return table;
    }

    /** Resolves the request the way the real server's route tree does. */
    Response handle(Call call) throws Exception {
        String method = effectiveMethod(call);
        String path = call.requestPath();
        for (String prefix : prefixes()) {
            if (!path.startsWith(prefix)) {
                continue;
            }
            List<Endpoint> alternatives = endpoints.stream().filter(e -> e.prefix().equals(prefix)).toList();
            boolean sealed = alternatives.get(0).authorize() != Authorize.NONE;
            Response response = resolve(call, method, path.substring(prefix.length()), alternatives, sealed);
            if (response != null) {
                return response;
            }
        }
        // the web UI and metrics routes: GET only, and nothing emulated under them
        return method.equals("GET") ? AkkaDefaults.notFound() : AkkaDefaults.methodNotAllowed(List.of("GET"));
    }

    /**
     * Runs the first alternative that accepts the request. Without one: a sealed prefix answers akka's rejection
     * (405, 403 or 404); an open one returns null so the request falls through to the next routes.
     */
    private Response resolve(Call call, String method, String rest, List<Endpoint> alternatives, boolean sealed)
            throws Exception {
        BasicAuth.Principal caller = sealed ? auth.authenticate(call) : null;
        Set<String> otherMethods = new LinkedHashSet<>();
        boolean methodMatched = false;
        boolean forbidden = false;
        for (Endpoint endpoint : alternatives) {
            if (!endpoint.method().equals(method)) {
                otherMethods.add(endpoint.method());
                continue;
            }
            methodMatched = true;
            boolean permitted = caller == null || endpoint.authorize() == Authorize.IN_HANDLER
                    || caller.hasPermission(endpoint.permission());
            if (endpoint.authorize() == Authorize.BEFORE_PATH && !permitted) {
                forbidden = true;
            } else if (endpoint.matchesRest(rest)) {
                if (permitted) {
                    return endpoint.handler().handle(call);
                }
                forbidden = true;
            }
        }
        if (!sealed) {
            return null;
        }
        if (!methodMatched) {
            return AkkaDefaults.methodNotAllowed(otherMethods);
        }
        return forbidden ? AkkaDefaults.forbidden() : AkkaDefaults.notFound();
    }

    /** The prefixes in route order (binaries, contexts, jobs, data, healthz). */
    private List<String> prefixes() {
        return endpoints.stream().map(Endpoint::prefix).distinct().toList();
    }

    /**
     * akka's {@code overrideMethodWithParameter("_method")}, and transparent HEAD. A request method akka does not
     * know never reaches a route: its parser answers 501.
     */
    private static String effectiveMethod(Call call) {
        String method = call.method();
        if (!HTTP_METHODS.contains(method)) {
            throw new ApiError(AkkaDefaults.unsupportedMethod());
        }
        String override = call.query("_method").orElse(null);
        if (override != null) {
            method = override.toUpperCase(Locale.ROOT);
            if (!HTTP_METHODS.contains(method)) {
                throw new ApiError(AkkaDefaults.notImplemented());
            }
        }
        return method.equals("HEAD") ? "GET" : method;
    }
}
