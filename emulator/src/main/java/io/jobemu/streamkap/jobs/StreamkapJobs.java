package io.jobemu.streamkap.jobs;

import io.jobemu.core.ids.IdGenerator;
import io.jobemu.streamkap.fastapi.FastApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Streamkap jobs, in creation order, with their names unique (Streamkap refuses a second entity with a name).
 * Ids are MongoDB ObjectIds: creation second, a per-process random part and a counter. Thread-safe.
 */
public final class StreamkapJobs {

    private final Map<String, StreamkapJob> jobs = new LinkedHashMap<>();
    private final String processPart;
    private int counter;

    public StreamkapJobs(IdGenerator ids) {
        this.processPart = ids.hex(10);
        this.counter = Integer.parseInt(ids.hex(6), 16);
    }

    /** A fresh ObjectId for something created at {@code epochMillis}. */
    synchronized String newId(long epochMillis) {
        counter = (counter + 1) & 0xFFFFFF;
        return String.format("%08x%s%06x", epochMillis / 1000, processPart, counter);
    }

    /** Stores a new job; 409 when a job with its name exists. */
    synchronized StreamkapJob create(StreamkapJob.Definition definition) {
        boolean taken = jobs.values().stream().anyMatch(j -> j.definition().name().equals(definition.name()));
        if (taken) {
            throw FastApi.error(409, "Flink job with name '" + definition.name() + "' already exists");
        }
        StreamkapJob job = new StreamkapJob(definition);
        jobs.put(job.id(), job);
        return job;
    }

    public synchronized Optional<StreamkapJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** 404 when there is no job with this id. */
    public StreamkapJob require(String id) {
        return find(id).orElseThrow(() -> FastApi.error(404, "Flink job not found"));
    }

    /** Every job, oldest first. */
    public synchronized List<StreamkapJob> all() {
        return new ArrayList<>(jobs.values());
    }

    synchronized void remove(StreamkapJob job) {
        jobs.remove(job.id(), job);
    }

    public synchronized void reset() {
        jobs.clear();
    }
}
