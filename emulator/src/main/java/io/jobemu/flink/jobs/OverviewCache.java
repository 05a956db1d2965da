package io.jobemu.flink.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.http.Json;
import java.util.function.LongFunction;

/**
 * The last rendered {@code GET /jobs/overview} body. Everything in it follows from the jobs' states and the clock, so
 * while no job was added or changed state and the clock reads the same millisecond (a manual clock between steps),
 * polls get the same bytes again instead of a rendering of every job.
 */
public final class OverviewCache {

    private final JobStore jobs;
    private final EmulatorClock clock;
    private byte[] body;
    private long version;
    private long renderedAt;

    public OverviewCache(JobStore jobs, EmulatorClock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The overview now: the kept bytes, or {@code render} applied to the current time, as JSON. */
    public synchronized byte[] body(LongFunction<ObjectNode> render) throws JsonProcessingException {
        long currentVersion = jobs.version();
        long now = clock.millis();
        if (body != null && version == currentVersion && renderedAt == now) {
            return body;
        }
        byte[] rendered = Json.MAPPER.writeValueAsBytes(render.apply(now));
        // keep it only if nothing moved while it was rendered, so a kept body is what a new rendering would give
        if (jobs.version() == currentVersion && clock.millis() == now) {
            body = rendered;
            version = currentVersion;
            renderedAt = now;
        }
        return rendered;
    }
}
