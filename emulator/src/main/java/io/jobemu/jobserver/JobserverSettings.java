package io.jobemu.jobserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Server settings a test can change at run time through {@code PUT /_emulator/jobserver/settings} (the real server
 * reads them from its config file at start-up). Defaults match the real server's shipped configuration.
 *
 * @param authentication    Basic authentication with {@link #users} (the real {@code ShiroAccessControl});
 *                          off means every request is the anonymous user with every permission
 * @param users             who may log in, and with which permissions (none listed: all, as in the real server)
 * @param maxJobsPerContext {@code spark.jobserver.max-jobs-per-context}: running jobs one context accepts
 * @param healthy           what the health check reports on {@code GET /healthz}
 * @param contextStopDelay  how long stopping a context takes on the emulator clock; a DELETE that would wait
 *                          longer than the 15 s deletion timeout answers 202 at once
 * @param environment       the environment variables job and context configs see in substitutions such as
 *                          {@code ${HOME}}: the emulated server's, never the host's (empty by default)
 */
public record JobserverSettings(boolean authentication, List<User> users, int maxJobsPerContext, boolean healthy,
                                Duration contextStopDelay, Map<String, String> environment) {

    /** One login, as a Shiro ini file would declare it. */
    public record User(String name, String password, List<String> permissions) {
        public User {
            if (name == null || password == null) {
                throw new IllegalArgumentException("a user needs a name and a password");
            }
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }
    }

    public static final JobserverSettings DEFAULTS = new JobserverSettings(false, List.of(), 8, true, Duration.ZERO,
            Map.of());

    public JobserverSettings {
        users = users == null ? List.of() : List.copyOf(users);
        if (environment != null && environment.values().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("environment variables need a string value");
        }
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        if (maxJobsPerContext < 0) {
            throw new IllegalArgumentException("maxJobsPerContext must not be negative, got " + maxJobsPerContext);
        }
        if (contextStopDelay == null) {
            contextStopDelay = Duration.ZERO;
        }
        if (contextStopDelay.isNegative()) {
            throw new IllegalArgumentException("contextStopDelay must not be negative, got " + contextStopDelay);
        }
    }

    /** These settings with Basic authentication on, for exactly these users. */
    public JobserverSettings withAuthentication(List<User> allowed) {
        return new JobserverSettings(true, allowed, maxJobsPerContext, healthy, contextStopDelay, environment);
    }

    /** These settings with the fields present in {@code changes} replaced. */
    public JobserverSettings with(JsonNode changes) throws JsonProcessingException {
        if (!changes.isObject()) {
            throw new IllegalArgumentException("settings must be a JSON object");
        }
        ObjectNode merged = Json.MAPPER.valueToTree(this);
        merged.setAll((ObjectNode) changes);
        return Json.MAPPER.treeToValue(merged, JobserverSettings.class);
    }
}
