package io.jobemu.hardening;

import io.jobemu.core.http.Route;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Which declared operation a concrete request path is, literal segments winning over parameters. */
final class RouteMatcher {

    private record Compiled(Route route, Pattern pattern, long parameters) {
    }

    private final List<Compiled> routes;

    RouteMatcher(List<Route> routes) {
        this.routes = routes.stream()
                .map(r -> new Compiled(r, Pattern.compile(r.path().replaceAll("\\{[^}]+}", "[^/]+")),
                        r.path().chars().filter(c -> c == '{').count()))
                .sorted(Comparator.comparingLong(Compiled::parameters))
                .toList();
    }

    /** "METHOD /template", or null when no route has this method and path. */
    String operationOf(String method, String path) {
        return routes.stream()
                .filter(c -> c.route().method().equals(method) && c.pattern().matcher(path).matches())
                .map(c -> c.route().operationKey())
                .findFirst().orElse(null);
    }
}
