package io.jobemu.hardening;

import static io.jobemu.hardening.SoakClient.expect;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.core.Namespaces;
import io.jobemu.core.state.TransitionTable;
import io.jobemu.flink.TimingProfile;
import io.jobemu.flink.jobs.JobStatus;
import io.jobemu.jobserver.runtime.ContextState;
import io.jobemu.jobserver.runtime.JobState;
import io.jobemu.streamkap.StreamkapCredentials;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import java.net.BindException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once on one server: in each of several namespaces (the default one included, reached by header or
 * by path prefix), Flink, spark-jobserver and Streamkap clients run whole job lifecycles in parallel and move the
 * namespace's clock under each other. Afterwards every job is accounted for with the state its lifecycle ends in,
 * ids are unique, every state machine took only legal transitions, and the journal holds exactly the requests sent.
 *
 * <p>The seed (which lifecycles, which parallelism) is random and printed; replay with {@code -Dsoak.seed=N}.
 * {@code -Dsoak.lifecycles=N} sets how many lifecycles each client runs.
 */
class ConcurrencySoakTest {

    private static final long SEED = Long.getLong("soak.seed", new SecureRandom().nextLong());
    private static final int LIFECYCLES = Integer.getInteger("soak.lifecycles", 5);
    private static final List<String> NAMESPACES = List.of(Namespaces.DEFAULT, "soak-1", "soak-2", "soak-3");
    /** Clients per namespace and API: 32 in all, each in its own thread. */
    private static final int FLINK_CLIENTS = 3;
    private static final int JOBSERVER_CLIENTS = 3;
    private static final int STREAMKAP_CLIENTS = 2;
    /**
     * The real server's 500 for {@code DELETE /jobs/{id}} of a job waiting in RESTARTING: its kill route has no case
     * for a job with an end time that is neither failed nor done (notes section 3.3).
     */
    private static final String KILL_OF_A_RESTARTING_JOB = "{\"status\":\"ERROR\",\"result\":\"Received an unexpected message\"}";
    private static final int RACERS = 8;
    private static final int RACE_OPERATIONS = 150;

