package io.jobemu.streamkap.fastapi;

import io.jobemu.core.http.Call;
import io.jobemu.core.http.Response;
import io.jobemu.core.http.Route;
import io.jobemu.core.http.RouteTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Starlette's routing over a route table, for what the shared dispatcher decides differently: Starlette tries the
 * routes in declaration order and takes the first whose path and method match, so {@code GET /flink_jobs/jar} is
 * the job named "jar" even though {@code POST /flink_jobs/jar} exists; a parameter never matches an empty segment
 * or a trailing slash; a path that matches nothing is redirected (307) to its twin with or without the trailing
 * slash when that twin matches; a path that matches with another method answers 405 with the {@code Allow} of the
 * first such route.
 */
public final class StarletteRouter {

    /** A path the shared dispatcher's templates never match, so that it hands the request to our not-found. */
    private static final String UNROUTABLE = "/\u0000unroutable";

    private record Compiled(Route route, Pattern pattern) {
    }

    private final List<Compiled> routes;

    public StarletteRouter(RouteTable table) {
        this.routes = table.routes().stream().map(r -> new Compiled(r, compile(r.path()))).toList();
    }

    /**
     * The path the shared dispatcher should route: Starlette decodes {@code %2F} before matching, and a path
     * Starlette would not match at all must not reach a handler through the dispatcher's laxer templates.
     */
    public String routingPath(String requestPath) {
        String path = decodeSlashes(requestPath);
        return matchesAny(path) ? path : UNROUTABLE;
    }

    /** The request path as Starlette matches it, split into segments ({@code ""} first, for the leading slash). */
    public static String[] segments(Call call) {
        return decodeSlashes(call.requestPath()).split("/", -1);
    }

    /** No route matches the path: a redirect to its trailing-slash twin if that one matches, else 404. */
    public Response notFound(Call call) {
        String path = decodeSlashes(call.requestPath());
        if (!path.equals("/")) {
            String twin = path.endsWith("/") ? path.replaceAll("/+$", "") : path + "/";
            if (matchesAny(twin)) {
                String query = call.requestUri().contains("?")
                        ? call.requestUri().substring(call.requestUri().indexOf('?')) : "";
                return new Response(307, null, null, Map.of("location", call.baseUrl() + twin + query));
            }
        }
        return FastApi.detail(404, "Not Found");
    }

    /**
     * The path matched a template without this method in the dispatcher: run the first route Starlette would
     * take, or answer 405 naming the method of the first route whose path matches.
     */
    public Response methodNotAllowed(Call call) throws Exception {
        String path = decodeSlashes(call.requestPath());
        Optional<Compiled> full = routes.stream()
                .filter(r -> r.route().method().equals(call.method()) && r.pattern().matcher(path).matches())
                .findFirst();
        if (full.isPresent()) {
            return full.get().route().handler().handle(call);
        }
        String allow = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst()
                .map(r -> r.route().method()).orElseThrow();
        return FastApi.detail(405, "Method Not Allowed").withHeader("allow", allow);
    }

    private boolean matchesAny(String path) {
        return routes.stream().anyMatch(r -> r.pattern().matcher(path).matches());
    }

    /** Starlette's default {@code str} convertor: one or more characters other than a slash. */
    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static String decodeSlashes(String path) {
        return path.replace("%2F", "/").replace("%2f", "/");
    }
}
