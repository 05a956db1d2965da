package io.jobemu.jobserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

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
 * @param callbackHosts     hosts besides loopback addresses that jobs' {@code callbackUrl}s may name: a request
 *                          alone never makes the emulator reach another machine
 */
public record JobserverSettings(boolean authentication, List<User> users, int maxJobsPerContext, boolean healthy,
                                Duration contextStopDelay, Map<String, String> environment,
                                List<String> callbackHosts) {

    /** One login, as a Shiro ini file would declare it. */
    public record User(String name, String password, List<String> permissions) {
        public User {
            if (name == null || password == null) {
                throw new IllegalArgumentException("a user needs a name and a password");
            }
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }

        /** Never prints the password (settings end up in logs and assertion messages). */
        @Override
        public String toString() {
            return "User[name=" + name + ", password=<redacted>, permissions=" + permissions + "]";
        }
    }

    public static final JobserverSettings DEFAULTS = new JobserverSettings(false, List.of(), 8, true, Duration.ZERO,
            Map.of(), List.of());

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public JobserverSettings {
        users = users == null ? List.of() : List.copyOf(users);
        if (environment != null && environment.values().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("environment variables need a string value");
        }
        // in the order given, so that the settings read back as they were written
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        callbackHosts = callbackHosts == null ? List.of() : List.copyOf(callbackHosts);
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
        return new JobserverSettings(true, allowed, maxJobsPerContext, healthy, contextStopDelay, environment,
                callbackHosts);
    }

    /**
     * Whether a callback may go to {@code host}: {@code localhost}, a loopback IP literal or a listed host. Names are
     * compared, never resolved, so deciding needs no DNS.
     */
    public boolean allowsCallbacksTo(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost") || callbackHosts.stream().anyMatch(bare::equalsIgnoreCase)) {
            return true;
        }
        if (!IPV4_LITERAL.matcher(bare).matches() && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
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
