package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The job classes of the real server's test jars and Python examples, run with no behaviour declared. */
class BuiltInJobsTest extends JobserverTest {

    private static final String PREFIX = "spark.jobserver.";
    private static final String CONTEXT_FACTORY = "spark.jobserver.context.";
    private static final String PYTHON_FACTORY = "spark.jobserver.python.PythonSessionContextFactory";
    private static final String WORD_COUNT_PY = "example_jobs.word_count.WordCountSparkSessionJob";
    /** A small Spark action on the realistic timing of the tests. */
    private static final Duration SPARK_ACTION = Duration.ofMillis(500);
    /** A Python job starts a Python process first. */
    private static final Duration PYTHON_RUN = Duration.ofSeconds(2);
    private static final String INVALID_JOB_TYPE =
            "{\"status\":\"ERROR\",\"result\":\"Invalid job type for this context\"}";

    // ---- the JVM test jar

    @Test
    void veryShortDoubleJobDoublesOneTwoThreeAsyncAndSync() throws Exception {
        String id = startJob(PREFIX + "VeryShortDoubleJob", "", "");
        assertThat(job(id).path("status").asText()).isEqualTo("RUNNING");
        advance(SPARK_ACTION);

        JsonNode finished = job(id);
        assertThat(finished.path("status").asText()).isEqualTo("FINISHED");
        assertThat(finished.path("duration").asText()).isEqualTo("0.5 secs");
        assertThat(finished.path("result").toString()).isEqualTo("[2,4,6]");

        HttpResult sync = sync("cp=demo&mainClass=" + PREFIX + "VeryShortDoubleJob", "", SPARK_ACTION);
        assertThat(sync.status()).isEqualTo(200);
        assertThat(sync.body()).isEqualTo("{\"jobId\":\"" + sync.json().path("jobId").asText()
                + "\",\"result\":[2,4,6]}");
    }

    @Test
    void javaHelloWorldJobSaysHiInAJavaContextAndFailsTheCastElsewhere() throws Exception {
        createContext("java", "?context-factory=" + CONTEXT_FACTORY + "JavaSparkContextFactory");
        String id = startJob(PREFIX + "JavaHelloWorldJob", "&context=java", "");
        advance(Duration.ZERO);
        assertThat(job(id).path("result").toString()).isEqualTo("\"Hi!\"");
        HttpResult sync = sync("cp=demo&context=java&mainClass=" + PREFIX + "JavaHelloWorldJob", "", Duration.ZERO);
        assertThat(sync.body()).isEqualTo("{\"jobId\":\"" + sync.json().path("jobId").asText()
                + "\",\"result\":\"Hi!\"}");

        assertLoadingFailed(postJob("cp=demo&mainClass=" + PREFIX + "JavaHelloWorldJob", ""),
                "java.lang.ClassCastException",
                "spark.jobserver.JavaHelloWorldJob cannot be cast to spark.jobserver.api.SparkJobBase");
        assertLoadingFailed(postJob("cp=demo&context=java&mainClass=" + WORD_COUNT, "input.string = a"),
                "java.lang.ClassCastException",
                "spark.jobserver.WordCountExample$ cannot be cast to spark.jobserver.japi.BaseJavaJob");
        assertLoadingFailed(postJob("cp=demo&context=java&mainClass=" + ERROR_JOB, ""),
                "java.lang.ClassCastException",
                "spark.jobserver.MyErrorJob cannot be cast to spark.jobserver.japi.BaseJavaJob");
    }

