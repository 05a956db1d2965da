package io.jobemu.jobserver.behaviours;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.jobemu.jobserver.ScalaCollections;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The classic example jobs of the real server's {@code job-server-tests} and {@code job-server-extras} jars, so a
 * script written for a real server finds them without any set-up.
 */
final class BuiltInJobs {

    private static final String STREAMING_CONTEXT_FACTORY = "spark.jobserver.context.StreamingContextFactory";
    /** What a Monte Carlo estimate of pi typically reads after a few seconds of darts. */
    private static final double PI_ESTIMATE = 3.14158976;
    private static final int LONG_PI_DEFAULT_SECONDS = 5;

    private BuiltInJobs() {
    }

    /** Built-in programs by main class; word counting takes {@code wordCountDuration}. */
    static Map<String, JobProgram> all(Duration wordCountDuration) {
        return Map.of(
                "spark.jobserver.WordCountExample", program(config -> wordCount(config, wordCountDuration)),
                "spark.jobserver.LongPiJob", program(BuiltInJobs::longPi),
                "spark.jobserver.NoOpJob", program(config -> new JobPlan.Finish(Duration.ZERO,
                        JsonNodeFactory.instance.numberNode(1))),
                "spark.jobserver.MyErrorJob", program(config -> new JobPlan.Fail(Duration.ZERO,
                        "java.lang.IllegalArgumentException", "Foobar")),
                "spark.jobserver.SleepJob", program(BuiltInJobs::sleep),
                "spark.jobserver.StreamingTestJob", new Program(STREAMING_CONTEXT_FACTORY,
                        config -> new JobPlan.RunUntilKilled()));
    }

    /** Splits {@code input.string} on single spaces and counts each word; invalid without the key. */
    private static JobPlan wordCount(Config config, Duration duration) {
        String input;
        try {
            input = config.getString("input.string");
        } catch (ConfigException e) {
            return new JobPlan.Invalid("One(SparkJobInvalid(No input.string config param))");
        }
        Map<String, LongNode> counts = new LinkedHashMap<>();
        for (String word : input.split(" ")) {
            counts.merge(word, LongNode.valueOf(1), (a, b) -> LongNode.valueOf(a.longValue() + 1));
        }
        return new JobPlan.Finish(duration, ScalaCollections.object(counts));
    }

    /** Throws darts for {@code stress.test.longpijob.duration} seconds (default 5). */
    private static JobPlan longPi(Config config) {
        int seconds;
        try {
            seconds = config.getInt("stress.test.longpijob.duration");
        } catch (ConfigException e) {
            seconds = LONG_PI_DEFAULT_SECONDS;
        }
        return new JobPlan.Finish(Duration.ofSeconds(Math.max(0, seconds)),
                JsonNodeFactory.instance.numberNode(PI_ESTIMATE));
    }

    /** Sleeps {@code sleep.time.millis} and returns it; without the key, {@code getLong} throws. */
    private static JobPlan sleep(Config config) {
        try {
            long millis = config.getLong("sleep.time.millis");
            return new JobPlan.Finish(Duration.ofMillis(Math.max(0, millis)), LongNode.valueOf(millis));
        } catch (ConfigException e) {
            return new JobPlan.Fail(Duration.ZERO, e.getClass().getName(), e.getMessage());
        }
    }

    private static JobProgram program(Function<Config, JobPlan> plan) {
        return new Program(JobProgram.DEFAULT_CONTEXT_FACTORY, plan);
    }

    private record Program(String contextFactory, Function<Config, JobPlan> planner) implements JobProgram {
        @Override
        public JobPlan plan(Config jobConfig) {
            return planner.apply(jobConfig);
        }
    }
}
