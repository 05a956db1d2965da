package io.jobemu.flink.jobs;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.ids.IdGenerator;
import io.jobemu.flink.TimingProfile;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every job the emulated cluster knows, running or archived. Thread-safe. */
public final class JobStore {

    /** 2.x order of /jobs/overview: newest start first, then by id. */
    private static final Comparator<FlinkJob> NEWEST_FIRST =
            Comparator.comparingLong(FlinkJob::startTime).reversed().thenComparing(FlinkJob::id);

    private final ConcurrentHashMap<String, FlinkJob> jobs = new ConcurrentHashMap<>();
    /** Counts submissions, state changes and resets: what views derived from every job's history depend on. */
    private final AtomicLong version = new AtomicLong();
    private final EmulatorClock clock;
    private final IdGenerator ids;
    private final TimingProfile timing;

    public JobStore(EmulatorClock clock, IdGenerator ids, TimingProfile timing) {
        this.clock = clock;
        this.ids = ids;
        this.timing = timing;
    }

    /**
     * Creates and starts a job. Returns empty when {@code spec.jobId()} is already taken (Flink refuses a
     * duplicate submission).
     */
    public Optional<FlinkJob> submit(JobSpec spec) {
        String id = spec.jobId() != null ? spec.jobId() : ids.hex32();
        List<JobVertex> vertices = !spec.vertices().isEmpty() ? spec.vertices()
                : JobVertex.graphOf(spec.behaviour().effectiveVertices(), spec.parallelism(), ids.hex32());
        JobCheckpoints checkpoints = new JobCheckpoints(spec.savepointPath() == null ? null
                : new JobCheckpoints.RestoredCheckpoint(1 + Math.floorMod(spec.savepointPath().hashCode(), 50),
                        clock.millis(), true, spec.savepointPath()));
        FlinkJob job = new FlinkJob(id, spec, vertices, clock, timing, checkpoints, version::incrementAndGet);
        if (jobs.putIfAbsent(id, job) != null) {
            return Optional.empty();
        }
        version.incrementAndGet();
        job.start();
        return Optional.of(job);
    }

    public Optional<FlinkJob> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** All jobs, newest first. */
    public List<FlinkJob> all() {
        List<FlinkJob> result = new ArrayList<>(jobs.values());
        result.sort(NEWEST_FIRST);
        return result;
    }

    /**
     * Changes whenever a job is added, changes state or the store is reset; while it stays the same, so do all the
     * jobs' state histories.
     */
    public long version() {
        return version.get();
    }

    public void reset() {
        jobs.clear();
        version.incrementAndGet();
    }
}
