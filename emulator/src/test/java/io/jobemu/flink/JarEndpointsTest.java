package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.http.StoreFullException;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.flink.jars.JarStore;
import io.jobemu.flink.jars.UploadedJar;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobStatus;
import io.jobemu.testing.EmulatorTest;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarEndpointsTest extends EmulatorTest {

    private static final String RHE = "org.apache.flink.runtime.rest.handler.RestHandlerException: ";
    private static final String PIE = "org.apache.flink.client.program.ProgramInvocationException: ";
    private static final String COMPLETION = "java.util.concurrent.CompletionException: ";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final String MAIN = "example.StreamingJob";
    private static final String BOUNDARY = "----jar-endpoints-test";

    // ---- upload

    @Test
    void uploadStoresTheFileUnderAUuidPrefixedNameAndAnswersItsAbsolutePath() throws IOException {
        byte[] jar = TestJars.withMainClass(MAIN);

        HttpResult result = flink.upload("/jars/upload", "jarfile", "job.jar", jar);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(fieldNames(result.json())).containsExactly("filename", "status");
        assertThat(result.json().path("status").asText()).isEqualTo("success");
        Path stored = Path.of(result.json().path("filename").asText());
        assertThat(stored.isAbsolute()).isTrue();
        assertThat(stored.getParent()).isEqualTo(uploadDirectory());
        assertThat(stored.getFileName().toString()).matches(UUID_PATTERN + "_job\\.jar");
        assertThat(Files.readAllBytes(stored)).isEqualTo(jar);
    }

    @Test
    void uploadAcceptsAnyFieldName() {
        HttpResult result = flink.upload("/jars/upload", "file", "job.jar", TestJars.withMainClass(MAIN));

        assertThat(result.status()).isEqualTo(200);
        assertThat(listedFiles()).hasSize(1);
    }

    @Test
    void uploadRefusesAFileWhoseNameDoesNotEndWithLowerCaseJar() {
        for (String name : List.of("notes.txt", "UPPER.JAR", "job.jar.txt")) {
            HttpResult result = flink.upload("/jars/upload", "jarfile", name, TestJars.withMainClass(MAIN));

            assertThat(result.status()).as(name).isEqualTo(400);
            assertThat(result.firstErrorLine()).as(name).isEqualTo(RHE + "Only Jar files are allowed.");
            assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        }
        assertThat(listedFiles()).isEmpty();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void uploadWithoutMultipartCountsAsNoFile() {
        HttpResult result = flink.post("/jars/upload", null);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(RHE + "Exactly 1 file must be sent, received 0.");
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
    }

    @Test
    void uploadOfRawJarBytesWithoutMultipartIsNotAnEmptyRequestBody() {
        HttpResult result = flink.send("POST", "/jars/upload", TestJars.withMainClass(MAIN),
                "application/x-java-archive");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(RHE
                + "Request did not match expected format EmptyRequestBody.");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void uploadOfTwoDifferentFilesIsRefused() {
        byte[] jar = TestJars.withMainClass(MAIN);

        HttpResult result = sendMultipart(filePart("jarfile", "a.jar", jar), filePart("jarfile2", "b.jar", jar));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(RHE + "Exactly 1 file must be sent, received 2.");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void uploadOfTheSameFileNameTwiceCountsAsOneFileAndKeepsTheLastPart() throws IOException {
        byte[] last = TestJars.withMainClass("example.Second");

        HttpResult result = sendMultipart(filePart("jarfile", "dup.jar", TestJars.withMainClass("example.First")),
                filePart("jarfile2", "dup.jar", last));

        assertThat(result.status()).isEqualTo(200);
        assertThat(Files.readAllBytes(Path.of(result.json().path("filename").asText()))).isEqualTo(last);
        assertThat(listedFiles()).hasSize(1);
        assertThat(listedFiles().get(0).path("entry").path(0).path("name").asText()).isEqualTo("example.Second");
    }

    @Test
    void uploadWithAnExtraFormFieldIsRefusedByTheUploadDecoderWithoutCorsHeader() {
        HttpResult result = sendMultipart(fieldPart("foo", "bar"),
                filePart("jarfile", "extra.jar", TestJars.withMainClass(MAIN)));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body()).isEqualTo("{\"errors\":[\"Received unknown attribute foo.\"]}");
        assertThat(result.header("access-control-allow-origin")).isNull();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void uploadKeepsOnlyTheLastSegmentOfTheClientFileName() {
        for (String trick : List.of("../../escape.jar", "/etc/cron.d/abs.jar", "..\\..\\win.jar",
                "C:\\Users\\me\\drive.jar")) {
            HttpResult result = flink.upload("/jars/upload", "jarfile", trick, TestJars.withMainClass(MAIN));

            assertThat(result.status()).as(trick).isEqualTo(200);
            Path stored = Path.of(result.json().path("filename").asText());
            assertThat(stored.getParent()).as(trick).isEqualTo(uploadDirectory());
        }
        assertThat(listedFiles()).extracting(file -> file.path("name").asText())
                .containsExactlyInAnyOrder("escape.jar", "abs.jar", "win.jar", "drive.jar");
        assertThat(storedFiles()).hasSize(4);
        assertThat(uploadDirectory().getParent().resolve("escape.jar")).doesNotExist();
    }

    @Test
    void aFileNameWithANulCharacterFailsTheUploadHandlerAndStoresNothing() {
        HttpResult result = flink.upload("/jars/upload", "jarfile", "a\u0000b.jar", TestJars.withMainClass(MAIN));

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.body()).isEqualTo("{\"errors\":[\"File upload failed.\"]}");
        assertThat(result.header("access-control-allow-origin")).isNull();
        assertThat(listedFiles()).isEmpty();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aFileThatIsNotAZipUploadsAndIsListedWithoutEntries() {
        HttpResult result = flink.upload("/jars/upload", "jarfile", "fake.jar",
                "this is not a jar".getBytes(StandardCharsets.UTF_8));

        assertThat(result.status()).isEqualTo(200);
        assertThat(listedFiles()).singleElement()
                .satisfies(file -> assertThat(file.path("entry").isArray()).isTrue())
                .satisfies(file -> assertThat(file.path("entry")).isEmpty());
    }

    @Test
    void parallelUploadsAreAllStoredUnderDistinctIds() throws Exception {
        int uploads = 20;
        List<Callable<HttpResult>> tasks = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            String name = "job-" + i + ".jar";
            tasks.add(() -> flink.upload("/jars/upload", "jarfile", name, TestJars.withMainClass(MAIN)));
        }

        List<HttpResult> results = runConcurrently(tasks);

        assertThat(results).extracting(HttpResult::status).containsOnly(200);
        Set<String> filenames = new HashSet<>();
        results.forEach(r -> filenames.add(r.json().path("filename").asText()));
        assertThat(filenames).hasSize(uploads);
        List<JsonNode> listed = listedFiles();
        assertThat(listed).hasSize(uploads);
        assertThat(listed).extracting(file -> file.path("id").asText()).doesNotHaveDuplicates();
        assertThat(storedFiles()).hasSize(uploads);
    }

    // ---- list

    @Test
    void listWithoutJarsNamesTheRestAddressAndNoFiles() {
        HttpResult result = flink.get("/jars");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(result.body()).isEqualTo("{\"address\":\"" + flink.baseUrl() + "\",\"files\":[]}");
    }

    @Test
    void listShowsEachJarNewestFirstWithUploadTimeAndManifestEntry() {
        long firstUpload = emulator.clock().millis();
        String first = uploadJar("example.First");
        advance(Duration.ofSeconds(5));
        String second = uploadJar("example.Second");
        String third = uploadJar("example.Third");

        List<JsonNode> files = listedFiles();

        assertThat(files).extracting(file -> file.path("id").asText()).containsExactly(third, second, first);
        JsonNode oldest = files.get(2);
        assertThat(fieldNames(oldest)).containsExactly("id", "name", "uploaded", "entry");
        assertThat(oldest.path("name").asText()).isEqualTo("job.jar");
        assertThat(oldest.path("uploaded").asLong()).isEqualTo(firstUpload);
        assertThat(files.get(1).path("uploaded").asLong()).isEqualTo(firstUpload + 5000);
        assertThat(oldest.path("entry").toString())
                .isEqualTo("[{\"name\":\"example.First\",\"description\":null}]");
    }

    @Test
    void listPrefersProgramClassAndShowsOnlyEntriesTheJarHolds() {
        byte[] jar = jar(manifest("program-class", "example.A, example.Missing,example.B",
                "Main-Class", "example.Main"), "example.A", "example.B", "example.Main");
        flink.upload("/jars/upload", "jarfile", "multi.jar", jar);

        assertThat(listedFiles().get(0).path("entry")).extracting(entry -> entry.path("name").asText())
                .containsExactly("example.A", "example.B");
    }

    @Test
    void aJarWithoutMainClassIsListedWithoutEntries() {
        uploadJar((String) null);

        assertThat(listedFiles().get(0).path("entry")).isEmpty();
    }

    // ---- delete

    @Test
    void deleteRemovesTheJarFromListingAndDisk() {
        String jarId = uploadJar(MAIN);

        HttpResult result = flink.delete("/jars/" + jarId);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{}");
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(listedFiles()).isEmpty();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void deleteOfAnUnknownOrAlreadyDeletedJarIsABadRequestNamingTheDirectory() {
        String jarId = uploadJar(MAIN);
        flink.delete("/jars/" + jarId);

        for (String id : List.of(jarId, "bad", "..")) {
            HttpResult result = flink.delete("/jars/" + id);

            assertThat(result.status()).as(id).isEqualTo(400);
            assertThat(result.firstErrorLine()).as(id).isEqualTo(RHE + "File " + id + " does not exist in "
                    + uploadDirectory() + ".");
        }
    }

    @Test
    void anEncodedSlashSplitsThePathSoTheRouterAnswersNotFound() {
        String jarId = uploadJar(MAIN);

        for (String id : List.of("..%2F" + jarId, "sub%2f" + jarId)) {
            HttpResult result = flink.delete("/jars/" + id);

            assertThat(result.status()).as(id).isEqualTo(404);
            assertThat(result.body()).as(id).isEqualTo("{\"errors\":[\"Not found: /jars/" + id + "\"]}");
        }
        assertThat(listedFiles()).hasSize(1);
    }

    @Test
    void aJarIdWithABackslashIsRefusedAsAPathParameterAndDeletesNothing() {
        String jarId = uploadJar(MAIN);
        String id = "..%5C" + jarId;

        HttpResult result = flink.delete("/jars/" + id);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.firstErrorLine()).isEqualTo(RHE + "Bad request, could not parse parameters: "
                + "Cannot resolve path parameter (jarid) from value \"" + id + "\".");
        assertThat(listedFiles()).hasSize(1);
    }

    @Test
    void deletingAJarDoesNotDisturbTheJobsStartedFromIt() {
        String jarId = uploadJar(MAIN);
        String jobId = run(jarId, "{}").json().path("jobid").asText();

        assertThat(flink.delete("/jars/" + jarId).status()).isEqualTo(200);
        advance(Duration.ofMinutes(1));

        assertThat(job(jobId).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(run(jarId, "{}").status()).isEqualTo(500);
    }

    @Test
    void resetDeletesEveryStoredJar() {
        uploadJar(MAIN);
        uploadJar(MAIN);

        emulator.flink().cluster().jars().reset();

        assertThat(storedFiles()).isEmpty();
        assertThat(listedFiles()).isEmpty();
    }

    // ---- run

    @Test
    void runWithoutBodyStartsTheManifestMainClassWithDefaultParallelism() {
        String jarId = uploadJar(MAIN);

        HttpResult result = flink.post("/jars/" + jarId + "/run", null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(fieldNames(result.json())).containsExactly("jobid", "applicationId");
        String jobId = result.json().path("jobid").asText();
        assertThat(jobId).matches("[0-9a-f]{32}");
        assertThat(result.json().path("applicationId").asText()).isEqualTo(jobId);
        FlinkJob job = job(jobId);
        assertThat(job.spec().jarId()).isEqualTo(jarId);
        assertThat(job.spec().entryClass()).isEqualTo(MAIN);
        assertThat(job.spec().parallelism()).isEqualTo(FlinkCluster.DEFAULT_PARALLELISM);
        assertThat(job.spec().programArgs()).isEmpty();
    }

    @Test
    void runTakesEntryClassArgumentsParallelismAndSavepointFromTheBody() {
        String jarId = uploadJar(jarWith(MAIN, "example.Other"));
        emulator.flink().cluster().savepoints().add("file:/sp/savepoint-1");

        HttpResult result = run(jarId, "{\"entryClass\":\"example.Other\",\"programArgsList\":[\"a\",\"b c\"],"
                + "\"parallelism\":2,\"savepointPath\":\"file:/sp/savepoint-1\",\"allowNonRestoredState\":true,"
                + "\"bogusField\":1}");

        assertThat(result.status()).isEqualTo(200);
        FlinkJob job = job(result.json().path("jobid").asText());
        assertThat(job.spec().entryClass()).isEqualTo("example.Other");
        assertThat(job.spec().programArgs()).containsExactly("a", "b c");
        assertThat(job.spec().parallelism()).isEqualTo(2);
        assertThat(job.vertices()).allSatisfy(vertex -> assertThat(vertex.parallelism()).isEqualTo(2));
        assertThat(job.spec().savepointPath()).isEqualTo("file:/sp/savepoint-1");
        assertThat(job.spec().allowNonRestoredState()).isTrue();
    }

    @Test
    void runRestoringASavepointThatDoesNotExistFailsAndLeavesAFailedJob() {
        String jarId = uploadJar(TestJars.withMainClass(MAIN));
        emulator.flink().cluster().savepoints().add("file:/sp/savepoint-2");

        HttpResult missing = run(jarId, "{\"savepointPath\":\"file:///sp/never-written\"}");
        HttpResult existing = run(jarId, "{\"savepointPath\":\"/sp/savepoint-2/_metadata\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.firstErrorLine()).isEqualTo(RHE + "Could not execute application.");
        assertThat(missing.firstError()).contains("Caused by: org.apache.flink.runtime.client.JobInitializationException: "
                + "Could not start the JobMaster.", "Cannot find checkpoint or savepoint file/directory "
                + "'file:///sp/never-written'");
        assertThat(existing.status()).isEqualTo(200);
        JsonNode jobs = flink.get("/jobs/overview").json().path("jobs");
        assertThat(jobs).extracting(j -> j.path("state").asText()).containsExactlyInAnyOrder("FAILED",
                "INITIALIZING");
    }

    @Test
    void runFallsBackToQueryParametersButBodyFieldsWin() {
        String jarId = uploadJar(jarWith(MAIN, "example.Other"));
        String query = "?entry-class=example.Other&programArg=a,b&programArg=c&parallelism=3"
                + "&savepointPath=file:/sp/q&allowNonRestoredState=true";
        emulator.flink().cluster().savepoints().add("file:/sp/q");
        emulator.flink().cluster().savepoints().add("file:/sp/b");

        FlinkJob fromQuery = job(flink.post("/jars/" + jarId + "/run" + query, null).json().path("jobid").asText());
        String body = "{\"entryClass\":\"" + MAIN + "\",\"parallelism\":4,\"programArgsList\":[\"x\"],"
                + "\"savepointPath\":\"file:/sp/b\",\"allowNonRestoredState\":false}";
        FlinkJob bodyWins = job(flink.post("/jars/" + jarId + "/run" + query, body).json().path("jobid").asText());

        assertThat(fromQuery.spec().entryClass()).isEqualTo("example.Other");
        assertThat(fromQuery.spec().programArgs()).containsExactly("a", "b", "c");
        assertThat(fromQuery.spec().parallelism()).isEqualTo(3);
        assertThat(fromQuery.spec().savepointPath()).isEqualTo("file:/sp/q");
        assertThat(fromQuery.spec().allowNonRestoredState()).isTrue();
        assertThat(bodyWins.spec().entryClass()).isEqualTo(MAIN);
        assertThat(bodyWins.spec().programArgs()).containsExactly("x");
        assertThat(bodyWins.spec().parallelism()).isEqualTo(4);
        assertThat(bodyWins.spec().savepointPath()).isEqualTo("file:/sp/b");
        assertThat(bodyWins.spec().allowNonRestoredState()).isFalse();
    }

    @Test
    void theRemovedProgramArgsStringIsSilentlyIgnored() {
        String jarId = uploadJar(MAIN);

        HttpResult result = run(jarId, "{\"programArgs\":\"a b\"}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(job(result.json().path("jobid").asText()).spec().programArgs()).isEmpty();
    }

    @Test
    void runOfAClassThatHasABehaviourCreatesAJobThatBehavesSo() {
        emulator.flink().cluster().behaviours().setForEntryClass(MAIN, new JobBehaviour(JobBehaviour.Outcome.FINISH,
                Duration.ofSeconds(3), null, null, null, "bounded", List.of("Source: s", "Sink: k"), null));
        String jarId = uploadJar(MAIN);

        FlinkJob job = job(run(jarId, "{}").json().path("jobid").asText());
        advance(Duration.ofMinutes(1));

        assertThat(job.name()).isEqualTo("bounded");
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void runWithAFixedJobIdUsesItAndRefusesItTheSecondTime() {
        String jarId = uploadJar(MAIN);
        String body = "{\"jobId\":\"0123456789ABCDEF0123456789abcdef\"}";

        HttpResult first = run(jarId, body);
        HttpResult second = run(jarId, body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("jobid").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.firstErrorLine()).isEqualTo(RHE + "Could not execute application.");
        assertThat(second.firstError()).contains("Caused by: " + PIE
                        + "The main method caused an error: Failed to execute job 'Flink Streaming Job'.")
                .contains("Caused by: org.apache.flink.runtime.client.DuplicateApplicationSubmissionException: "
                        + "Application has already been submitted.");
        assertThat(emulator.flink().cluster().jobs().all()).hasSize(1);
    }

    @Test
    void aMainMethodThatThrowsFailsTheRunWithTheUserExceptionAndCreatesNoJob() {
        failInMain(MAIN);
        String jarId = uploadJar(MAIN);

        HttpResult result = run(jarId, "{}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(result.firstErrorLine()).isEqualTo(RHE + "Could not execute application.");
        assertThat(causes(result.firstError())).containsExactly(
                COMPLETION + "org.apache.flink.util.FlinkRuntimeException: Could not execute application.",
                "org.apache.flink.util.FlinkRuntimeException: Could not execute application.",
                PIE + "The main method caused an error: boom in main",
                "java.lang.IllegalStateException: boom in main");
        assertThat(emulator.flink().cluster().jobs().all()).isEmpty();
    }

    @Test
    void runOfAnUnknownOrDeletedJarIsAnInternalErrorWrappingTheMissingFile() {
        String deleted = uploadJar(MAIN);
        flink.delete("/jars/" + deleted);

        for (String jarId : List.of("nope_x.jar", deleted)) {
            HttpResult result = run(jarId, "{}");

            String missing = RHE + "Jar file " + uploadDirectory().resolve(jarId) + " does not exist";
            assertThat(result.status()).as(jarId).isEqualTo(500);
            assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
            assertThat(result.firstError()).isEqualTo("Internal server error.");
            assertThat(serverException(result)).isEqualTo(COMPLETION + missing);
            assertThat(causes(result.json().path("errors").path(1).asText())).containsExactly(missing);
        }
    }

    @Test
    void runOfAnEntryClassTheJarDoesNotHoldIsAnInternalError() {
        String jarId = uploadJar(MAIN);

        HttpResult result = run(jarId, "{\"entryClass\":\"example.Nope\"}");

        String notFound = PIE + "The program's entry point class 'example.Nope' was not found in the jar file.";
        assertThat(result.status()).isEqualTo(500);
        assertThat(serverException(result)).isEqualTo(COMPLETION + notFound);
        assertThat(causes(result.json().path("errors").path(1).asText()))
                .containsExactly(notFound, "java.lang.ClassNotFoundException: example.Nope");
    }

    @Test
    void runWithoutAnyEntryClassIsAnInternalError() {
        String withoutMainClass = uploadJar((String) null);
        String withoutManifest = uploadJar(jar(null, "example.Job"));

        HttpResult noEntry = run(withoutMainClass, "{}");
        HttpResult noManifest = run(withoutManifest, "{}");

        assertThat(noEntry.status()).isEqualTo(500);
        assertThat(serverException(noEntry)).isEqualTo(COMPLETION + PIE
                + "Neither a 'Main-Class', nor a 'program-class' entry was found in the jar file.");
        assertThat(noManifest.status()).isEqualTo(500);
        assertThat(serverException(noManifest)).isEqualTo(COMPLETION + PIE + "No manifest found in jar file '"
                + uploadDirectory().resolve(withoutManifest) + "'. The manifest is need to point to the program's"
                + " main class.");
    }

    @Test
    void aJarWithoutMainClassStillRunsAnEntryClassItHolds() {
        String jarId = uploadJar((String) null);

        HttpResult result = run(jarId, "{\"entryClass\":\"example.Job\"}");

        assertThat(result.status()).isEqualTo(200);
    }

    @Test
    void runOfAFileThatIsNotAZipIsAnInternalError() {
        String path = flink.upload("/jars/upload", "jarfile", "fake.jar", "not a zip".getBytes(StandardCharsets.UTF_8))
                .json().path("filename").asText();

        HttpResult result = run(Path.of(path).getFileName().toString(), "{\"entryClass\":\"" + MAIN + "\"}");

        String opening = "Error while opening jar file '" + path + "'";
        assertThat(result.status()).isEqualTo(500);
        assertThat(serverException(result)).isEqualTo(COMPLETION + PIE + opening);
        assertThat(causes(result.json().path("errors").path(1).asText())).containsExactly(PIE + opening,
                "java.io.IOException: " + opening, "java.util.zip.ZipException: zip END header not found");
    }

    @Test
    void malformedRunRequestsAreRefusedBeforeTheJarIsLookedAt() {
        String bodyError = RHE + "Request did not match expected format JarRunRequestBody.";
        for (String body : List.of("{not json", "{\"parallelism\":\"abc\"}", "{\"jobId\":\"xyz\"}",
                "{\"programArgsList\":\"a\"}", "{\"claimMode\":\"BOGUS\"}")) {
            HttpResult result = run("nope_x.jar", body);

            assertThat(result.status()).as(body).isEqualTo(400);
            assertThat(result.firstErrorLine()).as(body).isEqualTo(bodyError);
        }
        HttpResult badQuery = flink.post("/jars/nope_x.jar/run?parallelism=abc", null);
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat(badQuery.firstErrorLine()).isEqualTo(RHE + "Bad request, could not parse parameters: "
                + "Cannot resolve query parameter (parallelism) from value \"abc\".");
    }

    @Test
    void parallelRunsCreateDistinctJobs() throws Exception {
        String jarId = uploadJar(MAIN);
        List<Callable<HttpResult>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> run(jarId, "{}"));
        }

        List<HttpResult> results = runConcurrently(tasks);

        assertThat(results).extracting(HttpResult::status).containsOnly(200);
        assertThat(results).extracting(r -> r.json().path("jobid").asText()).doesNotHaveDuplicates();
        assertThat(emulator.flink().cluster().jobs().all()).hasSize(20);
    }

    // ---- plan

    @Test
    void planShowsTheJobGraphARunWouldCreateWithoutCreatingAJob() {
        emulator.flink().cluster().behaviours().setForEntryClass(MAIN, new JobBehaviour(null, null, null, null,
                null, "planned", List.of("Source: s -> map", "Sink: k"), null));
        String jarId = uploadJar(MAIN);

        HttpResult result = flink.post("/jars/" + jarId + "/plan", "{\"parallelism\":3}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        JsonNode plan = result.json().path("plan");
        assertThat(fieldNames(result.json())).containsExactly("plan");
        assertThat(fieldNames(plan)).containsExactly("jid", "name", "type", "nodes");
        assertThat(plan.path("jid").asText()).matches("[0-9a-f]{32}");
        assertThat(plan.path("name").asText()).isEqualTo("planned");
        assertThat(plan.path("type").asText()).isEqualTo("STREAMING");
        JsonNode sink = plan.path("nodes").path(0);
        JsonNode source = plan.path("nodes").path(1);
        assertThat(fieldNames(sink)).containsExactly("id", "operator", "parallelism", "operator_strategy",
                "description", "optimizer_properties", "inputs");
        assertThat(sink.path("description").asText()).isEqualTo("Sink: k<br/>");
        assertThat(sink.path("parallelism").asInt()).isEqualTo(3);
        assertThat(sink.path("inputs").toString()).isEqualTo("[{\"id\":\"" + source.path("id").asText()
                + "\",\"num\":0,\"exchange\":\"pipelined_bounded\",\"ship_strategy\":\"HASH\"}]");
        assertThat(fieldNames(source)).doesNotContain("inputs");
        assertThat(source.path("description").asText()).isEqualTo("Source: s<br/>+- map<br/>");
        assertThat(emulator.flink().cluster().jobs().all()).isEmpty();
    }

    @Test
    void planByGetTakesQueryParametersAndKeepsVertexIdsStable() {
        String jarId = uploadJar(jarWith(MAIN, "example.Other"));

        JsonNode first = flink.get("/jars/" + jarId + "/plan?entry-class=example.Other&parallelism=2").json();
        JsonNode second = flink.post("/jars/" + jarId + "/plan",
                "{\"entryClass\":\"example.Other\",\"jobId\":\"0123456789abcdef0123456789abcdef\"}").json();

        assertThat(first.path("plan").path("nodes").path(0).path("parallelism").asInt()).isEqualTo(2);
        assertThat(second.path("plan").path("jid").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(second.path("plan").path("nodes").path(0).path("parallelism").asInt()).isEqualTo(1);
        assertThat(second.path("plan").path("nodes").findValuesAsText("id"))
                .isEqualTo(first.path("plan").path("nodes").findValuesAsText("id"));
    }

    @Test
    void planFailsLikeRun() {
        String jarId = uploadJar(MAIN);

        HttpResult unknownJar = flink.get("/jars/nope_x.jar/plan");
        HttpResult unknownClass = flink.post("/jars/" + jarId + "/plan", "{\"entryClass\":\"example.Nope\"}");
        HttpResult malformed = flink.post("/jars/" + jarId + "/plan", "{not json");

        assertThat(unknownJar.status()).isEqualTo(500);
        assertThat(serverException(unknownJar)).isEqualTo(COMPLETION + RHE + "Jar file "
                + uploadDirectory().resolve("nope_x.jar") + " does not exist");
        assertThat(unknownClass.status()).isEqualTo(500);
        assertThat(serverException(unknownClass)).startsWith(COMPLETION + PIE + "The program's entry point class");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.firstErrorLine()).isEqualTo(RHE
                + "Request did not match expected format JarPlanRequestBody.");
    }

    @Test
    void planOfAMainMethodThatThrowsIsAnInternalErrorWithoutCompletionWrapper() {
        failInMain(MAIN);
        String jarId = uploadJar(MAIN);

        HttpResult result = flink.post("/jars/" + jarId + "/plan", null);

        assertThat(result.status()).isEqualTo(500);
        assertThat(serverException(result)).isEqualTo(PIE + "The main method caused an error: boom in main");
        assertThat(causes(result.json().path("errors").path(1).asText()))
                .containsExactly("java.lang.IllegalStateException: boom in main");
    }

    // ---- run-application

    @Test
    void runApplicationAcceptsAndStartsTheJob() {
        String jarId = uploadJar(MAIN);

        HttpResult result = flink.post("/jars/" + jarId + "/run-application", "{\"parallelism\":2}");

        assertThat(result.status()).isEqualTo(202);
        assertThat(result.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(fieldNames(result.json())).containsExactly("applicationid");
        FlinkJob job = job(result.json().path("applicationid").asText());
        assertThat(job.spec().parallelism()).isEqualTo(2);
    }

    @Test
    void runApplicationAcceptsAMainMethodThatThrowsButCreatesNoJob() {
        failInMain(MAIN);
        String jarId = uploadJar(MAIN);

        HttpResult result = flink.post("/jars/" + jarId + "/run-application", null);

        assertThat(result.status()).isEqualTo(202);
        assertThat(result.json().path("applicationid").asText()).matches("[0-9a-f]{32}");
        assertThat(emulator.flink().cluster().jobs().all()).isEmpty();
    }

    @Test
    void runApplicationFailsForAnUnknownJarOrMalformedBody() {
        HttpResult unknown = flink.post("/jars/nope_x.jar/run-application", null);
        HttpResult malformed = flink.post("/jars/nope_x.jar/run-application", "{\"applicationId\":\"xyz\"}");

        assertThat(unknown.status()).isEqualTo(500);
        assertThat(serverException(unknown)).startsWith(COMPLETION + RHE + "Jar file ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.firstErrorLine()).isEqualTo(RHE
                + "Request did not match expected format JarRunApplicationRequestBody.");
    }

    // ---- store capacity

    @Test
    void theStoreRefusesUploadsBeyondItsCapacityAndFreesRoomOnDelete(@TempDir Path dir) throws IOException {
        JarStore store = new JarStore(dir.resolve("jars"), IdGenerator.unseeded(),
                new EmulatorClock(EmulatorClock.Mode.MANUAL), 100, 10);
        Path upload = Files.write(dir.resolve("upload"), new byte[60]);

        UploadedJar first = store.store("a.jar", 60, target -> Files.copy(upload, target));

        assertThatThrownBy(() -> store.store("b.jar", 60, target -> Files.copy(upload, target)))
                .isInstanceOf(StoreFullException.class);
        assertThatThrownBy(() -> store.checkRoomFor(41)).isInstanceOf(StoreFullException.class);
        assertThat(store.all()).containsExactly(first);
        assertThat(store.delete(first.id())).isTrue();
        assertThat(store.store("c.jar", 60, target -> Files.copy(upload, target)).name()).isEqualTo("c.jar");
        try (Stream<Path> files = Files.list(store.directory())) {
            assertThat(files).hasSize(1);
        }
    }

    // ---- helpers

    private HttpResult run(String jarId, String body) {
        return flink.post("/jars/" + jarId + "/run", body);
    }

    private String uploadJar(byte[] jar) {
        String filename = flink.upload("/jars/upload", "jarfile", "job.jar", jar).json().path("filename").asText();
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    private FlinkJob job(String jobId) {
        return emulator.flink().cluster().jobs().find(jobId).orElseThrow();
    }

    private void failInMain(String entryClass) {
        emulator.flink().cluster().behaviours().setForEntryClass(entryClass, new JobBehaviour(
                JobBehaviour.Outcome.FAIL_IN_MAIN, null,
                new JobBehaviour.JobException("java.lang.IllegalStateException", "boom in main"), null, null, null,
                null, null));
    }

    private Path uploadDirectory() {
        return emulator.flink().cluster().jars().directory();
    }

    private List<Path> storedFiles() {
        try (Stream<Path> files = Files.list(uploadDirectory())) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonNode> listedFiles() {
        HttpResult result = flink.get("/jars");
        assertThat(result.status()).isEqualTo(200);
        List<JsonNode> files = new ArrayList<>();
        result.json().path("files").forEach(files::add);
        return files;
    }

    /** The first line of the exception in a flavour-3 answer: what follows "<Exception on server side:". */
    private static String serverException(HttpResult result) {
        List<String> lines = result.json().path("errors").path(1).asText().lines().toList();
        assertThat(lines.get(0)).isEqualTo("<Exception on server side:");
        return lines.get(1);
    }

    /** The "Caused by:" exceptions of a stack trace, outermost first. */
    private static List<String> causes(String trace) {
        return trace.lines().filter(line -> line.startsWith("Caused by: "))
                .map(line -> line.substring("Caused by: ".length())).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- building requests and jars

    private HttpResult sendMultipart(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(part);
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return flink.send("POST", "/jars/upload", body.toByteArray(), "multipart/form-data; boundary=" + BOUNDARY);
    }

    private static byte[] filePart(String field, String fileName, byte[] content) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        part.writeBytes(content);
        part.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return part.toByteArray();
    }

    private static byte[] fieldPart(String field, String value) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A jar whose manifest names {@code mainClass} and which holds it and {@code otherClass}. */
    private static byte[] jarWith(String mainClass, String otherClass) {
        return jar(manifest("Main-Class", mainClass), mainClass, otherClass);
    }

    /** A manifest with the given attribute name/value pairs. */
    private static Manifest manifest(String... attributes) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < attributes.length; i += 2) {
            manifest.getMainAttributes().putValue(attributes[i], attributes[i + 1]);
        }
        return manifest;
    }

    /** A jar holding the given classes; without a manifest when {@code manifest} is null. */
    private static byte[] jar(Manifest manifest, String... classes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream jar = manifest == null ? new ZipOutputStream(bytes)
                : new JarOutputStream(bytes, manifest)) {
            for (String className : classes) {
                jar.putNextEntry(new ZipEntry(className.replace('.', '/') + ".class"));
                jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
