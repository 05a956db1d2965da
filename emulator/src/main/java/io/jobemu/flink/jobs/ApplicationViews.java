package io.jobemu.flink.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import java.util.EnumMap;
import java.util.Map;

/**
 * Views of session-mode applications, field for field as Flink 2.3 renders them. Each job is a SingleJobApplication
 * with the job's id, named after the job; everything about it derives from the job, read under the job's lock.
 */
public final class ApplicationViews {

    private ApplicationViews() {
    }

    /** {@code GET /applications/{applicationid}}. */
    public static ObjectNode details(FlinkJob job, long now) {
        return job.inspect(j -> {
            ApplicationState state = ApplicationState.of(j.status());
            ObjectNode view = head(j, state, now);
            ObjectNode timestamps = view.putObject("timestamps");
            Map<ApplicationState, Long> entered = timestamps(j, state);
            ApplicationState.TIMESTAMP_ORDER.forEach(s -> timestamps.put(s.name(), entered.get(s)));
            view.putArray("jobs").add(JobViews.overviewEntry(j, now));
            return view;
        });
    }

    /** An entry of {@code GET /applications/overview}: the jobs are counted per job state. */
    public static ObjectNode overviewEntry(FlinkJob job, long now) {
        return job.inspect(j -> {
            ApplicationState state = ApplicationState.of(j.status());
            ObjectNode view = Json.object()
                    .put("id", j.id())
                    .put("name", name(j))
                    .put("start-time", j.startTime())
                    .put("end-time", endTime(j, state))
                    .put("duration", duration(j, state, now))
                    .put("status", state.name());
            view.putObject("jobs").put(j.status().name(), 1);
            return view;
        });
    }

    private static ObjectNode head(FlinkJob job, ApplicationState state, long now) {
        return Json.object()
                .put("id", job.id())
                .put("name", name(job))
                .put("status", state.name())
                .put("start-time", job.startTime())
                .put("end-time", endTime(job, state))
                .put("duration", duration(job, state, now));
    }

    private static String name(FlinkJob job) {
        return "SingleJobApplication(" + job.name() + ")";
    }

    private static long endTime(FlinkJob job, ApplicationState state) {
        return state.isTerminal() ? job.endTime() : -1;
    }

    private static long duration(FlinkJob job, ApplicationState state, long now) {
        return (state.isTerminal() ? job.endTime() : now) - job.startTime();
    }

    /**
     * The application is created and starts running with its job; it ends when the job ends. CANCELING is when the
     * job started cancelling (or when it ended, if it was cancelled before it ran).
     */
    private static Map<ApplicationState, Long> timestamps(FlinkJob job, ApplicationState state) {
        Map<ApplicationState, Long> timestamps = new EnumMap<>(ApplicationState.class);
        for (ApplicationState s : ApplicationState.values()) {
            timestamps.put(s, 0L);
        }
        timestamps.put(ApplicationState.CREATED, job.startTime());
        timestamps.put(ApplicationState.RUNNING, job.startTime());
        long cancelling = job.timestamps().get(JobStatus.CANCELLING);
        switch (state) {
            case FINISHED -> timestamps.put(ApplicationState.FINISHED, job.endTime());
            case FAILED -> {
                timestamps.put(ApplicationState.FAILING, job.endTime());
                timestamps.put(ApplicationState.FAILED, job.endTime());
            }
            case CANCELING -> timestamps.put(ApplicationState.CANCELING, cancelling);
            case CANCELED -> {
                timestamps.put(ApplicationState.CANCELING, cancelling > 0 ? cancelling : job.endTime());
                timestamps.put(ApplicationState.CANCELED, job.endTime());
            }
            default -> { }
        }
        return timestamps;
    }
}
