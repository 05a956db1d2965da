package io.jobemu.contract.flows.jobserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.contract.flows.Expect;
import io.jobemu.contract.flows.Flow;
import io.jobemu.contract.flows.FlowContext;
import io.jobemu.contract.flows.ParameterSweep;
import io.jobemu.contract.flows.Probe;
import io.jobemu.contract.flows.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Drives spark-jobserver like a client: reads its lists, uploads a binary, creates a context, runs an asynchronous
 * job and polls it, runs a synchronous one and an ad-hoc one, starts a long job and kills it, stores and deletes a
 * data file, sends the documented error cases, sweeps the path parameters, and removes what it created. Every name
 * it creates carries a random suffix, so runs on a shared server do not collide. The jobs are the classic examples
 * of spark-jobserver's job-server-tests jar (WordCountExample, LongPiJob): give that jar with --job-jar when the
 * server is real; the emulator knows them by class name.
 */
public final class JobserverFlow implements Flow {

    private static final String WORD_COUNT = "spark.jobserver.WordCountExample";
    private static final String LONG_PI = "spark.jobserver.LongPiJob";
    /** Throws {@code IllegalArgumentException("Foobar")}: in job-server-tests and built into the emulator. */
    private static final String ERROR_JOB = "spark.jobserver.MyErrorJob";
    private static final String WORDS = "input.string = \"a b c a b\"";
    /** Operations whose path parameter names a thing to create: an "unknown" value would create it. */
    private static final Set<String> CREATE_BY_NAME = Set.of("uploadBinary", "createContext", "uploadData");
    private static final Set<String> ENDED = Set.of("FINISHED", "ERROR", "KILLED");
    /** How many jobs GET /jobs lists without a limit. */
    private static final int DEFAULT_LIMIT = 50;
    /** The real server's route test: deleting an unknown data file is a 400, not a 404. */
    private static final Map<String, Expect> SWEEP_ANSWERS = Map.of("deleteData [unknown filename]",
            Expect.status(400));

    private final Map<String, String> known = new LinkedHashMap<>();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private FlowContext ctx;

    /** The context list is a JSON array of names (behind authentication when the server has it on). */
    @Override
    public Probe probe() {
        return new Probe("/contexts", answer -> answer.status() == 200 && answer.json().isArray());
    }

    @Override
    public void run(FlowContext context) throws InterruptedException {
        this.ctx = context;
        ctx.section("lists", this::readLists);
        if (!ctx.writes()) {
            ctx.section("existing things", this::readExisting);
            ctx.section("sweep", () -> new ParameterSweep(ctx, known).run(CREATE_BY_NAME));
            return;
        }
        String[] binary = new String[1];
        String[] contextName = new String[1];
        ctx.section("binary", () -> binary[0] = uploadBinary());
        ctx.section("context", () -> contextName[0] = createContext());
        if (binary[0] != null && contextName[0] != null) {
            ctx.section("jobs", () -> jobs(binary[0], contextName[0]));
            ctx.section("job to kill", () -> jobToKill(binary[0], contextName[0]));
            ctx.section("submission errors", () -> submissionErrors(binary[0], contextName[0]));
        }
        ctx.section("data", this::data);
        ctx.section("sweep", () -> new ParameterSweep(ctx, known).run(CREATE_BY_NAME, SWEEP_ANSWERS));
        ctx.section("resets", this::resets);
    }

    private void readLists() throws InterruptedException {
        ctx.call("health").send();
        ctx.call("listBinaries").send();
        ctx.call("listContexts").send();
        ctx.call("listJobs").send();
        ctx.call("listJobs").as("finished, at most 5").query("status", "FINISHED").query("limit", 5).send();
        ctx.call("listJobs").as("malformed limit").query("limit", "many").expect(Expect.status(400)).send();
        ctx.call("listData").send();
    }

    /** Read-only: whatever the server already holds. */
    private void readExisting() throws InterruptedException {
        JsonNode binaries = ctx.call("listBinaries").as("pick one").send().json();
        if (binaries.fieldNames().hasNext()) {
            String name = binaries.fieldNames().next();
            known.put("appName", name);
            ctx.call("getBinary").path("appName", name).send();
        }
        JsonNode contexts = ctx.call("listContexts").as("pick one").send().json();
        if (!contexts.path(0).asText().isEmpty()) {
            known.put("contextName", contexts.path(0).asText());
            ctx.call("getContext").path("contextName", contexts.path(0).asText()).send();
        }
        JsonNode jobs = ctx.call("listJobs").as("pick one").send().json();
        String jobId = jobs.path(0).path("jobId").asText();
        if (!jobId.isEmpty()) {
            known.put("jobId", jobId);
            ctx.call("getJob").path("jobId", jobId).send();
            ctx.call("getJobConfig").path("jobId", jobId).expect(Expect.DECLARED).send();
        }
    }

    // ---- binaries ----------------------------------------------------------------------------------------

