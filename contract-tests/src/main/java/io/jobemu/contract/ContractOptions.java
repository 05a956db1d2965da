package io.jobemu.contract;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a contract run needs to know. Writes (uploads, runs, cancels) default to on only for a loopback
 * base URL; {@link Builder#allowWrites(boolean)} overrides that either way.
 */
public final class ContractOptions {

    private final Api api;
    private final URI baseUrl;
    private final Path specFile;
    private final String token;
    private final String clientId;
    private final String clientSecret;
    private final String basicAuth;
    private final Boolean writes;
    private final boolean allowShutdown;
    private final boolean allowNotExercised;
    private final Path reportDir;
    private final Path jobJar;
    private final Duration pollTimeout;
    private final Duration requestTimeout;
    private final Map<String, String> excluded;

    private ContractOptions(Builder builder) {
        this.api = Objects.requireNonNull(builder.api, "api");
        this.baseUrl = Objects.requireNonNull(builder.baseUrl, "baseUrl");
        this.specFile = builder.specFile;
        this.token = builder.token;
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.basicAuth = builder.basicAuth;
        this.writes = builder.writes;
        this.allowShutdown = builder.allowShutdown;
        this.allowNotExercised = builder.allowNotExercised;
        this.reportDir = builder.reportDir;
        this.jobJar = builder.jobJar;
        this.pollTimeout = builder.pollTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.excluded = Map.copyOf(builder.excluded);
    }

    public static Builder builder(Api api, String baseUrl) {
        return new Builder(api, URI.create(baseUrl));
    }

    /**
     * Options from system properties, for builds that pass them on the command line: {@code contract.api},
     * {@code contract.baseUrl} (both required), {@code contract.token}, {@code contract.clientId} with
     * {@code contract.clientSecret}, {@code contract.basicAuth}, {@code contract.allowWrites} (true/false),
     * {@code contract.allowNotExercised} (true/false), {@code contract.reportDir}.
     */
    public static ContractOptions fromSystemProperties() {
        String api = System.getProperty("contract.api");
        String baseUrl = System.getProperty("contract.baseUrl");
        if (api == null || baseUrl == null) {
            throw new IllegalArgumentException("set -Dcontract.api=flink|jobserver|streamkap and -Dcontract.baseUrl=URL");
        }
        Builder builder = builder(Api.fromCliName(api), baseUrl);
        property("contract.token").ifPresent(builder::token);
        property("contract.basicAuth").ifPresent(builder::basicAuth);
        property("contract.clientId").ifPresent(id -> builder.clientCredentials(id,
                property("contract.clientSecret").orElseThrow(() -> new IllegalArgumentException(
                        "contract.clientId needs contract.clientSecret"))));
        property("contract.allowWrites").ifPresent(value -> builder.allowWrites(Boolean.parseBoolean(value)));
        property("contract.allowNotExercised").ifPresent(value -> builder.allowNotExercised(
                Boolean.parseBoolean(value)));
        property("contract.reportDir").ifPresent(dir -> builder.reportDir(Path.of(dir)));
        return builder.build();
    }

    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).filter(value -> !value.isBlank());
    }

    public Api api() {
        return api;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Optional<Path> specFile() {
        return Optional.ofNullable(specFile);
    }

    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    public Optional<String> clientSecret() {
        return Optional.ofNullable(clientSecret);
    }

    /** {@code user:password} for HTTP Basic authentication. */
    public Optional<String> basicAuth() {
        return Optional.ofNullable(basicAuth);
    }

    /** Whether the flows may create, run, cancel and delete things (only what they created). */
    public boolean writes() {
        return writes != null ? writes : isLoopback(baseUrl);
    }

    /** Whether a flow may call an operation that shuts the server down (never by default). */
    public boolean allowShutdown() {
        return allowShutdown;
    }

    /**
     * Whether a run may go ahead although it cannot exercise what it was asked to check: without it, a run that
     * needs credentials and was given none stops at once and fails (a CI job that lost its secret must not pass).
     */
    public boolean allowNotExercised() {
        return allowNotExercised;
    }

    public Optional<Path> reportDir() {
        return Optional.ofNullable(reportDir);
    }

    /** A jar for the flows to upload instead of the one they build (spark-jobserver's job-server-tests jar). */
    public Optional<Path> jobJar() {
        return Optional.ofNullable(jobJar);
    }

    public Duration pollTimeout() {
        return pollTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Operation id to the reason it must not be called. */
    public Map<String, String> excluded() {
        return excluded;
    }

    static boolean isLoopback(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return literal.matches("[0-9.:a-fA-F]+") && InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Collects options; only api and base URL are required. */
    public static final class Builder {
        private final Api api;
        private final URI baseUrl;
        private Path specFile;
        private String token;
        private String clientId;
        private String clientSecret;
        private String basicAuth;
        private Boolean writes;
        private boolean allowShutdown;
        private boolean allowNotExercised;
        private Path reportDir;
        private Path jobJar;
        private Duration pollTimeout = Duration.ofSeconds(60);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private final Map<String, String> excluded = new LinkedHashMap<>();

        private Builder(Api api, URI baseUrl) {
            this.api = api;
            this.baseUrl = baseUrl;
            if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("base URL must be absolute, like http://host:port, got "
                        + baseUrl);
            }
        }

        public Builder specFile(Path file) {
            this.specFile = file;
            return this;
        }

        public Builder token(String value) {
            this.token = value;
            return this;
        }

        public Builder clientCredentials(String id, String secret) {
            this.clientId = id;
            this.clientSecret = secret;
            return this;
        }

        public Builder basicAuth(String userColonPassword) {
            this.basicAuth = userColonPassword;
            return this;
        }

        public Builder allowWrites(boolean allowed) {
            this.writes = allowed;
            return this;
        }

        public Builder allowShutdown(boolean allowed) {
            this.allowShutdown = allowed;
            return this;
        }

        public Builder allowNotExercised(boolean allowed) {
            this.allowNotExercised = allowed;
            return this;
        }

        public Builder reportDir(Path directory) {
            this.reportDir = directory;
            return this;
        }

        public Builder jobJar(Path file) {
            this.jobJar = file;
            return this;
        }

        public Builder pollTimeout(Duration timeout) {
            this.pollTimeout = timeout;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder exclude(String operationId, String reason) {
            excluded.put(operationId, reason);
            return this;
        }

        public ContractOptions build() {
            return new ContractOptions(this);
        }
    }
}
