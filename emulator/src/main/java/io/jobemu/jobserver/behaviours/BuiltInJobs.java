package io.jobemu.jobserver.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.jobemu.core.http.Json;
import io.jobemu.jobserver.ErrorData;
import io.jobemu.jobserver.ScalaCollections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job classes of the real server's {@code job-server-tests} and {@code job-server-extras} jars and its Python
 * examples, so a script or client test suite written for a real server finds them without any set-up. Each gives
 * the result its source computes from its config, fails as it does, and loads only into the contexts it fits.
 */
final class BuiltInJobs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What a Monte Carlo estimate of pi typically reads after a few seconds of darts. */
    private static final double PI_ESTIMATE = 3.14158976;
    private static final int LONG_PI_DEFAULT_SECONDS = 5;
    /** CacheSomethingJob's numbers, doubled and summed. */
    private static final List<Integer> CACHED_NUMBERS = List.of(2, 4, 9, 16, 25, 36, 55, 66);
    private static final String CACHE_SOMETHING = "spark.jobserver.CacheSomethingJob";
    private static final String CACHE_RDD_BY_NAME = "spark.jobserver.CacheRddByNameJob";
    /** The sums AccessCacheJob finds in the first RDD an earlier job of the context persisted, by that job. */
    private static final Map<String, Integer> PERSISTED_SUMS = Map.of(
            CACHE_SOMETHING, CACHED_NUMBERS.stream().mapToInt(n -> n * 2).sum(),
            CACHE_RDD_BY_NAME, 1 + 2 + 3 + 4 + 5);
    /** Where the Hive loader jobs read their rows: relative to the real server's source tree, absent elsewhere. */
    private static final String HIVE_TEST_ADDRESSES = "src/main/resources/hive_test_job_addresses.txt";
    private static final String ANALYSIS_EXCEPTION = "org.apache.spark.sql.AnalysisException";

    private BuiltInJobs() {
    }

    /** What a built-in does with its config and environment. */
    @FunctionalInterface
    interface Planner {
        JobPlan plan(Config config, JobEnvironment environment);
    }

    /**
     * Built-in programs by main class. {@code sparkAction} is how long a small Spark action takes (word counting,
     * doubling three numbers); a job that runs no Spark action takes no time.
     */
    static Map<String, JobProgram> all(Duration sparkAction) {
        Table table = new Table();
        table.scalaObject("spark.jobserver.WordCountExample", JobApi.SPARK,
                (config, env) -> wordCount(config, sparkAction, "One(SparkJobInvalid(No input.string config param))"));
        table.scalaObject("spark.jobserver.WordCountExampleNewApi", JobApi.SPARK,
                (config, env) -> wordCount(config, sparkAction, "One(SingleProblem(No input.string param))"));
        table.scalaObject("spark.jobserver.LongPiJob", JobApi.SPARK, (config, env) -> longPi(config));
        table.scalaObject("spark.jobserver.NoOpJob", JobApi.SPARK, returns(Duration.ZERO, NODES.numberNode(1)));
        table.scalaObject("spark.jobserver.VeryShortDoubleJob", JobApi.SPARK,
                returns(sparkAction, numbers(2, 4, 6)));
        table.scalaObject("spark.jobserver.SimpleObjectJob", JobApi.SPARK, returns(sparkAction, NODES.numberNode(6)));
        table.jvmClass("spark.jobserver.MyErrorJob", JobApi.SPARK,
                throwsInRun("java.lang.IllegalArgumentException", "Foobar"));
        table.jvmClass("spark.jobserver.MyFatalErrorJob", JobApi.SPARK,
                throwsInRun("java.lang.OutOfMemoryError", "this is a fatal error"));
        table.jvmClass("spark.jobserver.ConfigCheckerJob", JobApi.SPARK, (config, env) ->
                new JobPlan.Finish(Duration.ZERO, strings(new ArrayList<>(config.root().keySet()))));
        table.jvmClass("spark.jobserver.SleepJob", JobApi.SPARK, (config, env) -> sleep(config));
        table.jvmClass(CACHE_SOMETHING, JobApi.SPARK,
                returns(sparkAction, NODES.numberNode(PERSISTED_SUMS.get(CACHE_SOMETHING))));
        table.jvmClass("spark.jobserver.AccessCacheJob", JobApi.SPARK, (config, env) -> accessCache(env, sparkAction));
        table.jvmClass(CACHE_RDD_BY_NAME, JobApi.SPARK,
                returns(sparkAction, NODES.numberNode(1 + 4 + 9 + 16 + 25)));
        table.jvmClass("spark.jobserver.ZookeeperJob", JobApi.SPARK,
                returns(sparkAction, Json.MAPPER.createArrayNode().add(Json.MAPPER.createArrayNode().add("horse"))));
        table.jvmClass("spark.jobserver.jobJarDependenciesJob", JobApi.SPARK,
                (config, env) -> jarDependencies(env, sparkAction));
        table.scalaObject("spark.jobserver.RemoteDataFileJob", JobApi.SPARK, BuiltInJobs::remoteDataFile);
        // its input is on S3, for which a stock Spark's Hadoop has no file system
        table.scalaObject("spark.jobserver.KMeansExample", JobApi.SPARK, (config, env) -> new JobPlan.Fail(
                sparkAction, "java.io.IOException", "No FileSystem for scheme: s3n"));
        table.jvmClass("spark.jobserver.JavaHelloWorldJob", JobApi.JAVA_SPARK,
                returns(Duration.ZERO, NODES.textNode("Hi!")));
        table.jvmClass("spark.jobserver.FailingJavaJob", JobApi.JAVA_SPARK, (config, env) -> new JobPlan.ValidateThrows(
                "java.lang.RuntimeException", "fail", javaVerifyFrames("FailingJavaJob", 16)));
        table.scalaObject("spark.jobserver.StreamingTestJob", JobApi.STREAMING, runsUntilKilled());
        table.scalaObject("spark.jobserver.StreamingTaskFailedTestJob", JobApi.STREAMING,
                (config, env) -> failingStreamingBatch(env));
        table.jvmClass("spark.jobserver.JStreamingTestJob", JobApi.JAVA_STREAMING, runsUntilKilled());
        table.scalaObject("spark.jobserver.SessionLoaderTestJob", JobApi.SESSION,
                (config, env) -> loadHiveTestAddresses(env, sparkAction));
        table.jvmClass("spark.jobserver.JSessionTestLoaderJob", JobApi.JAVA_SESSION,
                (config, env) -> loadHiveTestAddresses(env, sparkAction));
        PythonExamples.register(table, sparkAction);
        return Map.copyOf(table.programs);
    }

    /** The table being filled: one entry per class, its trait and what it does. */
    static final class Table {
        private final Map<String, JobProgram> programs = new HashMap<>();

        /** A Scala {@code object}: the loader finds {@code name$}, and a failed cast names that class. */
        void scalaObject(String mainClass, JobApi api, Planner planner) {
            add(mainClass, mainClass + "$", api, planner);
        }

        /** A Scala or Java class, loaded under its own name. */
        void jvmClass(String mainClass, JobApi api, Planner planner) {
            add(mainClass, mainClass, api, planner);
        }

        void python(String mainClass, Planner planner) {
            add(mainClass, mainClass, JobApi.PYTHON, planner);
        }

        private void add(String mainClass, String runtimeClass, JobApi api, Planner planner) {
            if (programs.put(mainClass, new BuiltIn(mainClass, runtimeClass, api, planner)) != null) {
                throw new IllegalStateException("built in twice: " + mainClass);
            }
        }
    }

    /**
     * A built-in class; in a Python context a JVM class is a module the Python process cannot import. A setting
     * of the wrong type (a context's or the job's) makes the job throw the config library's exception.
     */
    private record BuiltIn(String mainClass, String runtimeClass, JobApi api, Planner planner) implements JobProgram {
        @Override
        public Loading load(String contextFactory) {
            return api.loadInto(contextFactory, runtimeClass);
        }

        @Override
        public JobPlan plan(Config jobConfig, JobEnvironment environment) {
            if (PythonExamples.runsPython(environment) && !api.python()) {
                return PythonExamples.importFails(mainClass);
            }
            try {
                return planner.plan(jobConfig, environment);
            } catch (ConfigException e) {
                return new JobPlan.Fail(Duration.ZERO, e.getClass().getName(), e.getMessage());
            }
        }
    }

    // ---- the jobs

    /** Splits {@code input.string} on single spaces and counts each word; invalid without the key. */
    private static JobPlan wordCount(Config config, Duration duration, String invalidReason) {
        String input;
        try {
            input = config.getString("input.string");
        } catch (ConfigException e) {
            return new JobPlan.Invalid(invalidReason);
        }
        return new JobPlan.Finish(duration, ScalaCollections.object(countValues(List.of(input.split(" ")))));
    }

    /** Counts of each value, in first-seen order (what {@code countByValue} counts). */
    static <T> Map<T, LongNode> countValues(List<T> values) {
        Map<T, LongNode> counts = new LinkedHashMap<>();
        for (T value : values) {
            counts.merge(value, LongNode.valueOf(1), (a, b) -> LongNode.valueOf(a.longValue() + 1));
        }
        return counts;
    }

    /** Throws darts for {@code stress.test.longpijob.duration} seconds (default 5). */
    private static JobPlan longPi(Config config) {
        int seconds;
        try {
            seconds = config.getInt("stress.test.longpijob.duration");
        } catch (ConfigException e) {
            seconds = LONG_PI_DEFAULT_SECONDS;
        }
        return new JobPlan.Finish(Duration.ofSeconds(Math.max(0, seconds)), NODES.numberNode(PI_ESTIMATE));
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

    /** Sums the first RDD the context persisted; {@code values.head} of none throws. */
    private static JobPlan accessCache(JobEnvironment environment, Duration sparkAction) {
        Optional<Integer> sum = environment.earlierJobs().stream().filter(PERSISTED_SUMS::containsKey)
                .findFirst().map(PERSISTED_SUMS::get);
        return sum.<JobPlan>map(value -> new JobPlan.Finish(sparkAction, NODES.numberNode(value)))
                .orElseGet(() -> new JobPlan.Fail(Duration.ZERO, "java.util.NoSuchElementException",
                        "next on empty iterator"));
    }

    /**
     * Returns the local path of the data file {@code testFile}: on the server's host that is the file the server
     * stored; any other name the data manager refuses. Without the key, {@code validate()} throws.
     */
    private static JobPlan remoteDataFile(Config config, JobEnvironment environment) {
        String file;
        try {
            file = config.getString("testFile");
        } catch (ConfigException e) {
            List<String> frames = new ArrayList<>();
            frames.add("com.typesafe.config.impl.SimpleConfig.getString(SimpleConfig.java:250)");
            frames.add("spark.jobserver.RemoteDataFileJob$.validate(RemoteDataFileJob.scala:21)");
            frames.addAll(ErrorData.JOB_FRAMES);
            return new JobPlan.ValidateThrows(e.getClass().getName(), e.getMessage(), frames);
        }
        if (environment.dataFiles().test(file)) {
            return new JobPlan.Finish(Duration.ZERO, NODES.textNode(file));
        }
        return new JobPlan.Fail(Duration.ZERO, "java.io.IOException",
                "Failed to read file " + file + ": java.io.IOException: Unknown file: " + file);
    }

    /**
     * Loads {@code EmptyClass}, which only a second jar holds: one more entry on the job's class path, or a
     * {@code cp} or {@code dependent-jar-uris} of its context.
     */
    private static JobPlan jarDependencies(JobEnvironment environment, Duration sparkAction) {
        Config context = environment.contextConfig();
        boolean dependency = environment.classPath().size() > 1 || context.hasPath("cp")
                || context.hasPath("dependent-jar-uris");
        if (!dependency) {
            return new JobPlan.Fail(Duration.ZERO, "java.lang.ClassNotFoundException", "EmptyClass");
        }
        return new JobPlan.Finish(sparkAction, ScalaCollections.object(Map.of("EmptyClass", LongNode.valueOf(3))));
    }

    /**
     * The first batch's task divides by zero; the streaming context reports the batch's failure to
     * {@code awaitTermination}, which throws it out of {@code runJob} one batch interval after the start.
     */
    private static JobPlan failingStreamingBatch(JobEnvironment environment) {
        Duration batch = Duration.ofMillis(environment.contextConfig().getLong("streaming.batch_interval"));
        return new JobPlan.Fail(batch, "org.apache.spark.SparkException", "Job aborted due to stage failure: Task 0 "
                + "in stage 0.0 failed 1 times, most recent failure: Lost task 0.0 in stage 0.0 (TID 0, localhost, "
                + "executor driver): java.lang.ArithmeticException: / by zero");
    }

    /**
     * Creates a Hive table, which needs Hive support, then loads a path that only exists in the real server's source
     * tree.
     */
    private static JobPlan loadHiveTestAddresses(JobEnvironment environment, Duration sparkAction) {
        if (!hiveEnabled(environment)) {
            return new JobPlan.Fail(Duration.ZERO, ANALYSIS_EXCEPTION, hiveRequired("test_addresses", "ErrorIfExists"));
        }
        return new JobPlan.Fail(sparkAction, ANALYSIS_EXCEPTION,
                "LOAD DATA input path does not exist: " + HIVE_TEST_ADDRESSES + ";");
    }

    /** {@code spark.session.hive.enabled} of the job's context (a session context enables Hive by default). */
    static boolean hiveEnabled(JobEnvironment environment) {
        return environment.contextConfig().getBoolean("spark.session.hive.enabled");
    }

    /** Spark's refusal to {@code CREATE TABLE} a Hive table without Hive support; {@code mode} is its save mode. */
    static String hiveRequired(String table, String mode) {
        return "Hive support is required to CREATE Hive TABLE (AS SELECT);;\n'CreateTable `" + table
                + "`, org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe, " + mode + "\n";
    }

    // ---- helpers

    private static Planner returns(Duration after, JsonNode result) {
        return (config, env) -> new JobPlan.Finish(after, result);
    }

    private static Planner throwsInRun(String errorClass, String message) {
        return (config, env) -> new JobPlan.Fail(Duration.ZERO, errorClass, message);
    }

    private static Planner runsUntilKilled() {
        return (config, env) -> new JobPlan.RunUntilKilled();
    }

    /** A Java job's {@code verify} throwing at {@code line}, under the JavaJob adapter's {@code validate}. */
    private static List<String> javaVerifyFrames(String simpleName, int line) {
        List<String> frames = new ArrayList<>();
        frames.add("spark.jobserver." + simpleName + ".verify(" + simpleName + ".java:" + line + ")");
        frames.add("spark.jobserver.japi.JavaJob.validate(JavaJob.scala:24)");
        frames.addAll(ErrorData.JOB_FRAMES);
        return frames;
    }

    private static ArrayNode numbers(int... values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int value : values) {
            array.add(value);
        }
        return array;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
