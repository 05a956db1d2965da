package io.jobemu.jobserver.jobs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.jobemu.core.http.Call;
import io.jobemu.jobserver.ErrorData;
import io.jobemu.jobserver.JobServer;
import io.jobemu.jobserver.JobserverParams;
import io.jobemu.jobserver.JobserverReplies;
import io.jobemu.jobserver.JobserverSettings;
import io.jobemu.jobserver.ServerConfig;
import io.jobemu.jobserver.runtime.ClassPaths;
import io.jobemu.jobserver.runtime.Supervisor;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code POST /jobs} request, read in the real server's order with its errors: query parameters, the HOCON
 * body merged over the server config, the callback URL, which binaries and main class to run, then the class path
 * lookup.
 *
 * @param providedMainClass the {@code mainClass} parameter or config key, "" without one (the "classPath ... not
 *                          found" message quotes it, even on the legacy appName/classPath path)
 */
record JobSubmission(Supervisor.JobRequest request, boolean sync, int timeoutSeconds, String providedMainClass) {

    /** The ask timeout of a submission when {@code timeout} is not given. */
    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    static JobSubmission read(Call call, JobServer server) throws IOException {
        boolean sync = JobserverParams.optionalBoolean(call, "sync").orElse(false);
        Optional<Integer> timeout = JobserverParams.optionalInt(call, "timeout");
        String body = call.bodyText();
        Config posted;
        Config jobConfig;
        Config contextConfig;
        String providedMainClass;
        URI callback;
        String mainClass;
        List<String> classPath;
        try {
            posted = ServerConfig.parse(body);
            Map<String, String> environment = server.settings().environment();
            jobConfig = ServerConfig.jobConfig(posted, environment);
            contextConfig = ServerConfig.contextSettings(jobConfig, call.query("spark.proxy.user")
                    .map(user -> Map.of("spark.proxy.user", user)).orElse(Map.of()), environment);
            providedMainClass = call.query("mainClass").orElseGet(() -> configString(jobConfig, "mainClass"));
            List<String> providedCp = call.query("cp").map(cp -> Arrays.asList(cp.split(",")))
                    .orElseGet(() -> ServerConfig.sequence(jobConfig, "cp"));
            callback = callback(call, server.settings());
            Optional<String> appName = call.query("appName");
            if (appName.isPresent()) {
                mainClass = call.query("classPath").orElseThrow(() -> insufficient("classPath parameter is missing!"));
                classPath = new ArrayList<>(ServerConfig.sequence(jobConfig, "dependent-jar-uris"));
                classPath.add(appName.get());
            } else if (!providedCp.isEmpty()) {
                if (providedMainClass.isEmpty()) {
                    throw insufficient("mainClass parameter is missing!");
                }
                mainClass = providedMainClass;
                classPath = providedCp;
            } else {
                throw insufficient("To start the job appName or cp parameters should be configured!");
            }
        } catch (ConfigException e) {
            throw insufficient(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw JobserverReplies.internal(ErrorData.ofWebApi(e));
        }
        int timeoutSeconds = timeout.orElse(DEFAULT_TIMEOUT_SECONDS);
        if (timeoutSeconds <= 0) {
            throw JobserverReplies.internal(ErrorData.ofWebApi(new IllegalArgumentException("Timeout length must be "
                    + "positive, question not sent to [" + server.actors().binaryManager() + "]. Message of type "
                    + "[spark.jobserver.BinaryManager$GetBinaryInfoListForCp].")));
        }
        List<ClassPaths.Entry> binaries = resolve(server, classPath);
        String context = call.query("context").orElse(null);
        return new JobSubmission(new Supervisor.JobRequest(context, contextConfig, mainClass, binaries, posted,
                jobConfig, !sync, callback), sync, timeoutSeconds, providedMainClass);
    }

    /** The {@code context} parameter as the slots message quotes it. */
    String contextLabel() {
        return request.contextName() != null ? request.contextName() : "ad-hoc";
    }

    /** Each entry must be an uploaded binary or a URI. */
    private static List<ClassPaths.Entry> resolve(JobServer server, List<String> classPath) {
        try {
            return server.classPaths().resolve(classPath);
        } catch (ClassPaths.UnknownBinaryException e) {
            throw JobserverReplies.error(404, "appName " + e.name() + " not found");
        } catch (URISyntaxException e) {
            throw JobserverReplies.internal(ErrorData.ofWebApi(e));
        }
    }

    /**
     * URL-decoded (again), then only http and https are accepted; other failures are 500s, not 400s. Unlike the real
     * server, the emulator refuses (400) a host that is neither loopback nor in its {@code callbackHosts} setting.
     */
    private static URI callback(Call call, JobserverSettings settings) {
        Optional<String> raw = call.query("callbackUrl");
        if (raw.isEmpty()) {
            return null;
        }
        String decoded = URLDecoder.decode(raw.get(), StandardCharsets.UTF_8);
        URI uri;
        try {
            uri = new URI(decoded);
        } catch (URISyntaxException e) {
            throw JobserverReplies.internal(ErrorData.of("akka.http.scaladsl.model.IllegalUriException",
                    "Illegal URI reference: " + e.getMessage(), ErrorData.WEB_API_FRAMES));
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Callback Url has to be 'http'/'https'");
        }
        if (!settings.allowsCallbacksTo(uri.getHost())) {
            throw JobserverReplies.error(400, "the emulator posts callbacks only to loopback addresses and the hosts"
                    + " of its callbackHosts setting, and " + uri.getHost() + " is neither; allow it with PUT"
                    + " /_emulator/jobserver/settings {\"callbackHosts\": [\"" + uri.getHost() + "\"]}");
        }
        return uri;
    }

    private static String configString(Config config, String path) {
        try {
            return config.getString(path);
        } catch (ConfigException e) {
            return "";
        }
    }

    private static RuntimeException insufficient(String message) {
        return JobserverReplies.error(400, "Cannot parse config: " + message);
    }
}
