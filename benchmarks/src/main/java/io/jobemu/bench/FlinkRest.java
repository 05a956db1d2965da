package io.jobemu.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Flink REST calls the benchmarks make, against either server: upload, run, poll, cancel. Both servers answer
 * them the same way, which is the point of the emulator.
 */
final class FlinkRest {

    static final String STREAMING_JOB = "io.jobemu.bench.job.StreamingJob";
    static final String BATCH_JOB = "io.jobemu.bench.job.BatchJob";
    static final String CHECKPOINTED_JOB = "io.jobemu.bench.job.CheckpointedJob";

    private static final long POLL_MILLIS = 5;
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(60);

    private final Http http;
    private final String base;
    private final byte[] jobJar;

    FlinkRest(Http http, String base, byte[] jobJar) {
        this.http = http;
        this.base = base;
        this.jobJar = jobJar;
    }

    String base() {
        return base;
    }

    /** Uploads the job jar; returns its jar id. */
    String uploadJar() {
        return Path.of(uploadJarFile()).getFileName().toString();
    }

    /** Uploads the job jar; returns the absolute path the server stored it at. */
    String uploadJarFile() {
        return http.upload(base + "/jars/upload", "bench-job.jar", jobJar).expect(200).field("filename");
    }

    void deleteJar(String jarId) {
        http.delete(base + "/jars/" + jarId).expect(200);
    }

    /** Runs {@code entryClass} from the jar with parallelism 1 (one slot on either server); returns the job id. */
    String run(String jarId, String entryClass) {
        String body = "{\"entryClass\":\"" + entryClass + "\",\"parallelism\":1}";
        return http.post(base + "/jars/" + jarId + "/run", body).expect(200).field("jobid");
    }

    void cancel(String jobId) {
        http.patch(base + "/jobs/" + jobId + "?mode=cancel").expect(202);
    }

    /** What a client polls to follow a job. */
    enum Poll {
        /** {@code GET /jobs/{id}}, field {@code state}: what dashboards read; the real Flink caches it. */
        DETAILS("", "state"),
        /** {@code GET /jobs/{id}/status}, field {@code status}: what Flink's own client polls. */
        STATUS("/status", "status");

        private final String suffix;
        private final String field;

        Poll(String suffix, String field) {
            this.suffix = suffix;
            this.field = field;
        }

        String path() {
            return "GET /jobs/{id}" + suffix;
        }
    }

    /** Polls the job, 5 ms apart, until it is in {@code state}. */
    void awaitState(String jobId, String state, Poll poll) {
        long deadline = System.nanoTime() + POLL_TIMEOUT.toNanos();
        while (!state.equals(http.get(base + "/jobs/" + jobId + poll.suffix).expect(200).field(poll.field))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + jobId + " not " + state + " within " + POLL_TIMEOUT);
            }
            ServerProcess.sleep(POLL_MILLIS);
        }
    }

    /** The id of the job's first vertex. */
    String firstVertex(String jobId) {
        String details = http.get(base + "/jobs/" + jobId).expect(200).body();
        int vertices = details.indexOf("\"vertices\"");
        return new Http.Reply(200, details.substring(vertices)).field("id");
    }

    /** The steps of one client cycle, in milliseconds. */
    record Cycle(double upload, double run, double untilRunning, double cancel, double untilCanceled) {

        static final List<String> STEPS = List.of("upload", "run", "poll until RUNNING", "cancel",
                "poll until CANCELED");

        double total() {
            return upload + run + untilRunning + cancel + untilCanceled;
        }

        List<Double> steps() {
            return List.of(upload, run, untilRunning, cancel, untilCanceled);
        }
    }

    /**
     * One full client cycle: upload, run, poll until RUNNING, cancel, poll until CANCELED. The jar is deleted
     * afterwards, untimed, so that any number of cycles stays within the servers' jar stores.
     */
    Cycle lifecycle(Poll poll) {
        long started = System.nanoTime();
        String jarId = uploadJar();
        long uploaded = System.nanoTime();
        String jobId = run(jarId, STREAMING_JOB);
        long ran = System.nanoTime();
        awaitState(jobId, "RUNNING", poll);
        long running = System.nanoTime();
        cancel(jobId);
        long cancelled = System.nanoTime();
        awaitState(jobId, "CANCELED", poll);
        long ended = System.nanoTime();
        deleteJar(jarId);
        return new Cycle(millis(started, uploaded), millis(uploaded, ran), millis(ran, running),
                millis(running, cancelled), millis(cancelled, ended));
    }

    private static double millis(long from, long to) {
        return (to - from) / 1e6;
    }

    /** Tells the emulator what the benchmark's entry classes do (the streaming job keeps the default: run). */
    void defineEmulatorBehaviours() {
        http.put(base + "/_emulator/flink/behaviours/entry-classes/" + BATCH_JOB,
                "{\"outcome\":\"FINISH\",\"after\":\"PT0S\"}").expect(200);
        http.put(base + "/_emulator/flink/behaviours/entry-classes/" + CHECKPOINTED_JOB,
                "{\"outcome\":\"RUN\",\"checkpointInterval\":\"PT10S\"}").expect(200);
    }
}
