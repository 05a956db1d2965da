package io.jobemu.flink.jobs;

import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.core.http.Response;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.FlinkParams;
import io.jobemu.flink.cluster.MetricQueries;
import io.jobemu.flink.jobs.VertexRequest.MissingVertex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /jobs/{jobid}/vertices/{vertexid}/...}: a vertex, its subtasks and their metrics. The execution-graph
 * endpoints answer 404 for an unknown job or vertex; the metric endpoints, like Flink's, read a metric store and
 * answer an empty list instead, and back pressure answers {@code {"status":"deprecated"}}.
 */
public final class VertexHandlers {

    /** Flink's {@code FlameGraphTypeQueryParameter} values. */
    private enum FlameGraphType { FULL, ON_CPU, OFF_CPU }

    private final FlinkCluster cluster;

    public VertexHandlers(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    public Response details(Call call) throws Exception {
        return withAttempts(call, MissingVertex.NOT_FOUND,
                (job, vertex, attempts, now) -> VertexViews.details(job, vertex, attempts, now));
    }

    public Response accumulators(Call call) throws Exception {
        VertexRequest request = VertexRequest.of(call);
        JobVertex vertex = request.vertex(request.job(cluster.jobs()), MissingVertex.NO_SUCH_VERTEX);
        return FlinkErrors.json(200, VertexViews.accumulators(vertex));
    }

    public Response backPressure(Call call) throws Exception {
        VertexRequest request = VertexRequest.of(call);
        long now = now();
        Optional<FlinkJob> job = cluster.jobs().find(request.jobId());
        Object view = job.isEmpty() ? VertexViews.backPressure(null, null, now)
                : job.get().inspect(j -> VertexViews.backPressure(j, request.findVertex(j).orElse(null), now));
        return FlinkErrors.json(200, view);
    }

    /** Flame graphs are off by default ({@code rest.flamegraph.enabled}); Flink then answers -2 for any vertex. */
    public Response flameGraph(Call call) throws Exception {
        VertexRequest.of(call);
        Optional<String> type = call.query("type");
        if (type.isPresent()) {
            try {
                FlameGraphType.valueOf(type.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw FlinkErrors.badQueryParameter("type", type.get());
            }
        }
        FlinkParams.intQuery(call, "subtaskindex");
        return FlinkErrors.json(200, Json.object().put("endTimestamp", -2));
    }

    public Response jobManagerOperatorMetrics(Call call) throws Exception {
        Map<String, String> metrics = readMetrics(call, VertexMetrics::jobManagerOperator);
        return FlinkErrors.json(200, MetricQueries.component(call, metrics));
    }

    public Response metrics(Call call) throws Exception {
        return FlinkErrors.json(200, MetricQueries.component(call, readMetrics(call, VertexMetrics::vertex)));
    }

    public Response subtaskAccumulators(Call call) throws Exception {
        return withAttempts(call, MissingVertex.NO_SUCH_VERTEX,
                (job, vertex, attempts, now) -> VertexViews.subtaskAccumulators(vertex, attempts));
    }

    /** {@code ?get=&agg=&subtasks=}: statistics over the chosen subtasks' metrics. */
    public Response aggregatedSubtaskMetrics(Call call) throws Exception {
        VertexRequest request = VertexRequest.of(call);
        List<Map<String, String>> subtasks = cluster.jobs().find(request.jobId())
                .map(job -> job.inspect(j -> request.findVertex(j)
                        .map(vertex -> selectedSubtasks(call, j, vertex)).orElse(List.of())))
                .orElse(List.of());
        return FlinkErrors.json(200, MetricQueries.aggregated(call, subtasks));
    }

    public Response subtaskDetails(Call call) throws Exception {
        int index = FlinkParams.subtaskIndex(call);
        return withAttempts(call, MissingVertex.NO_SUCH_VERTEX, (job, vertex, attempts, now) ->
                VertexViews.subtask(job, vertex, subtask(vertex, attempts, index), now));
    }

    public Response subtaskAttemptDetails(Call call) throws Exception {
        int index = FlinkParams.subtaskIndex(call);
        int attempt = FlinkParams.intParameter(call, "attempt");
        return withAttempts(call, MissingVertex.NO_SUCH_VERTEX, (job, vertex, attempts, now) ->
                VertexViews.subtask(job, vertex, attempt(vertex, attempts, index, attempt), now));
    }

    public Response subtaskAttemptAccumulators(Call call) throws Exception {
        int index = FlinkParams.subtaskIndex(call);
        int attempt = FlinkParams.intParameter(call, "attempt");
        return withAttempts(call, MissingVertex.NO_SUCH_VERTEX, (job, vertex, attempts, now) ->
                VertexViews.attemptAccumulators(job, vertex, attempt(vertex, attempts, index, attempt)));
    }

    public Response subtaskMetrics(Call call) throws Exception {
        int index = FlinkParams.subtaskIndex(call);
        return FlinkErrors.json(200, MetricQueries.component(call,
                readMetrics(call, (job, vertex) -> VertexMetrics.subtask(job, vertex, index))));
    }

    public Response subtaskTimes(Call call) throws Exception {
        return withAttempts(call, MissingVertex.NO_SUCH_VERTEX,
                (job, vertex, attempts, now) -> VertexViews.subtaskTimes(vertex, attempts, now));
    }

    public Response taskManagers(Call call) throws Exception {
        return withAttempts(call, MissingVertex.NOT_FOUND,
                (job, vertex, attempts, now) -> VertexViews.taskManagers(job, vertex, attempts, now));
    }

    public Response watermarks(Call call) throws Exception {
        VertexRequest request = VertexRequest.of(call);
        FlinkJob job = request.job(cluster.jobs());
        return FlinkErrors.json(200, job.inspect(j ->
                VertexViews.watermarks(j, request.vertex(j, MissingVertex.NO_SUCH_VERTEX))));
    }

    /** Renders a view of the vertex's current subtask attempts, all read at one moment of the job. */
    private Response withAttempts(Call call, MissingVertex missing, AttemptsView view) {
        VertexRequest request = VertexRequest.of(call);
        FlinkJob job = request.job(cluster.jobs());
        int parallelism = request.vertex(job, missing).parallelism();
        // placements come from the task manager pool, which takes job locks itself: read them before ours
        List<VertexPlacement> placements = VertexPlacement.of(cluster.taskManagers(), job.id(), parallelism);
        long now = now();
        return FlinkErrors.json(200, job.inspect(j -> {
            JobVertex vertex = request.vertex(j, missing);
            return view.render(j, vertex, VertexAttempt.currentAttempts(j, vertex, placements), now);
        }));
    }

    /** A vertex's metric store ({@code reader}), or an empty one for an unknown job or vertex. */
    private Map<String, String> readMetrics(Call call, MetricReader reader) {
        VertexRequest request = VertexRequest.of(call);
        return cluster.jobs().find(request.jobId())
                .map(job -> job.inspect(j -> request.findVertex(j).map(v -> reader.read(j, v)).orElse(Map.of())))
                .orElse(Map.of());
    }

    /**
     * The metric stores of the subtasks {@code ?subtasks=} names ({@code 0-2,4}; all when absent). Like Flink, a
     * range that is not a number is skipped and a subtask named twice counts twice.
     */
    private static List<Map<String, String>> selectedSubtasks(Call call, FlinkJob job, JobVertex vertex) {
        List<String> ranges = MetricQueries.listQuery(call, "subtasks");
        List<Integer> indexes = new ArrayList<>();
        if (ranges.isEmpty()) {
            for (int i = 0; i < vertex.parallelism(); i++) {
                indexes.add(i);
            }
        }
        for (String range : ranges) {
            String trimmed = range.trim();
            int dash = trimmed.indexOf('-');
            try {
                int first = Integer.parseInt(dash < 0 ? trimmed : trimmed.substring(0, dash));
                int last = dash < 0 ? first : Integer.parseInt(trimmed.substring(dash + 1));
                // only existing subtasks count, so a range such as 0-2147483647 costs no more than the vertex
                for (int i = Math.max(first, 0); i <= Math.min(last, vertex.parallelism() - 1); i++) {
                    indexes.add(i);
                }
            } catch (NumberFormatException e) {
                // Flink logs and ignores a malformed range
            }
        }
        return indexes.stream().map(i -> VertexMetrics.subtask(job, vertex, i)).toList();
    }

    private static VertexAttempt subtask(JobVertex vertex, List<VertexAttempt> attempts, int index) {
        VertexRequest.checkSubtask(vertex, index);
        return attempts.get(index);
    }

    /**
     * The attempt asked for. Only the current attempt is kept: an earlier one gets the 404 Flink gives once an
     * attempt has left its execution history, a later or negative one Flink's "Invalid attempt num".
     */
    private static VertexAttempt attempt(JobVertex vertex, List<VertexAttempt> attempts, int index,
                                         int attemptNumber) {
        VertexAttempt current = subtask(vertex, attempts, index);
        if (attemptNumber == current.attempt()) {
            return current;
        }
        if (attemptNumber >= 0 && attemptNumber < current.attempt()) {
            throw FlinkErrors.restHandler(404, "Attempt " + attemptNumber + " not found in subtask "
                    + vertex.name() + " (" + (index + 1) + "/" + vertex.parallelism() + ")");
        }
        throw FlinkErrors.restHandler(404, "Invalid attempt num " + attemptNumber);
    }

    private long now() {
        return cluster.context().clock().millis();
    }

    @FunctionalInterface
    private interface AttemptsView {
        Object render(FlinkJob job, JobVertex vertex, List<VertexAttempt> attempts, long now);
    }

    @FunctionalInterface
    private interface MetricReader {
        Map<String, String> read(FlinkJob job, JobVertex vertex);
    }
}
