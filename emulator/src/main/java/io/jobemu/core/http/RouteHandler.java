package io.jobemu.core.http;

/** One endpoint's logic: reads the call, asks a service, returns the view. Holds no state of its own. */
@FunctionalInterface
public interface RouteHandler {
    Response handle(Call call) throws Exception;
}
