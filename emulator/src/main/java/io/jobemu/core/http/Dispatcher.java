package io.jobemu.core.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import io.undertow.util.PathTemplateMatcher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;

/** Matches a request against one route table (via Undertow's path templates) and runs the handler. */
public final class Dispatcher {

    private final PathTemplateMatcher<Map<String, Route>> matcher = new PathTemplateMatcher<>();
    private final UnaryOperator<String> routingPath;
    private final ErrorPolicy errors;

    public Dispatcher(RouteTable table, UnaryOperator<String> routingPath, ErrorPolicy errors) {
        this.routingPath = routingPath;
        this.errors = errors;
        Map<String, Map<String, Route>> byTemplate = new LinkedHashMap<>();
        for (Route route : table.routes()) {
            byTemplate.computeIfAbsent(route.path(), p -> new LinkedHashMap<>()).put(route.method(), route);
        }
        byTemplate.forEach(matcher::add);
    }

    /**
     * Serves a request whose body {@link BodyReader} has read.
     *
     * @param requestPath the decoded path as the API should see it
     * @param uriPrefix   a namespace prefix already removed from the path, to leave out of quoted uris too
     */
    public Response dispatch(HttpServerExchange exchange, String requestPath, String uriPrefix) {
        Call call = new Call(exchange, requestPath, uriPrefix);
        try {
            PathTemplateMatcher.PathMatchResult<Map<String, Route>> match =
                    matcher.match(routingPath.apply(requestPath));
            if (match == null) {
                return errors.notFound(call);
            }
            Route route = match.getValue().get(exchange.getRequestMethod().toString());
            if (route == null) {
                return errors.methodNotAllowed(call, match.getValue().keySet());
            }
            exchange.putAttachment(PathTemplateMatch.ATTACHMENT_KEY,
                    new PathTemplateMatch(match.getMatchedTemplate(), match.getParameters()));
            Response response = route.handler().handle(call);
            return response.pending().map(later -> Response.later(later.handle((answer, failure) -> failure == null
                    ? answer : failed(call, failure instanceof CompletionException ? failure.getCause() : failure))))
                    .orElse(response);
        } catch (ApiError e) {
            return e.response();
        } catch (Exception | LinkageError | StackOverflowError e) {
            // a recursive parser (Typesafe Config's) overflows on absurdly nested input: that request fails, not
            // the server
            return errors.failure(call, e);
        }
    }

    private Response failed(Call call, Throwable failure) {
        return failure instanceof ApiError error ? error.response() : errors.failure(call, failure);
    }

    /** The API's answer to a body it cannot take ({@link BodyReader.Outcome#refused}), without routing it. */
    public Response refuse(HttpServerExchange exchange, String requestPath, String uriPrefix,
                           RuntimeException refusal) {
        return errors.failure(new Call(exchange, requestPath, uriPrefix), refusal);
    }
}