    @Test
    void failingJavaJobsVerifyThrowsSoEvenAnAsyncSubmissionAnswersWithTheError() {
        createContext("java", "?context-factory=" + CONTEXT_FACTORY + "JavaSparkContextFactory");
        uploadBinary("demo");

        for (String sync : List.of("false", "true")) {
            HttpResult posted = postJob("cp=demo&context=java&sync=" + sync + "&mainClass=" + PREFIX
                    + "FailingJavaJob", "");

            assertThat(posted.status()).isEqualTo(200);
            JsonNode body = posted.json();
            assertThat(keys(body)).containsExactly("jobId", "status", "result");
            assertThat(body.path("status").asText()).isEqualTo("ERROR");
            assertThat(body.path("result").path("message").asText()).isEqualTo("fail");
            assertThat(body.path("result").path("errorClass").asText()).isEqualTo("java.lang.RuntimeException");
            assertThat(body.path("result").path("stack").asText()).startsWith("java.lang.RuntimeException: fail\n"
                    + "\tat spark.jobserver.FailingJavaJob.verify(FailingJavaJob.java:16)\n"
                    + "\tat spark.jobserver.japi.JavaJob.validate(JavaJob.scala:24)\n");
            String id = body.path("jobId").asText();
            JsonNode failed = job(id);
            assertThat(failed.path("status").asText()).isEqualTo("ERROR");
            assertThat(failed.path("result").path("message").asText()).isEqualTo("fail");
            assertThat(jobserver.get("/jobs/" + id + "/config").body()).as("a job that never started keeps no config")
                    .isEqualTo("{\"status\":\"ERROR\",\"result\":\"No such job ID " + id + "\"}");
        }
        assertThat(jobserver.get("/contexts/java").json().path("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void configCheckerJobReturnsTheTopLevelKeysOfTheConfigItSees() throws Exception {
        HttpResult sync = sync("cp=demo&mainClass=" + PREFIX + "ConfigCheckerJob", "foo.bar.baz = 3", Duration.ZERO);

        assertThat(sync.status()).isEqualTo(200);
        List<String> names = io.jobemu.core.http.Json.MAPPER.readerForListOf(String.class)
                .readValue(sync.json().path("result"));
        assertThat(names).containsExactlyInAnyOrder("foo", "spark");
    }

    @Test
    void theNewApiWordCountRejectsAMissingInputWithItsOwnProblem() {
        uploadBinary("demo");
        HttpResult invalid = postJob("cp=demo&mainClass=" + PREFIX + "WordCountExampleNewApi", "");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("status").asText()).isEqualTo("VALIDATION FAILED");
        assertThat(invalid.json().path("result").path("message").asText())
                .isEqualTo("One(SingleProblem(No input.string param))");

        String id = startJob(PREFIX + "WordCountExampleNewApi", "", "input.string = a b a");
        advance(SPARK_ACTION);
        assertThat(job(id).path("result").toString()).isEqualTo("{\"a\":2,\"b\":1}");
    }

    @Test
    void theFatalErrorJobEndsInErrorWithItsOutOfMemoryError() {
        String id = startJob(PREFIX + "MyFatalErrorJob", "", "");
        advance(Duration.ZERO);

        JsonNode failed = job(id);
        assertThat(failed.path("status").asText()).isEqualTo("ERROR");
        assertThat(failed.path("result").path("errorClass").asText()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(failed.path("result").path("message").asText()).isEqualTo("this is a fatal error");
        assertThat(failed.path("result").path("stack").asText()).startsWith("java.lang.OutOfMemoryError: this is a "
                + "fatal error\n\tat spark.jobserver.MyFatalErrorJob.runJob(MyFatalErrorJob.scala)\n");
    }

    @Test
    void accessCacheJobFindsWhatAnEarlierJobOfItsContextCachedAndNothingInAFreshOne() {
        createContext("cache", "");
        String cached = startJob(PREFIX + "CacheSomethingJob", "&context=cache", "");
        advance(SPARK_ACTION);
        String accessed = startJob(PREFIX + "AccessCacheJob", "&context=cache", "");
        String adHoc = startJob(PREFIX + "AccessCacheJob", "", "");
        advance(SPARK_ACTION);

        assertThat(job(cached).path("result").toString()).isEqualTo("426");
        assertThat(job(accessed).path("result").toString()).isEqualTo("426");
        JsonNode failed = job(adHoc);
        assertThat(failed.path("status").asText()).isEqualTo("ERROR");
        assertThat(failed.path("result").path("errorClass").asText()).isEqualTo("java.util.NoSuchElementException");
        assertThat(failed.path("result").path("message").asText()).isEqualTo("next on empty iterator");

        createContext("named", "");
        String byName = startJob(PREFIX + "CacheRddByNameJob", "&context=named", "");
        advance(SPARK_ACTION);
        String accessedByName = startJob(PREFIX + "AccessCacheJob", "&context=named", "");
        advance(SPARK_ACTION);
        assertThat(job(byName).path("result").toString()).isEqualTo("55");
        assertThat(job(accessedByName).path("result").toString()).as("the named RDD holds 1 to 5").isEqualTo("15");
    }

    @Test
    void smallJobsReturnWhatTheirSparkActionsCompute() {
        String zookeeper = startJob(PREFIX + "ZookeeperJob", "", "");
        String simpleObject = startJob(PREFIX + "SimpleObjectJob", "", "");
        advance(SPARK_ACTION);

        assertThat(job(zookeeper).path("result").toString()).as("case classes print as arrays of their fields")
                .isEqualTo("[[\"horse\"]]");
        assertThat(job(simpleObject).path("result").toString()).isEqualTo("6");
    }

    @Test
    void jobJarDependenciesJobNeedsASecondJarOnItsOrItsContextsClassPath() {
        uploadBinary("demo");
        assertThat(jobserver.send("POST", "/binaries/emptyjar", TestJars.withMainClass("EmptyClass"), JAR).status())
                .isEqualTo(201);
        String alone = startJob(PREFIX + "jobJarDependenciesJob", "", "");
        HttpResult posted = postJob("cp=demo,emptyjar&mainClass=" + PREFIX + "jobJarDependenciesJob", "");
        assertThat(posted.status()).isEqualTo(202);
        String withJar = posted.json().path("jobId").asText();
        createContext("deps", "?dependent-jar-uris=emptyjar");
        String inContext = startJob(PREFIX + "jobJarDependenciesJob", "&context=deps", "");
        advance(SPARK_ACTION);

        JsonNode failed = job(alone);
        assertThat(failed.path("status").asText()).isEqualTo("ERROR");
        assertThat(failed.path("result").path("errorClass").asText()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(failed.path("result").path("message").asText()).isEqualTo("EmptyClass");
        assertThat(job(withJar).path("result").toString()).isEqualTo("{\"EmptyClass\":3}");
        assertThat(job(inContext).path("result").toString()).isEqualTo("{\"EmptyClass\":3}");
    }

    @Test
    void remoteDataFileJobFindsTheServersDataFilesAndNeedsItsKey() {
        String stored = jobserver.post("/data/input", "some bytes").json().path("result").path("filename").asText();
        String found = startJob(PREFIX + "RemoteDataFileJob", "", "testFile = \"" + stored + "\"");
        String unknown = startJob(PREFIX + "RemoteDataFileJob", "", "testFile = nope.dat");
        advance(Duration.ZERO);

        assertThat(job(found).path("result").asText()).isEqualTo(stored);
        assertThat(job(unknown).path("result").path("message").asText())
                .isEqualTo("Failed to read file nope.dat: java.io.IOException: Unknown file: nope.dat");
        HttpResult missing = postJob("cp=demo&mainClass=" + PREFIX + "RemoteDataFileJob", "");
        assertThat(missing.status()).as("validate() threw").isEqualTo(200);
        assertThat(missing.json().path("status").asText()).isEqualTo("ERROR");
        assertThat(missing.json().path("result").path("errorClass").asText())
                .isEqualTo("com.typesafe.config.ConfigException$Missing");
        assertThat(missing.json().path("result").path("message").asText())
                .endsWith("No configuration setting found for key 'testFile'");
    }

    @Test
    void theKMeansExampleCannotReadItsS3Input() {
        String id = startJob(PREFIX + "KMeansExample", "", "");
        advance(SPARK_ACTION);

        assertThat(job(id).path("result").path("errorClass").asText()).isEqualTo("java.io.IOException");
        assertThat(job(id).path("result").path("message").asText()).isEqualTo("No FileSystem for scheme: s3n");
    }

    // ---- the extras jar: streaming and session contexts

    @Test
    void theFailingStreamingJobFailsAfterOneBatchAndStopsItsContext() {
        createContext("streams", "?context-factory=" + CONTEXT_FACTORY + "StreamingContextFactory");
        String id = startJob(PREFIX + "StreamingTaskFailedTestJob", "&context=streams", "");
        advance(Duration.ofMillis(999));
        assertThat(job(id).path("status").asText()).isEqualTo("RUNNING");
        advance(Duration.ofMillis(1));

        JsonNode failed = job(id);
        assertThat(failed.path("status").asText()).isEqualTo("ERROR");
        assertThat(failed.path("result").path("errorClass").asText()).isEqualTo("org.apache.spark.SparkException");
        assertThat(failed.path("result").path("message").asText()).startsWith("Job aborted due to stage failure:")
                .endsWith("java.lang.ArithmeticException: / by zero");
        assertThat(jobserver.get("/contexts/streams").json().path("state").asText()).isEqualTo("KILLED");
    }

    @Test
    void theJavaStreamingJobRunsOnlyInAJavaStreamingContext() {
        createContext("jstreams", "?context-factory=" + CONTEXT_FACTORY + "JavaStreamingContextFactory");
        createContext("streams", "?context-factory=" + CONTEXT_FACTORY + "StreamingContextFactory");
        createContext("java", "?context-factory=" + CONTEXT_FACTORY + "JavaSparkContextFactory");
        String id = startJob(PREFIX + "JStreamingTestJob", "&context=jstreams", "");
        advance(Duration.ofHours(1));

        assertThat(job(id).path("status").asText()).isEqualTo("RUNNING");
        HttpResult wrongType = postJob("cp=demo&context=java&mainClass=" + PREFIX + "JStreamingTestJob", "");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).isEqualTo(INVALID_JOB_TYPE);
        assertLoadingFailed(postJob("cp=demo&context=streams&mainClass=" + PREFIX + "JStreamingTestJob", ""),
                "java.lang.ClassCastException",
                "spark.jobserver.JStreamingTestJob cannot be cast to spark.jobserver.api.SparkJobBase");
    }

    @Test
    void theHiveLoaderJobsFailToFindTheirSourceTreeFile() {
        createContext("sessions", "?context-factory=" + CONTEXT_FACTORY + "SessionContextFactory");
        String id = startJob(PREFIX + "SessionLoaderTestJob", "&context=sessions", "");
        advance(SPARK_ACTION);

        JsonNode failed = job(id);
        assertThat(failed.path("result").path("errorClass").asText())
                .isEqualTo("org.apache.spark.sql.AnalysisException");
        assertThat(failed.path("result").path("message").asText()).isEqualTo("LOAD DATA input path does not exist: "
                + "src/main/resources/hive_test_job_addresses.txt;");
        createContext("nohive", "?context-factory=" + CONTEXT_FACTORY + "JavaSessionContextFactory"
                + "&spark.session.hive.enabled=false");
        String withoutHive = startJob(PREFIX + "JSessionTestLoaderJob", "&context=nohive", "");
        advance(Duration.ZERO);
        assertThat(job(withoutHive).path("result").path("message").asText())
                .startsWith("Hive support is required to CREATE Hive TABLE (AS SELECT);;\n"
                        + "'CreateTable `test_addresses`");
        HttpResult wordCount = postJob("cp=demo&context=sessions&mainClass=" + WORD_COUNT, "input.string = a");
        assertThat(wordCount.body()).isEqualTo(INVALID_JOB_TYPE);
    }

    // ---- the Python examples

    @Test
    void thePythonSessionWordCountCountsItsStringsAsyncAndSync() throws Exception {
        pythonContext("py", "");
        String id = startPython(WORD_COUNT_PY, "py", "input.strings = ['a', 'b', 'a', 'b']");
        advance(PYTHON_RUN.minusMillis(1));
        assertThat(job(id).path("status").asText()).isEqualTo("RUNNING");
        advance(Duration.ofMillis(1));

        assertThat(job(id).path("result").toString())
                .as("HOCON keeps the single quotes; the keys come in the order of the Java HashMap py4j makes")
                .isEqualTo("{\"'b'\":2,\"'a'\":2}");
        HttpResult sync = sync("cp=pydemo&context=py&mainClass=" + WORD_COUNT_PY, "input.strings = [b, a, b]",
                PYTHON_RUN);
        assertThat(sync.body()).isEqualTo("{\"jobId\":\""
                + sync.json().path("jobId").asText() + "\",\"result\":{\"a\":1,\"b\":2}}");
    }

    @Test
    void thePythonWordCountOfManyWordsComesInScalaHashOrderAndAStringCountsItsCharacters() {
        pythonContext("py", "");
        String many = startPython(WORD_COUNT_PY, "py", "input.strings = [one, two, three, four, five, five]");
        String string = startPython(WORD_COUNT_PY, "py", "input.strings = abca");
        advance(PYTHON_RUN);

        JsonNode counts = job(many).path("result");
        assertThat(keys(counts)).isEqualTo(ScalaCollections.order(List.of("one", "two", "three", "four", "five"),
                w -> w));
        assertThat(counts.path("five").asInt()).isEqualTo(2);
        assertThat(job(string).path("result").toString()).isEqualTo("{\"a\":2,\"b\":1,\"c\":1}");
    }

    @Test
    void pythonCountsOfNumbersKeepTheNumbersHashOrder() {
        pythonContext("py", "");
        String few = startPython(WORD_COUNT_PY, "py", "input.strings = [17, 1, 17]");
        String many = startPython(WORD_COUNT_PY, "py", "input.strings = [40, 7, 33, 100, 2, 7]");
        advance(PYTHON_RUN);

        assertThat(job(few).path("result").toString())
                .as("Integer keys 17 and 1 share a HashMap bucket, in insertion order")
                .isEqualTo("{\"17\":2,\"1\":1}");
        assertThat(keys(job(many).path("result"))).as("a Scala hash trie of Int keys")
                .isEqualTo(ScalaCollections.orderByHash(List.of("40", "7", "33", "100", "2"), Integer::parseInt));
    }

    @Test
    void pythonValidationProblemsEndThePythonProcessSoTheStartedJobFails() {
        pythonContext("py", "");
        String id = startPython(WORD_COUNT_PY, "py", "");
        String sqlAverage = startPython("example_jobs.sql_average.SQLAverageJob", "py",
                "input.data = [[bob, 20, 1200]]");
        String hiveWindow = startPython("example_jobs.hive_window.HiveWindowJob", "py", "input.data = [[bob, 20, 1]]");
        String firstOfTwo = startPython("example_jobs.sql_two_jobs.Job1", "py", "input.data = [[bob, 20, 1200]]");
        String failingWithoutInput = startPython("example_jobs.word_count.FailingSparkJob", "py", "");
        advance(PYTHON_RUN);

        for (String failedId : List.of(id, sqlAverage, hiveWindow, firstOfTwo, failingWithoutInput)) {
            JsonNode error = job(failedId).path("result");
            assertThat(error.path("errorClass").asText()).isEqualTo("java.lang.Exception");
            assertThat(error.path("message").asText()).isEqualTo("Python job failed with error code 1 and standard "
                    + "err [Validation problems in job, exiting]");
            assertThat(error.path("stack").asText()).startsWith("java.lang.Exception: Python job failed with error "
                    + "code 1 and standard err [Validation problems in job, exiting]\n"
                    + "\tat spark.jobserver.python.PythonJob.$anonfun$runJob$1(PythonJob.scala:89)\n");
        }
    }

    @Test
    void pythonExceptionsArePrintedWithTheirTracebackAndExitCode() {
        pythonContext("py", "");
        String run = startPython("example_jobs.failing_job.FailingRunJob", "py", "");
        String validate = startPython("example_jobs.failing_job.FailingValidateJob", "py", "");
        String sparkContextJob = startPython("example_jobs.word_count.WordCountSparkJob", "py",
                "input.strings = [a]");
        String failingSpark = startPython("example_jobs.word_count.FailingSparkJob", "py", "input.strings = [a]");
        String secondOfTwo = startPython("example_jobs.sql_two_jobs.Job2", "py", "");
        String customContext = startPython("example_jobs.custom_context_job.CustomContextJob", "py",
                "input.strings = [a]");
        advance(PYTHON_RUN);

        assertThat(job(failingSpark).path("result").path("message").asText())
                .startsWith("Python job failed with error code 4 and standard err [Error while calling 'run_job': "
                        + "ValueError('Deliberate failure')")
                .endsWith("ValueError: Deliberate failure]");
        assertThat(job(secondOfTwo).path("result").path("message").asText())
                .startsWith("Python job failed with error code 3 and standard err [Error while calling 'validate': "
                        + "AttributeError(\"'SparkSession' object has no attribute 'tableNames'\")");
        assertThat(job(customContext).path("result").path("message").asText())
                .endsWith("/example_jobs/custom_context_job/__init__.py\", line 25, in run_job    count = "
                        + "context.parallelize(data).count()AttributeError: 'SparkSession' object has no attribute "
                        + "'parallelize']");

        assertThat(job(run).path("result").path("message").asText())
                .startsWith("Python job failed with error code 4 and standard err [Error while calling 'run_job': "
                        + "Exception('Deliberate failure')Traceback (most recent call last):  File \"")
                .contains("/example_jobs/failing_job/__init__.py\", line 10, in run_job    raise Exception("
                        + "\"Deliberate failure\")")
                .endsWith("Exception: Deliberate failure]");
        assertThat(job(validate).path("result").path("message").asText())
                .startsWith("Python job failed with error code 3 and standard err [Error while calling 'validate': "
                        + "Exception('Deliberate failure')");
        assertThat(job(sparkContextJob).path("result").path("message").asText())
                .startsWith("Python job failed with error code 4 and standard err [Error while calling 'run_job': "
                        + "AttributeError(\"'SparkSession' object has no attribute 'parallelize'\")")
                .endsWith("AttributeError: 'SparkSession' object has no attribute 'parallelize']");
    }

    @Test
    void theSessionWindowJobRanksByNameWithinEachAge() {
        pythonContext("py", "");
        String id = startPython("example_jobs.session_window.SessionWindowJob", "py",
                "input.data = [[bob, 20, 1200], [jon, 21, 1400], [mary, 20, 1300], [sue, 21, 1600]]");
        advance(PYTHON_RUN);

        assertThat(job(id).path("result").toString())
                .isEqualTo("[[\"bob\",20,1],[\"mary\",20,2],[\"jon\",21,1],[\"sue\",21,2]]");
    }

    @Test
    void theHiveSupportJobReturnsNothingWithHiveAndFailsWithoutIt() {
        pythonContext("hive", "");
        pythonContext("nohive", "&spark.session.hive.enabled=false");
        String withHive = startPython("example_jobs.hive_support_job.HiveSupportJob", "hive", "");
        String withoutHive = startPython("example_jobs.hive_support_job.HiveSupportJob", "nohive", "");
        advance(PYTHON_RUN);

        JsonNode finished = job(withHive);
        assertThat(finished.path("status").asText()).isEqualTo("FINISHED");
        assertThat(finished.path("result").isNull()).isTrue();
        assertThat(job(withoutHive).path("result").path("message").asText())
                .contains("Hive support is required to CREATE Hive TABLE (AS SELECT)").contains("check_support");
    }

    @Test
    void pythonAndJvmClassesMeetTheOtherKindOfContextAsOnTheRealServer() {
        pythonContext("py", "");
        String jvmInPython = startPython(WORD_COUNT, "py", "input.string = a");
        HttpResult inJvmContext = postJob("cp=pydemo&mainClass=" + WORD_COUNT_PY, "input.strings = [a]");
        assertThat(inJvmContext.status()).isEqualTo(404);
        assertThat(inJvmContext.body()).isEqualTo("{\"status\":\"ERROR\",\"result\":\"classPath " + WORD_COUNT_PY
                + " not found\"}");

        advance(Duration.ZERO);
        assertThat(job(jvmInPython).path("result").path("message").asText())
                .startsWith("Python job failed with error code 1 and standard err [Traceback (most recent call last):")
                .endsWith("ModuleNotFoundError: No module named 'spark']");

        uploadBinary("demo");
        assertLoadingFailed(postJob("cp=pydemo,demo&context=py&mainClass=" + WORD_COUNT_PY, "input.strings = [a]"),
                "java.lang.IllegalArgumentException", "Python should have exactly one package file! Found: 2");
    }

    @Test
    void settingsOfTheWrongTypeFailTheJobNotTheRequest() {
        createContext("streams", "?context-factory=" + CONTEXT_FACTORY + "StreamingContextFactory"
                + "&streaming.batch_interval=soon");
        pythonContext("py", "&spark.session.hive.enabled=maybe");
        String streaming = startJob(PREFIX + "StreamingTaskFailedTestJob", "&context=streams", "");
        String hive = startPython("example_jobs.hive_support_job.HiveSupportJob", "py", "");
        String window = startPython("example_jobs.session_window.SessionWindowJob", "py", "input.data = bob");
        advance(PYTHON_RUN);

        for (String id : List.of(streaming, hive)) {
            JsonNode failed = job(id);
            assertThat(failed.path("status").asText()).isEqualTo("ERROR");
            assertThat(failed.path("result").path("errorClass").asText())
                    .isEqualTo("com.typesafe.config.ConfigException$WrongType");
        }
        assertThat(job(window).path("result").path("message").asText()).endsWith("TypeError: StructType can not "
                + "accept object of type 'str']");
    }

    // ---- helpers

    private void pythonContext(String name, String extraQuery) {
        HttpResult created = createContext(name, "?context-factory=" + PYTHON_FACTORY + extraQuery);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    /** Uploads the egg {@code pydemo} if needed and starts {@code mainClass} in context {@code context}. */
    private String startPython(String mainClass, String context, String config) {
        if (jobserver.get("/binaries/pydemo").status() == 404) {
            assertThat(jobserver.send("POST", "/binaries/pydemo", TestJars.withMainClass("example_jobs.Egg"),
                    "application/python-egg").status()).isEqualTo(201);
        }
        HttpResult posted = postJob("cp=pydemo&context=" + context + "&mainClass=" + mainClass, config);
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        return posted.json().path("jobId").asText();
    }

    /** A synchronous submission, answered once the clock has moved on by {@code runFor}. */
    private HttpResult sync(String query, String config, Duration runFor) throws Exception {
        if (jobserver.get("/binaries/demo").status() == 404) {
            uploadBinary("demo");
        }
        int before = emulator.jobserver().server().supervisor().jobs().size();
        CompletableFuture<HttpResult> answer = CompletableFuture.supplyAsync(() ->
                postJob(query + "&sync=true", config));
        awaitTrue(() -> emulator.jobserver().server().supervisor().jobs().size() > before);
        advance(runFor);
        return answer.get();
    }

    private static void assertLoadingFailed(HttpResult result, String errorClass, String message) {
        assertThat(result.status()).as(result.body()).isEqualTo(400);
        JsonNode body = result.json();
        assertThat(keys(body)).containsExactly("status", "result");
        assertThat(body.path("status").asText()).isEqualTo("JOB LOADING FAILED");
        assertThat(body.path("result").path("errorClass").asText()).isEqualTo(errorClass);
        assertThat(body.path("result").path("message").asText()).isEqualTo(message);
        assertThat(body.path("result").path("stack").asText()).startsWith(errorClass + ": " + message + "\n\tat ");
    }
}
