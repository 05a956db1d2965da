package io.jobemu.jobserver;

import io.jobemu.core.http.ApiError;
import io.jobemu.core.http.Response;
import java.util.Collection;

/**
 * akka-http 10.1's default rejection and exception answers, all {@code text/plain; charset=UTF-8}: what the real
 * server sends for unknown paths, wrong methods, bad query parameters, authentication failures and unexpected
 * exceptions.
 */
public final class AkkaDefaults {

    private AkkaDefaults() {
    }

    public static Response notFound() {
        return Response.text(404, "The requested resource could not be found.");
    }

    /** 405 listing every method the alternatives of the route would accept, in route order, with an Allow header. */
    public static Response methodNotAllowed(Collection<String> supported) {
        String methods = String.join(", ", supported);
        return Response.text(405, "HTTP method not allowed, supported methods: " + methods)
                .withHeader("Allow", methods);
    }

    public static Response internalServerError() {
        return Response.text(500, "There was an internal server error.");
    }

    /** The answer of {@code overrideMethodWithParameter} to a {@code _method} that names no HTTP method. */
    public static Response notImplemented() {
        return Response.text(501, "The server either does not recognize the request method, or it lacks the ability "
                + "to fulfill the request.");
    }

    /**
     * The HTTP parser's answer to a request method it does not know (they are case-sensitive, so {@code get} too):
     * only the error summary, as {@code verbose-error-messages} is off.
     */
    public static Response unsupportedMethod() {
        return Response.text(501, "Unsupported HTTP method");
    }

    public static Response forbidden() {
        return Response.text(403, "The supplied authentication is not authorized to access this resource");
    }

    /** 401 with the Basic challenge; {@code supplied} says whether credentials came and were refused. */
    public static Response unauthorized(boolean supplied, String realm) {
        String message = supplied ? "The supplied authentication is invalid"
                : "The resource requires authentication, which was not supplied with the request";
        return Response.text(401, message)
                .withHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\",charset=UTF-8");
    }

    public static ApiError missingQueryParameter(String name) {
        return new ApiError(Response.text(404, "Request is missing required query parameter '" + name + "'"));
    }

    public static ApiError malformedQueryParameter(String name, String problem) {
        return new ApiError(Response.text(400, "The query parameter '" + name + "' was malformed:\n" + problem));
    }

    /** 413 for a body beyond {@code akka.http.server.parsing.max-content-length}. */
    public static Response payloadTooLarge(String actualSize, long limit) {
        return Response.text(413, "The request content was malformed:\nEntityStreamSizeException: actual entity size ("
                + actualSize + ") exceeded content length limit (" + limit + " bytes)! You can configure this by "
                + "setting `akka.http.[server|client].parsing.max-content-length` or calling "
                + "`HttpEntity.withSizeLimit` before materializing the dataBytes stream.");
    }
}
