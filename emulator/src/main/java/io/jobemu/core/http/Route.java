package io.jobemu.core.http;

/** One endpoint: HTTP method, path template (OpenAPI syntax, {@code /jobs/{jobid}}) and its handler. */
public record Route(String method, String path, RouteHandler handler) {

    /** The "METHOD /path" key used to compare a route table with its OpenAPI document. */
    public String operationKey() {
        return method + " " + path;
    }
}
