package io.jobemu.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The single place where an API's endpoints are declared. */
public final class RouteTable {

    private final List<Route> routes = new ArrayList<>();
    /** "METHOD /path" of every route, in declaration order; a set, so a duplicate costs no scan of the routes. */
    private final Set<String> operationKeys = new LinkedHashSet<>();

    public RouteTable get(String path, RouteHandler handler) {
        return add("GET", path, handler);
    }

    public RouteTable post(String path, RouteHandler handler) {
        return add("POST", path, handler);
    }

    public RouteTable put(String path, RouteHandler handler) {
        return add("PUT", path, handler);
    }

    public RouteTable patch(String path, RouteHandler handler) {
        return add("PATCH", path, handler);
    }

    public RouteTable delete(String path, RouteHandler handler) {
        return add("DELETE", path, handler);
    }

    public RouteTable add(String method, String path, RouteHandler handler) {
        Route route = new Route(method, path, handler);
        if (!operationKeys.add(route.operationKey())) {
            throw new IllegalArgumentException("route declared twice: " + route.operationKey());
        }
        routes.add(route);
        return this;
    }

    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    /** "METHOD /path" for every route, in declaration order. */
    public Set<String> operationKeys() {
        return Collections.unmodifiableSet(operationKeys);
    }
}
