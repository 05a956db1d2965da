package io.jobemu.jobserver.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.jobemu.core.http.Json;
import io.jobemu.jobserver.ErrorData;
import io.jobemu.jobserver.ScalaCollections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Python examples ({@code example_jobs} of {@code job-server-python}) as a Python session context runs them:
 * {@code PythonJob} starts {@code sparkjobserver.subprocess}, which hands the job a pyspark {@code SparkSession}.
 * Every failure there, validation problems included, ends the Python process with an exit code, so the job has
 * already started and fails with {@code java.lang.Exception("Python job failed with error code N and standard err
 * [...]")}, the stderr lines joined without separators. Results cross py4j: a dict becomes a {@code HashMap}, a
 * list or tuple an {@code ArrayList}.
 */
final class PythonExamples {

    private static final String PYTHON_FACTORY_PACKAGE = "spark.jobserver.python.";
    /** Starting a Python process and its py4j gateway takes a few times as long as a small Spark action. */
    private static final int PROCESS_START_FACTOR = 4;
    // paths in tracebacks are those of a typical installation, not of any given host
    private static final String SUBPROCESS = "/app/spark-jobserver-python.egg/sparkjobserver/subprocess.py";
    private static final String PYTHON_LIB = "/usr/lib/python3.7";
    private static final String BINARY_DIR = "/tmp/spark-jobserver/filedao/data/";
    private static final List<String> RUN_FRAMES = frames();
    private static final String SESSION = "'SparkSession' object has no attribute ";
    private static final int CALL_VALIDATE_LINE = 117;
    private static final int CALL_RUN_LINE = 128;

    private PythonExamples() {
    }

    static boolean runsPython(JobEnvironment environment) {
        return environment.contextFactory().startsWith(PYTHON_FACTORY_PACKAGE);
    }

    /** A JVM class name handed to Python: importing its package fails before any job code runs. */
    static JobPlan importFails(String mainClass) {
        String topPackage = mainClass.substring(0, Math.max(0, mainClass.indexOf('.')));
        return exited(Duration.ZERO, 1, List.of(
                "Traceback (most recent call last):",
                "  File \"" + PYTHON_LIB + "/runpy.py\", line 193, in _run_module_as_main",
                "    \"__main__\", mod_spec)",
                "  File \"" + PYTHON_LIB + "/runpy.py\", line 85, in _run_code",
                "    exec(code, run_globals)",
                "  File \"" + SUBPROCESS + "\", line 72, in <module>",
                "    job_class = import_class(entry_point.jobClass())",
                "  File \"" + SUBPROCESS + "\", line 50, in import_class",
                "    module = import_module(module_name)",
                "  File \"" + PYTHON_LIB + "/importlib/__init__.py\", line 127, in import_module",
                "    return _bootstrap._gcd_import(name[level:], package, level)",
                "ModuleNotFoundError: No module named " + pyRepr(topPackage)));
    }

    static void register(BuiltInJobs.Table table, Duration sparkAction) {
        Duration duration = sparkAction.multipliedBy(PROCESS_START_FACTOR);
        Examples examples = new Examples(table, duration);
        examples.add("word_count.WordCountSparkJob", (config, run) -> needsInputStrings(config, run, () ->
                run.raised(Phase.RUN, 13, "return context.parallelize(data).countByValue()",
                        noSuchAttribute("parallelize"))));
        examples.add("word_count.FailingSparkJob", (config, run) -> needsInputStrings(config, run, () ->
                run.raised(Phase.RUN, 29, "raise ValueError('Deliberate failure')",
                        new PyError("ValueError", "Deliberate failure"))));
        examples.add("word_count.WordCountSparkSessionJob", (config, run) -> needsInputStrings(config, run, () ->
                countValues(run, config.getValue("input.strings"))));
        examples.add("failing_job.FailingRunJob", (config, run) -> run.raised(Phase.RUN, 10,
                "raise Exception(\"Deliberate failure\")", new PyError("Exception", "Deliberate failure")));
        examples.add("failing_job.FailingValidateJob", (config, run) -> run.raised(Phase.VALIDATE, 16,
                "raise Exception(\"Deliberate failure\")", new PyError("Exception", "Deliberate failure")));
        examples.add("session_window.SessionWindowJob", (config, run) -> truthy(config, "input.data")
                ? rankByAge(run, config.getValue("input.data")) : run.validationProblems());
        // these expect an SQLContext or a HiveContext, which a session context never hands them
        examples.add("sql_average.SQLAverageJob", (config, run) -> run.validationProblems());
        examples.add("hive_window.HiveWindowJob", (config, run) -> run.validationProblems());
        examples.add("sql_two_jobs.Job1", (config, run) -> run.validationProblems());
        examples.add("sql_two_jobs.Job2", (config, run) -> run.raised(Phase.VALIDATE, 42,
                "if 'people_table' in context.tableNames():", noSuchAttribute("tableNames")));
        // its custom context is only built for a context type the subprocess does not know
        examples.add("custom_context_job.CustomContextJob", (config, run) -> needsInputStrings(config, run, () ->
                run.raised(Phase.RUN, 25, "count = context.parallelize(data).count()",
                        noSuchAttribute("parallelize"))));
        examples.add("hive_support_job.HiveSupportJob", (config, run) -> hiveTable(run));
    }

    /** What an example does with its config in one run. */
    @FunctionalInterface
    private interface Example {
        JobPlan plan(Config config, PythonRun run);
    }

    /** Adds the examples of {@code example_jobs}, each run taking {@code duration}. */
    private record Examples(BuiltInJobs.Table table, Duration duration) {
        void add(String name, Example example) {
            String mainClass = "example_jobs." + name;
            table.python(mainClass, (config, env) -> example.plan(config, new PythonRun(mainClass, env, duration)));
        }
    }

    // ---- the jobs

    /** The word count jobs' {@code validate}: {@code input.strings} must be set and not empty. */
    private static JobPlan needsInputStrings(Config config, PythonRun run, Supplier<JobPlan> then) {
        return truthy(config, "input.strings") ? then.get() : run.validationProblems();
    }

    /**
     * {@code parallelize(data).countByValue()}: a list counts its items (strings, numbers, booleans), a string its
     * characters.
     */
    private static JobPlan countValues(PythonRun run, ConfigValue data) {
        String line = "return context.sparkContext.parallelize(data).countByValue()";
        List<Object> values = new ArrayList<>();
        if (data.valueType() == ConfigValueType.STRING) {
            ((String) data.unwrapped()).codePoints().forEach(c -> values.add(Character.toString(c)));
        } else if (data.valueType() == ConfigValueType.LIST) {
            for (ConfigValue item : (ConfigList) data) {
                if (item.valueType() == ConfigValueType.LIST || item.valueType() == ConfigValueType.OBJECT) {
                    return run.raised(Phase.RUN, 41, line,
                            new PyError("TypeError", "unhashable type: " + pyRepr(pythonType(item))));
                }
                values.add(item.unwrapped());
            }
        } else if (data.valueType() == ConfigValueType.OBJECT) {
            values.addAll(((ConfigObject) data).keySet());
        } else {
            return run.raised(Phase.RUN, 41, line,
                    new PyError("TypeError", pyRepr(pythonType(data)) + " object is not iterable"));
        }
        // py4j puts the dict's entries into a HashMap, which the server turns into a Scala map of the same keys
        Map<Object, LongNode> javaMap = new HashMap<>();
        BuiltInJobs.countValues(values).forEach(javaMap::put);
        ObjectNode counts = Json.object();
        for (Object key : ScalaCollections.orderByHash(List.copyOf(javaMap.keySet()), PythonExamples::scalaHash)) {
            counts.set(String.valueOf(key), javaMap.get(key));
        }
        return run.finish(counts);
    }

    /** Scala's {@code ##} of a boxed key: a number hashes as the narrowest primitive that holds it. */
    private static int scalaHash(Object key) {
        if (key instanceof Double d) {
            double value = d;
            if (value == (int) value) {
                return (int) value;
            }
            if (value == (long) value) {
                return Long.hashCode((long) value);
            }
            return value == (float) value ? Float.hashCode((float) value) : d.hashCode();
        }
        if (key instanceof Long l) {
            long value = l;
            return value == (int) value ? (int) value : l.hashCode();
        }
        return key.hashCode();
    }

    /**
     * {@code SELECT name, age, RANK() OVER (PARTITION BY age ORDER BY name) FROM people ORDER BY age} over the
     * {@code [name, age, salary]} rows of {@code input.data}.
     */
    private static JobPlan rankByAge(PythonRun run, ConfigValue input) {
        if (!(input instanceof ConfigList data)) {
            return run.raised(Phase.RUN, 23, "df = context.createDataFrame(rdd, ['name', 'age', 'salary'])",
                    new PyError("TypeError", "StructType can not accept object of type " + pyRepr(pythonType(input))));
        }
        List<List<ConfigValue>> rows = new ArrayList<>();
        for (ConfigValue row : data) {
            int size = row instanceof ConfigList list ? list.size() : 1;
            if (size != 3) {
                return run.raised(Phase.RUN, 31, "results = query.collect()", new PyError(
                        "py4j.protocol.Py4JJavaError", "An error occurred while calling o64.collectToPython.: "
                        + "java.lang.IllegalStateException: Input row doesn't have expected number of values "
                        + "required by the schema. 3 fields are required while " + size + " values are provided."));
            }
            rows.add(List.copyOf((ConfigList) row));
        }
        Comparator<List<ConfigValue>> byAge = (a, b) -> compare(a.get(1), b.get(1));
        Comparator<List<ConfigValue>> byName = (a, b) -> compare(a.get(0), b.get(0));
        rows.sort(byAge.thenComparing(byName));
        ArrayNode result = Json.MAPPER.createArrayNode();
        for (List<ConfigValue> row : rows) {
            long rank = 1 + rows.stream().filter(other -> byAge.compare(other, row) == 0
                    && byName.compare(other, row) < 0).count();
            result.addArray().add(json(row.get(0))).add(json(row.get(1))).add(rank);
        }
        return run.finish(result);
    }

    /** {@code CREATE TABLE ... USING hive} returns nothing, so the job's result is null; without Hive it fails. */
    private static JobPlan hiveTable(PythonRun run) {
        if (BuiltInJobs.hiveEnabled(run.environment())) {
            return run.finish(NullNode.getInstance());
        }
        return run.raised(Phase.RUN, 11, "context.sql(query)", new PyError("pyspark.sql.utils.AnalysisException",
                BuiltInJobs.hiveRequired("check_support", "Ignore")));
    }

    // ---- how the Python process ends

    private enum Phase {
        VALIDATE("validate", 3, CALL_VALIDATE_LINE, "job_data = job.validate(context, None, job_config)"),
        RUN("run_job", 4, CALL_RUN_LINE, "result = job.run_job(context, job_env, job_data)");

        final String method;
        final int exitCode;
        final int callLine;
        final String call;

        Phase(String method, int exitCode, int callLine, String call) {
            this.method = method;
            this.exitCode = exitCode;
            this.callLine = callLine;
            this.call = call;
        }
    }

    /** A Python exception: its type and message. */
    private record PyError(String type, String message) {
        String repr() {
            return type.substring(type.lastIndexOf('.') + 1) + "(" + pyRepr(message) + ")";
        }
    }

    private static PyError noSuchAttribute(String attribute) {
        return new PyError("AttributeError", SESSION + pyRepr(attribute));
    }

    /** One run of the example {@code mainClass}: how its Python process ends. */
    private record PythonRun(String mainClass, JobEnvironment environment, Duration duration) {

        JobPlan finish(JsonNode result) {
            return new JobPlan.Finish(duration, result);
        }

        /** {@code validate} returned problems: the subprocess says so and exits with 1. */
        JobPlan validationProblems() {
            return exited(duration, 1, List.of("Validation problems in job, exiting"));
        }

        /** The job's {@code phase} raised {@code error} at {@code line} of its module: the subprocess prints why. */
        JobPlan raised(Phase phase, int line, String source, PyError error) {
            String module = mainClass.substring(0, mainClass.lastIndexOf('.')).replace('.', '/') + "/__init__.py";
            String egg = BINARY_DIR + environment.classPath().get(0) + ".egg";
            return exited(duration, phase.exitCode, List.of(
                    "Error while calling '" + phase.method + "': " + error.repr(),
                    "Traceback (most recent call last):",
                    "  File \"" + SUBPROCESS + "\", line " + phase.callLine + ", in <module>",
                    "    " + phase.call,
                    "  File \"" + egg + "/" + module + "\", line " + line + ", in " + phase.method,
                    "    " + source,
                    error.type() + ": " + error.message()));
        }
    }

    /** PythonJob's exception for a non-zero exit: the stderr lines as its ProcessLogger appends them. */
    private static JobPlan exited(Duration after, int exitCode, List<String> stderr) {
        String joined = String.join("", stderr).replace("\n", "");
        return new JobPlan.Fail(after, "java.lang.Exception", "Python job failed with error code " + exitCode
                + " and standard err [" + joined + "]", RUN_FRAMES);
    }

    private static List<String> frames() {
        List<String> frames = new ArrayList<>(List.of(
                "spark.jobserver.python.PythonJob.$anonfun$runJob$1(PythonJob.scala:89)",
                "scala.util.Try$.apply(Try.scala:213)",
                "spark.jobserver.python.PythonJob.runJob(PythonJob.scala:62)"));
        frames.addAll(ErrorData.JOB_FRAMES);
        return List.copyOf(frames);
    }

    // ---- Python's view of config values (pyhocon)

    /** {@code config.get(path, None)} in a boolean context: missing, null, empty and zero are false. */
    private static boolean truthy(Config config, String path) {
        if (!config.hasPath(path)) {
            return false;
        }
        ConfigValue value = config.getValue(path);
        return switch (value.valueType()) {
            case LIST -> !((ConfigList) value).isEmpty();
            case OBJECT -> !((ConfigObject) value).isEmpty();
            case STRING -> !((String) value.unwrapped()).isEmpty();
            case NUMBER -> ((Number) value.unwrapped()).doubleValue() != 0;
            case BOOLEAN -> (Boolean) value.unwrapped();
            case NULL -> false;
        };
    }

    private static String pythonType(ConfigValue value) {
        return switch (value.valueType()) {
            case LIST -> "list";
            case OBJECT -> "dict";
            case STRING -> "str";
            case NUMBER -> value.unwrapped() instanceof Double ? "float" : "int";
            case BOOLEAN -> "bool";
            case NULL -> "NoneType";
        };
    }

    /** Numbers compare as numbers, anything else by its text. */
    private static int compare(ConfigValue a, ConfigValue b) {
        if (a.unwrapped() instanceof Number x && b.unwrapped() instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a.unwrapped()).compareTo(String.valueOf(b.unwrapped()));
    }

    private static JsonNode json(ConfigValue value) {
        return Json.MAPPER.valueToTree(value.unwrapped());
    }

    /** Python's {@code repr} of a string: single quotes unless it holds one and no double quote. */
    static String pyRepr(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder repr = new StringBuilder().append(quote);
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == quote) {
                repr.append('\\').append(c);
            } else if (c == '\n') {
                repr.append("\\n");
            } else {
                repr.append(c);
            }
        }
        return repr.append(quote).toString();
    }
}
