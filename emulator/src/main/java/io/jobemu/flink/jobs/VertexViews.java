package io.jobemu.flink.jobs;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JSON views of a job vertex and its subtasks, field for field as Flink 2.3 renders them. Build them under the job's
 * lock ({@link FlinkJob#inspect}) from {@link VertexAttempt}s.
 */
final class VertexViews {

    /** {@code status-duration} of a subtask: a per-state hash map in Flink, ordered like the others of its JVM. */
    private static final List<ExecutionState> STATUS_DURATION_ORDER = JobViews.TASK_STATE_ORDER.stream()
            .filter(VertexAttempt.TIMED_STATES::contains).toList();

    /** Keys of {@code aggregated.metrics}: a string-keyed hash map in Flink, so this order is stable. */
    private static final List<String> AGGREGATED_METRICS = List.of("write-records",
            "accumulated-backpressured-time", "accumulated-idle-time", "write-bytes", "read-bytes", "read-records",
            "accumulated-busy-time");

    /** Keys of {@code aggregated.status-duration}, likewise. */
    private static final List<ExecutionState> AGGREGATED_STATUS_DURATION = List.of(ExecutionState.CREATED,
            ExecutionState.RUNNING, ExecutionState.INITIALIZING, ExecutionState.SCHEDULED, ExecutionState.DEPLOYING);

    /** Flink's metric fetcher refreshes the store this often; back pressure is read from the store. */
    private static final long METRIC_FETCH_INTERVAL_MS = 10_000;

    private VertexViews() {
    }

    /** {@code GET /jobs/{jobid}/vertices/{vertexid}}. */
    static ObjectNode details(FlinkJob job, JobVertex vertex, List<VertexAttempt> attempts, long now) {
        ObjectNode io = ioMetrics(job, vertex, now);
        ObjectNode view = Json.object()
                .put("id", vertex.id())
                .put("name", vertex.name())
                .put("parallelism", vertex.parallelism())
                .put("maxParallelism", vertex.maxParallelism())
                .put("now", now);
        ArrayNode subtasks = view.putArray("subtasks");
        attempts.forEach(attempt -> subtasks.add(subtask(attempt, io, now)));
        view.set("aggregated", aggregated(attempts, io, now));
        return view;
    }

    /** A subtask's current (or a given) attempt: {@code /subtasks/{i}} and {@code /subtasks/{i}/attempts/{n}}. */
    static ObjectNode subtask(FlinkJob job, JobVertex vertex, VertexAttempt attempt, long now) {
        return subtask(attempt, ioMetrics(job, vertex, now), now);
    }

    /** {@code GET .../subtasktimes}. */
    static ObjectNode subtaskTimes(JobVertex vertex, List<VertexAttempt> attempts, long now) {
        ObjectNode view = Json.object().put("id", vertex.id()).put("name", vertex.name()).put("now", now);
        ArrayNode subtasks = view.putArray("subtasks");
        for (VertexAttempt attempt : attempts) {
            ObjectNode subtask = subtasks.addObject()
                    .put("subtask", attempt.subtask())
                    .put("endpoint", attempt.placement().endpoint())
                    .put("duration", attempt.durationSinceScheduled(now));
            ObjectNode timestamps = subtask.putObject("timestamps");
            JobViews.TASK_STATE_ORDER.forEach(s -> timestamps.put(s.name(), attempt.timestamp(s)));
        }
        return view;
    }

    /** {@code GET .../taskmanagers}: the subtasks grouped by the task manager they run on. */
    static ObjectNode taskManagers(FlinkJob job, JobVertex vertex, List<VertexAttempt> attempts, long now) {
        ObjectNode io = ioMetrics(job, vertex, now);
        // Flink groups in a hash map keyed by task manager id; iterate the same way.
        Map<String, List<VertexAttempt>> byTaskManager = new HashMap<>();
        attempts.forEach(a -> byTaskManager.computeIfAbsent(a.placement().taskManagerId(), id -> new ArrayList<>())
                .add(a));
        ObjectNode view = Json.object().put("id", vertex.id()).put("name", vertex.name()).put("now", now);
        ArrayNode taskManagers = view.putArray("taskmanagers");
        byTaskManager.forEach((taskManagerId, onTaskManager) ->
                taskManagers.add(taskManagerEntry(taskManagerId, onTaskManager, io, now)));
        return view;
    }

    /** {@code GET .../accumulators}: emulated jobs register no user accumulators. */
    static ObjectNode accumulators(JobVertex vertex) {
        ObjectNode view = Json.object().put("id", vertex.id());
        view.putArray("user-accumulators");
        return view;
    }

    /** {@code GET .../subtasks/accumulators}. */
    static ObjectNode subtaskAccumulators(JobVertex vertex, List<VertexAttempt> attempts) {
        ObjectNode view = Json.object().put("id", vertex.id()).put("parallelism", vertex.parallelism());
        ArrayNode subtasks = view.putArray("subtasks");
        for (VertexAttempt attempt : attempts) {
            subtasks.addObject()
                    .put("subtask", attempt.subtask())
                    .put("attempt", attempt.attempt())
                    .put("endpoint", attempt.placement().endpoint())
                    .putArray("user-accumulators");
        }
        return view;
    }

    /** {@code GET .../subtasks/{i}/attempts/{n}/accumulators}. */
    static ObjectNode attemptAccumulators(FlinkJob job, JobVertex vertex, VertexAttempt attempt) {
        ObjectNode view = Json.object()
                .put("subtask", attempt.subtask())
                .put("attempt", attempt.attempt())
                .put("id", executionAttemptId(job, vertex, attempt));
        view.putArray("user-accumulators");
        return view;
    }

    /**
     * {@code GET .../backpressure}, computed from the tasks' busy/idle/back-pressured time metrics. Until the
     * tasks have reported metrics (and for a vertex the job does not have) Flink answers {@code deprecated}.
     */
    static ObjectNode backPressure(FlinkJob job, JobVertex vertex, long now) {
        if (vertex == null || !VertexMetrics.reported(job)) {
            return Json.object().put("status", "deprecated");
        }
        long lastFetch = Math.max(job.vertexStartTime(), now - now % METRIC_FETCH_INTERVAL_MS);
        ObjectNode view = Json.object()
                .put("status", "ok")
                .put("backpressureLevel", "ok")
                .put("end-timestamp", lastFetch);
        ArrayNode subtasks = view.putArray("subtasks");
        for (int i = 0; i < vertex.parallelism(); i++) {
            Map<String, String> metrics = VertexMetrics.subtask(job, vertex, i);
            subtasks.addObject()
                    .put("subtask", i)
                    .put("backpressureLevel", "ok")
                    .put("ratio", perMille(metrics, "backPressuredTimeMsPerSecond"))
                    .put("idleRatio", perMille(metrics, "idleTimeMsPerSecond"))
                    .put("busyRatio", perMille(metrics, "busyTimeMsPerSecond"))
                    .put("backpressure-level", "ok");
        }
        view.put("backpressure-level", "ok");
        return view;
    }

    /** {@code GET .../watermarks}: each subtask's input watermark; a source task has none. */
    static ArrayNode watermarks(FlinkJob job, JobVertex vertex) {
        ArrayNode view = Json.array();
        for (int i = 0; i < vertex.parallelism(); i++) {
            String watermark = VertexMetrics.subtask(job, vertex, i).get("currentInputWatermark");
            if (watermark != null) {
                view.addObject().put("id", i + ".currentInputWatermark").put("value", watermark);
            }
        }
        return view;
    }

    private static ObjectNode subtask(VertexAttempt attempt, ObjectNode io, long now) {
        ObjectNode view = Json.object()
                .put("subtask", attempt.subtask())
                .put("status", attempt.state().name())
                .put("attempt", attempt.attempt())
                .put("endpoint", attempt.placement().endpoint())
                .put("start-time", attempt.startTime())
                .put("end-time", attempt.endTime())
                .put("duration", attempt.duration(now));
        view.set("metrics", io.deepCopy());
        view.put("taskmanager-id", attempt.placement().taskManagerId());
        ObjectNode durations = view.putObject("status-duration");
        Map<ExecutionState, Long> statusDurations = attempt.statusDurations(now);
        STATUS_DURATION_ORDER.forEach(s -> durations.put(s.name(), statusDurations.get(s)));
        view.put("start_time", attempt.startTime());
        return view;
    }

    private static ObjectNode taskManagerEntry(String taskManagerId, List<VertexAttempt> attempts, ObjectNode io,
                                               long now) {
        long start = attempts.stream().mapToLong(VertexAttempt::startTime).filter(t -> t > 0).min().orElse(-1);
        boolean allTerminal = attempts.stream().allMatch(VertexAttempt::terminal);
        long end = start < 0 || !allTerminal ? -1
                : attempts.stream().mapToLong(a -> a.timestamp(a.state())).max().orElse(-1);
        ExecutionState state = attempts.get(0).state();
        ObjectNode entry = Json.object()
                .put("endpoint", attempts.get(0).placement().endpoint())
                .put("status", state.name())
                .put("start-time", start)
                .put("end-time", end)
                .put("duration", start < 0 ? -1 : (end < 0 ? now : end) - start);
        entry.set("metrics", io.deepCopy());
        ObjectNode counts = entry.putObject("status-counts");
        JobViews.TASK_STATE_ORDER.forEach(s -> counts.put(s.name(), s == state ? attempts.size() : 0));
        entry.put("taskmanager-id", taskManagerId);
        entry.set("aggregated", aggregated(attempts, io, now));
        return entry;
    }

    /** Statistics over the subtasks' I/O metrics and state durations ({@code AggregatedTaskDetailsInfo}). */
    private static ObjectNode aggregated(List<VertexAttempt> attempts, ObjectNode io, long now) {
        ObjectNode aggregated = Json.object();
        ObjectNode metrics = aggregated.putObject("metrics");
        for (String name : AGGREGATED_METRICS) {
            long[] values = attempts.stream().mapToLong(a -> io.path(name).asLong()).toArray();
            metrics.set(name, VertexStatistics.aggregated(values));
        }
        ObjectNode durations = aggregated.putObject("status-duration");
        List<Map<ExecutionState, Long>> perSubtask = attempts.stream().map(a -> a.statusDurations(now)).toList();
        for (ExecutionState state : AGGREGATED_STATUS_DURATION) {
            long[] values = perSubtask.stream().mapToLong(d -> d.get(state)).toArray();
            durations.set(state.name(), VertexStatistics.aggregated(values));
        }
        return aggregated;
    }

    /**
     * The I/O metrics of one subtask. The job views report no traffic for a vertex, so each of its subtasks has the
     * same all-zero metrics, and sums over subtasks agree with the vertex's.
     */
    private static ObjectNode ioMetrics(FlinkJob job, JobVertex vertex, long now) {
        return (ObjectNode) JobViews.vertexSummary(job, vertex, now).get("metrics");
    }

    private static double perMille(Map<String, String> metrics, String name) {
        return Double.parseDouble(metrics.getOrDefault(name, "0")) / 1000.0;
    }

    /**
     * Flink's ExecutionAttemptID: {@code <execution graph id>_<vertex id>_<subtask>_<attempt>}. The execution graph
     * id is random in Flink; here it is derived from the job id, so it stays the same for the job's lifetime.
     */
    private static String executionAttemptId(FlinkJob job, JobVertex vertex, VertexAttempt attempt) {
        String graphId = UUID.nameUUIDFromBytes(("execution-graph-" + job.id()).getBytes(UTF_8)).toString()
                .replace("-", "");
        return graphId + "_" + vertex.id() + "_" + attempt.subtask() + "_" + attempt.attempt();
    }
}