    private String uploadBinary() throws InterruptedException {
        String name = "jobemuContract" + suffix;
        ctx.call("uploadBinary").as("not a zip").path("appName", name)
                .body("application/java-archive", "not a jar").expect(Expect.status(400)).send();
        ctx.call("uploadBinary").as("unsupported type").path("appName", name)
                .body("text/plain", "not a jar").expect(Expect.status(415)).send();
        ctx.call("uploadBinary").path("appName", name).header("Content-Type", "application/java-archive")
                .bytes(jobJar()).send().require();
        known.put("appName", name);
        ctx.onCleanup("delete binary " + name, () -> ctx.call("deleteBinary").as("cleanup").path("appName", name)
                .expect(Expect.DECLARED).send());
        ctx.call("getBinary").path("appName", name).send();
        Result list = ctx.call("listBinaries").as("after upload").send().require();
        if (!list.json().has(name)) {
            throw list.unusable("/" + name, "the uploaded binary " + name, "not listed");
        }
        return name;
    }

    /** The user's job jar (--job-jar), or a minimal jar: the emulator knows the example jobs by class name. */
    private byte[] jobJar() {
        return ctx.options().jobJar().map(JobserverFlow::read).orElseGet(JobserverFlow::emptyJar);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the job jar " + file, e);
        }
    }

    private static byte[] emptyJar() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ---- contexts ----------------------------------------------------------------------------------------

    private String createContext() throws InterruptedException {
        String name = "jobemuContract" + suffix;
        ctx.call("createContext").path("contextName", name).query("num-cpu-cores", 1)
                .query("memory-per-node", "512m").send().require();
        known.put("contextName", name);
        ctx.onCleanup("stop context " + name, () -> ctx.call("deleteContext").as("cleanup")
                .path("contextName", name).expect(Expect.DECLARED).send());
        ctx.call("createContext").as("exists").path("contextName", name).expect(Expect.status(400)).send();
        ctx.call("createContext").as("name not starting with a letter").path("contextName", "1" + name)
                .expect(Expect.status(400)).send();
        ctx.call("getContext").path("contextName", name).send();
        Result list = ctx.call("listContexts").as("after create").send().require();
        boolean listed = false;
        for (JsonNode context : list.json()) {
            listed |= name.equals(context.asText());
        }
        if (!listed) {
            throw list.unusable("", "the context " + name, "not listed");
        }
        return name;
    }

    // ---- jobs --------------------------------------------------------------------------------------------

    private void jobs(String binary, String contextName) throws InterruptedException {
        String jobId = ctx.call("submitJob").as("async, legacy parameters").query("appName", binary)
                .query("classPath", WORD_COUNT).query("context", contextName).body("text/plain", WORDS)
                .expect(Expect.status(202)).send().require().text("/jobId");
        known.put("jobId", jobId);
        awaitJob(jobId, "until finished", "FINISHED");
        readJobLists("job finished", jobId, "FINISHED");
        ctx.call("getJobConfig").path("jobId", jobId).send();
        ctx.call("submitJob").as("sync").query("cp", binary).query("mainClass", WORD_COUNT)
                .query("context", contextName).query("sync", true).query("timeout", 60).body("text/plain", WORDS)
                .expect(Expect.status(200)).send().require();
        ctx.call("submitJob").as("sync, ad-hoc context").query("cp", binary).query("mainClass", WORD_COUNT)
                .query("sync", true).query("timeout", 60).body("text/plain", WORDS).expect(Expect.status(200))
                .send().require();
        ctx.call("listJobs").as("after jobs").send();
        syncError(binary, contextName);
    }

    /** A synchronous job that fails answers 200 with the error in place of the result, and is listed as ERROR. */
    private void syncError(String binary, String contextName) throws InterruptedException {
        Result failed = ctx.call("submitJob").as("sync, job fails").query("cp", binary).query("mainClass", ERROR_JOB)
                .query("context", contextName).query("sync", true).query("timeout", 60).body("text/plain", WORDS)
                .expect(Expect.status(200)).send().require();
        String status = failed.json().path("status").asText();
        if (!"ERROR".equals(status)) {
            throw failed.unusable("/status", "ERROR", status.isEmpty() ? "missing" : status);
        }
        String jobId = failed.text("/jobId");
        ctx.call("getJob").as("failed job").path("jobId", jobId).send();
        readJobLists("job failed", jobId, "ERROR");
    }

    /**
     * The job and context lists while they hold a job in the given state, unfiltered and filtered by it: both must
     * show the job so (unless a full page of newer jobs on a shared server leaves it out), and the filtered one
     * nothing else.
     */
    private void readJobLists(String label, String jobId, String state) throws InterruptedException {
        Result all = ctx.call("listJobs").as(label).send();
        all.shows("", "jobId", jobId, "status", state, all.json().size() >= DEFAULT_LIMIT);
        Result filtered = ctx.call("listJobs").as(label + ", only " + state).query("status", state).send();
        filtered.shows("", "jobId", jobId, "status", state, filtered.json().size() >= DEFAULT_LIMIT)
                .allHave("", "status", state);
        ctx.call("listContexts").as(label).send();
    }

    private Result awaitJob(String jobId, String label, String wanted) throws InterruptedException {
        Result result = ctx.poll(() -> ctx.call("getJob").as(label).path("jobId", jobId),
                r -> wanted.equals(r.json().path("status").asText())
                        || ENDED.contains(r.json().path("status").asText()),
                "job " + jobId + " to be " + wanted);
        if (!wanted.equals(result.json().path("status").asText())) {
            throw result.unusable("/status", wanted, result.json().path("status").asText());
        }
        return result;
    }

    private void jobToKill(String binary, String contextName) throws InterruptedException {
        String jobId = ctx.call("submitJob").as("long").query("cp", binary).query("mainClass", LONG_PI)
                .query("context", contextName).body("text/plain", "stress.test.longpijob.duration = 300")
                .expect(Expect.status(202)).send().require().text("/jobId");
        FlowContext.Cleanup cleanup = ctx.onCleanup("kill job " + jobId, () -> ctx.call("killJob").as("cleanup")
                .path("jobId", jobId).expect(Expect.DECLARED).send());
        awaitJob(jobId, "until running", "RUNNING");
        readJobLists("job running", jobId, "RUNNING");
        ctx.call("killJob").path("jobId", jobId).send().require();
        cleanup.disarm();
        awaitJob(jobId, "until killed", "KILLED");
        readJobLists("job killed", jobId, "KILLED");
        ctx.call("killJob").as("already killed").path("jobId", jobId).expect(Expect.status(404)).send();
    }

    private void submissionErrors(String binary, String contextName) throws InterruptedException {
        ctx.call("submitJob").as("unknown context").query("cp", binary).query("mainClass", WORD_COUNT)
                .query("context", "jobemuNoSuchContext" + suffix).body("text/plain", WORDS)
                .expect(Expect.status(404)).send();
        ctx.call("submitJob").as("unknown binary").query("appName", "jobemuNoSuchBinary" + suffix)
                .query("classPath", WORD_COUNT).query("context", contextName).body("text/plain", WORDS)
                .expect(Expect.status(404)).send();
        ctx.call("submitJob").as("unknown class").query("cp", binary).query("mainClass", "jobemu.NoSuchJob")
                .query("context", contextName).body("text/plain", WORDS).expect(Expect.status(404)).send();
        ctx.call("submitJob").as("config not HOCON").query("cp", binary).query("mainClass", WORD_COUNT)
                .query("context", contextName).body("text/plain", "input.string = [").expect(Expect.status(400))
                .send();
        ctx.call("submitJob").as("malformed sync").query("cp", binary).query("mainClass", WORD_COUNT)
                .query("context", contextName).query("sync", "perhaps").body("text/plain", WORDS)
                .expect(Expect.status(400)).send();
    }

    // ---- data --------------------------------------------------------------------------------------------

    private void data() throws InterruptedException {
        String fileName = ctx.call("uploadData").path("filename", "jobemuContract" + suffix)
                .body("application/octet-stream", "a b c\n").send().require().text("/result/filename");
        known.put("filename", fileName);
        FlowContext.Cleanup cleanup = ctx.onCleanup("delete data file " + fileName, () -> ctx.call("deleteData")
                .as("cleanup").path("filename", fileName).expect(Expect.DECLARED).send());
        Result listed = ctx.call("listData").as("after upload").send();
        if (listed.expectationMet() && !lists(listed.json(), fileName)) {
            ctx.flowFailure(listed, "", fileName + " listed", "not listed");
        }
        ctx.call("deleteData").path("filename", fileName).send().require();
        cleanup.disarm();
        Result after = ctx.call("listData").as("after delete").send();
        if (lists(after.json(), fileName)) {
            ctx.flowFailure(after, "", fileName + " gone", "still listed");
        }
        ctx.call("deleteData").as("already deleted").path("filename", fileName).expect(Expect.status(400))
                .send();
    }

    private static boolean lists(JsonNode names, String name) {
        for (JsonNode listed : names) {
            if (name.equals(listed.asText())) {
                return true;
            }
        }
        return false;
    }

    // ---- resets ------------------------------------------------------------------------------------------

    /** Each stops every context or deletes every data file, not only ours: only with --allow-shutdown. */
    private void resets() throws InterruptedException {
        if (!ctx.options().allowShutdown()) {
            ctx.notExercised("stops every context or deletes every data file (use --allow-shutdown)",
                    "resetContexts", "resetData");
            return;
        }
        ctx.call("resetContexts").as("no reset parameter").expect(Expect.status(404)).send();
        ctx.call("resetContexts").query("reset", "reboot").query("sync", true).send();
        ctx.call("resetData").query("reset", "reboot").send();
    }
}
