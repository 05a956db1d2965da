package io.jobemu.jobserver;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
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

    private ServerConfig() {
    }

    /** A body as HOCON (JSON is HOCON too); throws {@link ConfigException} with the library's message. */
    public static Config parse(String body) {
        return ConfigFactory.parseString(body);
    }

    /** A posted job config merged with the server's, as the job sees it. */
    public static Config jobConfig(Config posted) {
        return posted.withFallback(DEFAULTS).resolve();
    }

    /**
     * {@code getContextConfig}: the {@code spark.context-settings} block of {@code config}, falling back on
     * {@code parameters} (dotted keys become paths).
     */
    public static Config contextSettings(Config config, Map<String, String> parameters) {
        Config settings;
        try {
            settings = config.getConfig("spark.context-settings");
        } catch (ConfigException e) {
            settings = ConfigFactory.empty();
        }
        return settings.withFallback(ConfigFactory.parseMap(parameters)).resolve();
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

    /** The real {@code GET /jobs/{id}/config} rendering: Typesafe's formatted JSON without comments. */
    public static String render(Config config) {
        return config.root().render(JSON_WITHOUT_COMMENTS);
    }
}