    /** What one namespace's clients created, with the state each lifecycle must end in. */
    private record Ledger(Map<String, String> flinkJobs, Map<String, String> jobserverJobs, Set<String> contexts,
                          Map<String, String> streamkapJobs, AtomicInteger requests) {
        Ledger() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet(),
                    new ConcurrentHashMap<>(), new AtomicInteger());
        }
    }

    private Emulator emulator;

    @BeforeEach
    void start() throws BindException {
        System.out.println("[soak] seed " + SEED + " (replay with -Dsoak.seed=" + SEED + ")");
        emulator = Emulator.start(EmulatorConfig.forTests().withTiming(TimingProfile.REALISTIC).withSeed(SEED));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void parallelLifecyclesOnEveryApiLoseNothingAndTakeOnlyLegalTransitions() throws Exception {
        Map<String, Ledger> ledgers = new ConcurrentHashMap<>();
        List<Runnable> clients = new ArrayList<>();
        int client = 0;
        for (String namespace : NAMESPACES) {
            Ledger ledger = ledgers.computeIfAbsent(namespace, n -> new Ledger());
            for (int i = 0; i < FLINK_CLIENTS; i++, client++) {
                SoakClient http = new SoakClient(emulator.flinkUrl(), namespace, client % 2 == 1, ledger.requests());
                Random random = new Random(SEED + client);
                String name = "c" + client;
                clients.add(() -> flinkLifecycles(http, ledger, random, name));
            }
            for (int i = 0; i < JOBSERVER_CLIENTS; i++, client++) {
                SoakClient http = new SoakClient(emulator.jobserverUrl(), namespace, client % 2 == 1,
                        ledger.requests());
                Random random = new Random(SEED + client);
                String name = "c" + client;
                clients.add(() -> jobserverLifecycles(http, ledger, random, name));
            }
            for (int i = 0; i < STREAMKAP_CLIENTS; i++, client++) {
                SoakClient http = new SoakClient(emulator.streamkapUrl(), namespace, client % 2 == 1,
                        ledger.requests());
                Random random = new Random(SEED + client);
                String name = "c" + client;
                clients.add(() -> streamkapLifecycles(http, ledger, random, name));
            }
        }
        runAll(clients);

        Set<String> flinkIds = new HashSet<>();
        for (String namespace : NAMESPACES) {
            Ledger ledger = ledgers.get(namespace);
            assertJournalHoldsEveryRequest(namespace, ledger);
            flinkIds.addAll(assertFlinkJobs(namespace, ledger));
            assertJobserverJobsAndContexts(namespace, ledger);
            System.out.printf("[soak] %-8s %4d requests: %2d Flink, %2d jobserver (%d in own contexts), %2d Streamkap jobs%n",
                    namespace, ledger.requests().get(), ledger.flinkJobs().size(), ledger.jobserverJobs().size(),
                    ledger.contexts().size(), ledger.streamkapJobs().size());
        }
        int total = NAMESPACES.stream().mapToInt(n -> ledgers.get(n).flinkJobs().size()
                + ledgers.get(n).streamkapJobs().size()).sum();
        assertThat(flinkIds).as("Flink job ids are unique across namespaces").hasSize(total);
    }

    /**
     * Threads race operations on the same few jobs: cancel, stop, savepoints and checkpoints, forced states and the
     * clock on Flink; kills, context stops, forced driver states and new submissions on spark-jobserver. No request
     * may fail with a 500, and every job and context must still have taken only legal steps, ending in the state
     * its views report.
     */
    @Test
    void racingOperationsOnTheSameJobsKeepEveryStateMachineLegal() throws Exception {
        SoakClient flink = checker(emulator.flinkUrl(), "race");
        SoakClient jobserver = checker(emulator.jobserverUrl(), "race");
        List<String> flinkJobs = startFlinkJobs(flink, 6);
        List<String> contexts = List.of("race-a", "race-b", "race-c");
        List<String> jobserverJobs = startJobserverJobs(jobserver, contexts);
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Runnable> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Random random = new Random(SEED + 1000 + i);
            racers.add(() -> {
                for (int op = 0; op < RACE_OPERATIONS; op++) {
                    HttpResult result = random.nextBoolean()
                            ? raceFlink(flink, random, flinkJobs) : raceJobserver(jobserver, random, contexts,
                                    jobserverJobs);
                    if (result.status() >= 500 && !result.body().equals(KILL_OF_A_RESTARTING_JOB)) {
                        failures.add(result.status() + " " + RawHttp.abbreviate(result.body(), 300));
                    }
                }
            });
        }
        runAll(racers);

        assertThat(failures).as("500s while racing (seed %d)", SEED).isEmpty();
        flink.advance("PT1M");
        for (String job : flinkJobs) {
            JsonNode transitions = flink.get("/_emulator/flink/jobs/" + job + "/transitions").json();
            assertLegal(JobStatus.TRANSITIONS, JobStatus.class, JobStatus.INITIALIZING, transitions, "Flink job " + job);
            assertThat(flink.get("/jobs/" + job + "/status").json().path("status").asText())
                    .isEqualTo(transitions.path("state").asText());
        }
        for (String job : jobserverJobs) {
            assertLegal(JobState.TRANSITIONS, JobState.class, JobState.RUNNING,
                    jobserver.get("/_emulator/jobserver/jobs/" + job + "/transitions").json(), "jobserver job " + job);
        }
        for (String context : contexts) {
            assertLegal(ContextState.TRANSITIONS, ContextState.class, ContextState.STARTED,
                    jobserver.get("/_emulator/jobserver/contexts/" + context + "/transitions").json(),
                    "context " + context);
        }
    }

    private static List<String> startFlinkJobs(SoakClient flink, int count) {
        String entryClass = "race.Job";
        expect(flink.put("/_emulator/flink/behaviours/entry-classes/" + entryClass,
                "{\"outcome\":\"RUN\",\"checkpointInterval\":\"PT1S\"}"), 200);
        String filename = expect(flink.upload("/jars/upload", List.of(), "jarfile", "race.jar",
                TestJars.withMainClass(entryClass)), 200).json().path("filename").asText();
        String jarId = filename.substring(filename.lastIndexOf('/') + 1);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(expect(flink.post("/jars/" + jarId + "/run", "{\"parallelism\":2}"), 200).json().path("jobid")
                    .asText());
        }
        flink.advance("PT2S");
        return jobs;
    }

    private static List<String> startJobserverJobs(SoakClient jobserver, List<String> contexts) {
        expect(jobserver.send("POST", "/binaries/race", TestJars.withMainClass("race.Job"), "application/java-archive"),
                201);
        List<String> jobs = new CopyOnWriteArrayList<>();
        for (String context : contexts) {
            expect(jobserver.post("/contexts/" + context, ""), 200);
            for (int i = 0; i < 3; i++) {
                jobs.add(submit(jobserver, "/jobs?cp=race&mainClass=spark.jobserver.LongPiJob&context=" + context, ""));
            }
        }
        return jobs;
    }

    private static HttpResult raceFlink(SoakClient flink, Random random, List<String> jobs) {
        String job = "/jobs/" + jobs.get(random.nextInt(jobs.size()));
        return switch (random.nextInt(8)) {
            case 0 -> flink.patch(job + "?mode=cancel");
            case 1 -> flink.post(job + "/stop", "{\"drain\":" + random.nextBoolean() + "}");
            case 2 -> flink.post(job + "/savepoints", "{\"cancel-job\":" + random.nextBoolean() + "}");
            case 3 -> flink.post(job + "/checkpoints", "{}");
            case 4 -> flink.post("/_emulator/flink" + job + "/state?to="
                    + List.of("FAILED", "RESTARTING", "RUNNING", "SUSPENDED", "CANCELED").get(random.nextInt(5)), null);
            case 5 -> flink.advance("PT0.1S");
            case 6 -> flink.get("/jobs/overview");
            default -> flink.get(job + "/status");
        };
    }

    private static HttpResult raceJobserver(SoakClient jobserver, Random random, List<String> contexts,
                                            List<String> jobs) {
        String context = contexts.get(random.nextInt(contexts.size()));
        return switch (random.nextInt(6)) {
            case 0 -> jobserver.delete("/jobs/" + jobs.get(random.nextInt(jobs.size())));
            case 1 -> jobserver.delete("/contexts/" + context + (random.nextBoolean() ? "?force=true" : ""));
            case 2 -> jobserver.post("/_emulator/jobserver/contexts/" + context + "/state?to="
                    + List.of("KILLED", "ERROR", "RESTARTING", "RUNNING").get(random.nextInt(4)), null);
            case 3 -> {
                HttpResult submitted = jobserver.send("POST", "/jobs?cp=race&mainClass=spark.jobserver.LongPiJob"
                        + "&context=" + context, new byte[0], "text/plain");
                if (submitted.status() == 202) {
                    jobs.add(submitted.json().path("jobId").asText());
                }
                yield submitted;
            }
            case 4 -> jobserver.advance("PT0.5S");
            default -> jobserver.get("/jobs/" + jobs.get(random.nextInt(jobs.size())));
        };
    }

    // ---- lifecycles

    private enum FlinkPlan {
        CANCEL("{\"outcome\":\"RUN\",\"checkpointInterval\":\"PT1S\"}", "CANCELED"),
        STOP("{\"outcome\":\"RUN\"}", "FINISHED"),
        FINISH("{\"outcome\":\"FINISH\",\"after\":\"PT2S\"}", "FINISHED"),
        FAIL("{\"outcome\":\"FAIL\",\"after\":\"PT1S\",\"restarts\":1,\"restartInterval\":\"PT1S\"}", "FAILED");

        final String behaviour;
        final String finalState;

        FlinkPlan(String behaviour, String finalState) {
            this.behaviour = behaviour;
            this.finalState = finalState;
        }
    }

    /** Upload, run, then cancel after a savepoint, stop with one, or let the job finish or fail; delete the jar. */
    private static void flinkLifecycles(SoakClient flink, Ledger ledger, Random random, String client) {
        for (int i = 0; i < LIFECYCLES; i++) {
            FlinkPlan plan = FlinkPlan.values()[random.nextInt(FlinkPlan.values().length)];
            String entryClass = "soak." + client + ".Job" + i;
            expect(flink.put("/_emulator/flink/behaviours/entry-classes/" + entryClass, plan.behaviour), 200);
            String filename = expect(flink.upload("/jars/upload", List.of(), "jarfile", "soak.jar",
                    TestJars.withMainClass(entryClass)), 200).json().path("filename").asText();
            String jarId = filename.substring(filename.lastIndexOf('/') + 1);
            String job = expect(flink.post("/jars/" + jarId + "/run", "{\"parallelism\":" + (1 + random.nextInt(3))
                    + "}"), 200).json().path("jobid").asText();
            ledger.flinkJobs().put(job, plan.finalState);
            String status = "/jobs/" + job + "/status";
            if (plan == FlinkPlan.CANCEL || plan == FlinkPlan.STOP) {
                flink.awaitJson(status, node -> node.path("status").asText().equals("RUNNING"));
            }
            if (plan == FlinkPlan.CANCEL) {
                takeSavepoint(flink, job, "/savepoints", "{}");
                expect(flink.patch("/jobs/" + job + "?mode=cancel"), 202);
            } else if (plan == FlinkPlan.STOP) {
                takeSavepoint(flink, job, "/stop", "{\"drain\":false}");
            }
            flink.awaitJson(status, node -> node.path("status").asText().equals(plan.finalState));
            expect(flink.delete("/jars/" + jarId), 200);
        }
    }

    /**
     * Triggers a savepoint (or a stop with one) until one completes: as on a real cluster, one triggered before all
     * of a just started job's tasks run fails, and the job carries on.
     */
    private static void takeSavepoint(SoakClient flink, String job, String trigger, String body) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String id = expect(flink.post("/jobs/" + job + trigger, body), 202).json().path("request-id").asText();
            JsonNode done = flink.awaitJson("/jobs/" + job + "/savepoints/" + id,
                    node -> node.path("status").path("id").asText().equals("COMPLETED"));
            if (done.path("operation").has("location")) {
                return;
            }
            flink.advance("PT0.2S");
        }
        throw new AssertionError("no savepoint of job " + job + " completed");
    }

    private enum JobserverPlan { KILL_IN_CONTEXT, NO_OP, ERROR, WORD_COUNT, SHORT_PI }

    /**
     * Submit jobs of the built-in programs, ad hoc or into a context of the client's own that is stopped afterwards;
     * kill the long ones; finally delete the client's binary, which no running job uses any more.
     */
    private static void jobserverLifecycles(SoakClient jobserver, Ledger ledger, Random random, String client) {
        String binary = "soak-" + client;
        expect(jobserver.send("POST", "/binaries/" + binary, TestJars.withMainClass("soak.Job"),
                "application/java-archive"), 201);
        for (int i = 0; i < LIFECYCLES; i++) {
            JobserverPlan plan = JobserverPlan.values()[random.nextInt(JobserverPlan.values().length)];
            String cp = "/jobs?cp=" + binary + "&mainClass=spark.jobserver.";
            String context = "soak-" + client + "-" + i;
            String job = switch (plan) {
                case KILL_IN_CONTEXT -> {
                    expect(jobserver.post("/contexts/" + context, ""), 200);
                    ledger.contexts().add(context);
                    yield submit(jobserver, cp + "LongPiJob&context=" + context, "");
                }
                case NO_OP -> submit(jobserver, cp + "NoOpJob", "");
                case ERROR -> submit(jobserver, cp + "MyErrorJob", "");
                case WORD_COUNT -> submit(jobserver, cp + "WordCountExample", "input.string = a b c a");
                case SHORT_PI -> submit(jobserver, cp + "LongPiJob", "stress.test.longpijob.duration = 1");
            };
            String finalState = switch (plan) {
                case KILL_IN_CONTEXT -> "KILLED";
                case ERROR -> "ERROR";
                default -> "FINISHED";
            };
            ledger.jobserverJobs().put(job, finalState);
            if (plan == JobserverPlan.KILL_IN_CONTEXT) {
                expect(jobserver.delete("/jobs/" + job), 200);
            }
            jobserver.awaitJson("/jobs/" + job, node -> node.path("status").asText().equals(finalState));
            if (plan == JobserverPlan.KILL_IN_CONTEXT) {
                expect(jobserver.delete("/contexts/" + context), 200);
            }
        }
        expect(jobserver.delete("/binaries/" + binary), 200);
    }

    private static String submit(SoakClient jobserver, String pathAndQuery, String config) {
        return expect(jobserver.send("POST", pathAndQuery, config.getBytes(UTF_8),
                "text/plain"), 202).json().path("jobId").asText();
    }

    /** Sign in, deploy jars, wait for them to run, then cancel or stop them (with a savepoint). */
    private static void streamkapLifecycles(SoakClient streamkap, Ledger ledger, Random random, String client) {
        String token = expect(streamkap.post("/auth/access-token", "{\"client_id\":\""
                + StreamkapCredentials.DEFAULT.clientId() + "\",\"secret\":\"" + StreamkapCredentials.DEFAULT.secret()
                + "\"}"), 200).json().path("accessToken").asText();
        String[] auth = {"Authorization", "Bearer " + token};
        for (int i = 0; i < LIFECYCLES; i++) {
            String mainClass = "soak." + client + ".Stream" + i;
            String id = expect(streamkap.upload("/flink_jobs/jar", List.of(new String[] {"name", client + "-" + i},
                    new String[] {"main_class", mainClass}), "jar_file", "job.jar", TestJars.withMainClass(mainClass),
                    auth), 200).json().path("_id").asText();
            String status = "/flink_jobs/" + id + "/status";
            streamkap.awaitJson(status, node -> node.path("status").asText().equals("RUNNING"), auth);
            boolean cancel = random.nextBoolean();
            String finalStatus = cancel ? "CANCELLED" : "FINISHED";
            // a stop needs the job's tasks running, which a just deployed job's are not yet: retry, as a client would
            for (int attempt = 0; expect(streamkap.post("/flink_jobs/" + id + (cancel ? "/cancel" : "/stop"), null,
                    auth), 200, 409).status() == 409; attempt++) {
                assertThat(attempt).as("stopping Streamkap job %s", id).isLessThan(20);
                streamkap.advance("PT0.2S");
            }
            ledger.streamkapJobs().put(id, finalStatus);
            streamkap.awaitJson(status, node -> node.path("status").asText().equals(finalStatus)
                    && node.path("live_status").asText().equals(cancel ? "CANCELED" : "FINISHED"), auth);
        }
    }

    private static void runAll(List<Runnable> clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> futures = clients.stream().map(pool::submit).toList();
            List<String> failures = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    future.get(120, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(String.valueOf(e.getCause()));
                }
            }
            assertThat(failures).as("client failures (seed %d)", SEED).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- checks

    /**
     * The journal holds one entry per request, in order, each answered as the client saw: a success, or the 409 of
     * a Streamkap stop retried. Read before any other check, which would add entries.
     */
    private void assertJournalHoldsEveryRequest(String namespace, Ledger ledger) {
        JsonNode entries = checker(emulator.flinkUrl(), namespace).get("/_emulator/journal").json().path("entries");
        assertThat(entries.size()).as("journal entries of %s", namespace).isEqualTo(ledger.requests().get());
        long previous = -1;
        for (JsonNode entry : entries) {
            assertThat(entry.path("sequence").asLong()).isGreaterThan(previous);
            previous = entry.path("sequence").asLong();
            int status = entry.path("status").asInt();
            boolean stopRetry = status == 409 && entry.path("path").asText().matches("/flink_jobs/[^/]+/stop");
            assertThat(status >= 200 && status < 300 || stopRetry).as("answered as the client saw: %s", entry)
                    .isTrue();
        }
    }

    /** Every Flink job is one a client ran or Streamkap deployed, in its lifecycle's end state; returns the ids. */
    private Set<String> assertFlinkJobs(String namespace, Ledger ledger) {
        SoakClient flink = checker(emulator.flinkUrl(), namespace);
        SoakClient streamkap = checker(emulator.streamkapUrl(), namespace);
        Map<String, String> expected = new HashMap<>(ledger.flinkJobs());
        String token = expect(streamkap.post("/auth/access-token", "{\"client_id\":\""
                + StreamkapCredentials.DEFAULT.clientId() + "\",\"secret\":\"" + StreamkapCredentials.DEFAULT.secret()
                + "\"}"), 200).json().path("accessToken").asText();
        JsonNode listed = expect(streamkap.get("/flink_jobs?page_size=100", "Authorization", "Bearer " + token), 200)
                .json().path("result");
        Set<String> streamkapIds = new HashSet<>();
        for (JsonNode job : listed) {
            String id = job.path("_id").asText();
            assertThat(streamkapIds.add(id)).as("Streamkap id %s listed once", id).isTrue();
            assertThat(job.path("status").asText()).as("Streamkap job %s", id)
                    .isEqualTo(ledger.streamkapJobs().get(id));
            expected.put(job.path("flink_job_id").asText(),
                    job.path("status").asText().equals("CANCELLED") ? "CANCELED" : "FINISHED");
        }
        assertThat(streamkapIds).as("Streamkap jobs of %s", namespace).isEqualTo(ledger.streamkapJobs().keySet());

        Set<String> ids = new HashSet<>();
        for (JsonNode job : flink.get("/jobs/overview").json().path("jobs")) {
            String id = job.path("jid").asText();
            assertThat(ids.add(id)).as("Flink job %s listed once", id).isTrue();
            assertThat(job.path("state").asText()).as("Flink job %s", id).isEqualTo(expected.get(id));
            JsonNode transitions = flink.get("/_emulator/flink/jobs/" + id + "/transitions").json();
            assertLegal(JobStatus.TRANSITIONS, JobStatus.class, JobStatus.INITIALIZING, transitions, "Flink job " + id);
        }
        assertThat(ids).as("Flink jobs of %s", namespace).isEqualTo(expected.keySet());
        return ids;
    }

    /** Every jobserver job is one a client submitted, in its end state; its context's path is legal too. */
    private void assertJobserverJobsAndContexts(String namespace, Ledger ledger) {
        SoakClient jobserver = checker(emulator.jobserverUrl(), namespace);
        Set<String> ids = new HashSet<>();
        Set<String> contexts = new HashSet<>();
        for (JsonNode job : jobserver.get("/jobs?limit=100000").json()) {
            String id = job.path("jobId").asText();
            assertThat(ids.add(id)).as("jobserver job %s listed once", id).isTrue();
            assertThat(job.path("status").asText()).as("jobserver job %s", id)
                    .isEqualTo(ledger.jobserverJobs().get(id));
            assertLegal(JobState.TRANSITIONS, JobState.class, JobState.RUNNING,
                    jobserver.get("/_emulator/jobserver/jobs/" + id + "/transitions").json(), "jobserver job " + id);
            contexts.add(job.path("context").asText());
        }
        assertThat(ids).as("jobserver jobs of %s", namespace).isEqualTo(ledger.jobserverJobs().keySet());
        assertThat(contexts).containsAll(ledger.contexts());
        for (String context : contexts) {
            JsonNode transitions = jobserver.get("/_emulator/jobserver/contexts/" + context + "/transitions").json();
            assertLegal(ContextState.TRANSITIONS, ContextState.class, ContextState.STARTED, transitions,
                    "context " + context);
            if (ledger.contexts().contains(context)) {
                assertThat(transitions.path("state").asText()).as("stopped context %s", context).isEqualTo("FINISHED");
            }
        }
    }

    /**
     * The path starts in {@code initial}, each step leaves the state the previous one entered, along the table, at
     * a time no earlier than the previous step's, and ends in the state reported.
     */
    private static <S extends Enum<S>> void assertLegal(TransitionTable<S> table, Class<S> type, S initial,
                                                        JsonNode view, String subject) {
        S current = initial;
        Instant previousAt = Instant.EPOCH;
        for (JsonNode step : view.path("transitions")) {
            S from = Enum.valueOf(type, step.path("from").asText());
            S to = Enum.valueOf(type, step.path("to").asText());
            assertThat(from).as("%s: a step leaves the state the last one entered", subject).isEqualTo(current);
            assertThat(table.isLegal(from, to)).as("%s: %s -> %s is legal", subject, from, to).isTrue();
            Instant at = Instant.parse(step.path("at").asText());
            assertThat(at).as("%s: steps in time order", subject).isAfterOrEqualTo(previousAt);
            previousAt = at;
            current = to;
        }
        assertThat(current.name()).as("%s ends where it reports to be", subject).isEqualTo(view.path("state").asText());
    }

    private static SoakClient checker(String url, String namespace) {
        return new SoakClient(url, namespace, false, new AtomicInteger());
    }
}
