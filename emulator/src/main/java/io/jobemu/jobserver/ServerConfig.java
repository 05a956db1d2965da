package io.jobemu.jobserver;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.File;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The server configuration posted job configs fall back on (the part of the real {@code application.conf} a job or
 * context can see), and the real server's helpers for reading configs.
 */
public final class ServerConfig {

    /** The shipped defaults, {@code local[4]} in cluster mode (one driver per context). */
    public static final Config DEFAULTS = ConfigFactory.parseString("""
            spark {
              master = "local[4]"
              submit.deployMode = "client"
              jobserver {
                port = 8090
                bind-address = "0.0.0.0"
                context-per-jvm = true
                short-timeout = 3 s
                context-creation-timeout = 60 s
                max-jobs-per-context = 8
                datadao.rootdir = /tmp/spark-jobserver/upload
              }
              contexts {}
              context-settings {
                num-cpu-cores = 4
                memory-per-node = 512m
                context-factory = spark.jobserver.context.DefaultSparkContextFactory
                spark.session.hive.enabled = true
                streaming {
                  batch_interval = 1000
                  stopGracefully = true
                  stopSparkContext = true
                }
                forked-jvm-init-timeout = 30s
                context-init-timeout = 60s
                passthrough {
                  spark.driver.allowMultipleContexts = true
                }
                python {
                  paths = []
                  executable = "python3"
                }
                launcher {
                  spark.driver.memory = 1g
                }
              }
            }
            """);

    public static final Config CONTEXT_DEFAULTS = DEFAULTS.getConfig("spark.context-settings");

    private static final ConfigRenderOptions JSON_WITHOUT_COMMENTS =
            ConfigRenderOptions.defaults().setComments(false).setOriginComments(false);

    /**
     * Posted configs may not include anything: an include would read a host file, a classpath resource or a URL.
     * Typesafe Config otherwise falls back on its own includer for any kind this one does not take, so it takes all.
     */
    private static final ConfigParseOptions NO_INCLUDES = ConfigParseOptions.defaults()
            .setIncluder(new RefusingIncluder());
    /** Substitutions never look in the host's environment or system properties. */
    private static final ConfigResolveOptions NO_HOST = ConfigResolveOptions.noSystem();

    private ServerConfig() {
    }

    /**
     * A body as HOCON (JSON is HOCON too); throws {@link ConfigException} with the library's message, and
     * {@link IncludeRefused} for an {@code include}.
     */
    public static Config parse(String body) {
        return ConfigFactory.parseString(body, NO_INCLUDES);
    }

    /**
     * A posted job config merged with the server's, as the job sees it; substitutions the config itself cannot
     * satisfy come from the emulated {@code environment}, as the real server's come from its process environment.
     */
    public static Config jobConfig(Config posted, Map<String, String> environment) {
        return resolved(posted.withFallback(DEFAULTS), environment);
    }

    /**
     * {@code getContextConfig}: the {@code spark.context-settings} block of {@code config}, falling back on
     * {@code parameters} (dotted keys become paths), resolved as {@link #jobConfig} resolves.
     */
    public static Config contextSettings(Config config, Map<String, String> parameters,
                                         Map<String, String> environment) {
        Config settings;
        try {
            settings = config.getConfig("spark.context-settings");
        } catch (ConfigException e) {
            settings = ConfigFactory.empty();
        }
        return resolved(settings.withFallback(ConfigFactory.parseMap(parameters)), environment);
    }

    /**
     * The environment is only where substitutions look (each variable one key, as Typesafe Config reads the real
     * one), never part of the config a job sees or {@code GET /jobs/{id}/config} shows.
     */
    private static Config resolved(Config config, Map<String, String> environment) {
        if (environment.isEmpty()) {
            return config.resolve(NO_HOST);
        }
        Config variables = ConfigValueFactory.fromMap(environment, "emulated environment").toConfig();
        return config.resolveWith(config.withFallback(variables), NO_HOST);
    }

    /** {@code Utils.getSeqFromConfig}: a string list, or a comma-separated string, or nothing. */
    public static List<String> sequence(Config config, String key) {
        try {
            return config.getStringList(key);
        } catch (ConfigException listFailed) {
            try {
                return Arrays.asList(config.getString(key).split(","));
            } catch (ConfigException stringFailed) {
                return List.of();
            }
        }
    }

    /** An {@code include} in a posted config: refused, with a message that says so. */
    public static final class IncludeRefused extends ConfigException {
        IncludeRefused(String what) {
            super("include statements are not allowed in configs posted to the emulator (" + what + " was not read):"
                    + " it never reads the host's files, classpath or URLs");
        }
    }

    private static final class RefusingIncluder implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL,
            ConfigIncluderClasspath {

        @Override
        public ConfigIncluder withFallback(ConfigIncluder fallback) {
            return this;
        }

        @Override
        public ConfigObject include(ConfigIncludeContext context, String what) {
            throw new IncludeRefused("\"" + what + "\"");
        }

        @Override
        public ConfigObject includeFile(ConfigIncludeContext context, File what) {
            throw new IncludeRefused("file(\"" + what + "\")");
        }

        @Override
        public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
            throw new IncludeRefused("url(\"" + what + "\")");
        }

        @Override
        public ConfigObject includeResources(ConfigIncludeContext context, String what) {
            throw new IncludeRefused("classpath(\"" + what + "\")");
        }
    }

    /** The real {@code GET /jobs/{id}/config} rendering: Typesafe's formatted JSON without comments. */
    public static String render(Config config) {
        return config.root().render(JSON_WITHOUT_COMMENTS);
    }
}
