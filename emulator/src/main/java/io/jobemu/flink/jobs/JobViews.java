package io.jobemu.flink.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON views of jobs, field for field as Flink 2.3 renders them. Flink serialises its per-state maps from hash
 * maps keyed by enum constants, so their key order is neither alphabetical nor the declaration order; the two
 * orders below are what the captured 2.3.0 server sent, in every response.
 */
public final class JobViews {

    /** Key order of {@code timestamps} in job details. */
    public static final List<JobStatus> TIMESTAMP_ORDER = List.of(JobStatus.INITIALIZING, JobStatus.RECONCILING,
            JobStatus.FAILING, JobStatus.CANCELED, JobStatus.RESTARTING, JobStatus.CREATED, JobStatus.RUNNING,
            JobStatus.FAILED, JobStatus.CANCELLING, JobStatus.FINISHED, JobStatus.SUSPENDED);

    /** Key order of per-ExecutionState task counts ({@code tasks}, {@code status-counts}). */
    public static final List<ExecutionState> TASK_STATE_ORDER = List.of(ExecutionState.CANCELING,
            ExecutionState.SCHEDULED, ExecutionState.RUNNING, ExecutionState.FAILED, ExecutionState.DEPLOYING,
            ExecutionState.FINISHED, ExecutionState.INITIALIZING, ExecutionState.CANCELED, ExecutionState.RECONCILING,
            ExecutionState.CREATED);

    /** Between the operators of a chained vertex's name; compiled once, as String.split would per call. */
    private static final Pattern CHAIN_SEPARATOR = Pattern.compile(" -> ", Pattern.LITERAL);

    /** Key order of the lower-case task counts in {@code /jobs/overview}. */
    private static final List<ExecutionState> OVERVIEW_TASK_ORDER = List.of(ExecutionState.RUNNING,
            ExecutionState.CANCELING, ExecutionState.CANCELED, ExecutionState.CREATED, ExecutionState.SCHEDULED,
            ExecutionState.DEPLOYING, ExecutionState.RECONCILING, ExecutionState.FINISHED,
            ExecutionState.INITIALIZING, ExecutionState.FAILED);

    private JobViews() {
    }

    /** {@code GET /jobs/{jobid}/checkpoints} of the job, for in-process callers. */
    public static ObjectNode checkpointStatistics(FlinkJob job, long now) {
        return job.inspect(j -> CheckpointViews.statistics(j, now));
    }

    /**
     * {@code GET /jobs/{jobid}}. A job without an execution graph yet (or that ended without one) is sparse: no
     * application id, scheduler, vertices or plan.
     */
    public static ObjectNode details(FlinkJob job, long now) {
        return job.inspect(j -> {
            boolean sparse = !j.hasExecutionGraph();
            ObjectNode view = Json.object()
                    .put("jid", j.id())
                    .put("application-id", sparse ? null : j.id())
                    .put("name", j.name())
                    .put("isStoppable", false)
                    .put("state", j.status().name())
                    .put("job-type", jobType(j))
                    .put("schedulerType", schedulerType(j))
                    .put("start-time", j.startTime())
                    .put("end-time", j.endTime())
                    .put("duration", duration(j, now))
                    .put("maxParallelism", -1)
                    .put("now", now);
            ObjectNode timestamps = view.putObject("timestamps");
            Map<JobStatus, Long> entered = j.timestamps();
            TIMESTAMP_ORDER.forEach(s -> timestamps.put(s.name(), entered.get(s)));
            ArrayNode vertices = view.putArray("vertices");
            int[] statusCounts = new int[ExecutionState.values().length];
            if (!sparse) {
                for (JobVertex vertex : j.vertices()) {
                    ExecutionState state = j.executionState(vertex);
                    statusCounts[state.ordinal()]++;
                    vertices.add(vertexSummary(j, vertex, now));
                }
            }
            ObjectNode counts = view.putObject("status-counts");
            TASK_STATE_ORDER.forEach(s -> counts.put(s.name(), statusCounts[s.ordinal()]));
            view.set("plan", plan(j, sparse));
            view.put("pending-operators", 0);
            return view;
        });
    }

    /** One entry of {@code vertices} in job details (also the head of {@code /vertices/{vertexid}} views). */
    public static ObjectNode vertexSummary(FlinkJob job, JobVertex vertex, long now) {
        ExecutionState state = job.executionState(vertex);
        long start = job.vertexStartTime();
        long end = start < 0 || !job.status().isGloballyTerminal() ? -1 : job.endTime();
        boolean terminal = job.status().isGloballyTerminal();
        ObjectNode view = Json.object()
                .put("id", vertex.id())
                .put("slotSharingGroupId", vertex.slotSharingGroupId())
                .put("name", vertex.name())
                .put("maxParallelism", vertex.maxParallelism())
                .put("parallelism", vertex.parallelism())
                .put("status", state.name())
                .put("start-time", start)
                .put("end-time", end)
                .put("duration", start < 0 ? -1 : (end < 0 ? now : end) - start);
        ObjectNode tasks = view.putObject("tasks");
        TASK_STATE_ORDER.forEach(s -> tasks.put(s.name(), s == state ? vertex.parallelism() : 0));
        view.putObject("metrics")
                .put("read-bytes", 0)
                .put("read-bytes-complete", terminal)
                .put("write-bytes", 0)
                .put("write-bytes-complete", terminal)
                .put("read-records", 0)
                .put("read-records-complete", terminal)
                .put("write-records", 0)
                .put("write-records-complete", terminal)
                .put("accumulated-backpressured-time", 0)
                .put("accumulated-idle-time", 0)
                .put("accumulated-busy-time", 0.0);
        return view;
    }

    /** An entry of {@code GET /jobs/overview}. */
    public static ObjectNode overviewEntry(FlinkJob job, long now) {
        return job.inspect(j -> {
            ObjectNode view = Json.object()
                    .put("jid", j.id())
                    .put("name", j.name())
                    .put("jobType", jobType(j))
                    .put("schedulerType", schedulerType(j))
                    .put("start-time", j.startTime())
                    .put("end-time", j.endTime())
                    .put("duration", duration(j, now))
                    .put("state", j.status().name())
                    .put("last-modification", j.lastModification());
            int[] counts = new int[ExecutionState.values().length];
            int total = 0;
            if (j.hasExecutionGraph()) {
                for (JobVertex vertex : j.vertices()) {
                    counts[j.executionState(vertex).ordinal()] += vertex.parallelism();
                    total += vertex.parallelism();
                }
            }
            ObjectNode tasks = view.putObject("tasks");
            for (ExecutionState state : OVERVIEW_TASK_ORDER) {
                tasks.put(state.name().toLowerCase(Locale.ROOT), counts[state.ordinal()]);
                if (state == ExecutionState.CANCELED) {
                    tasks.put("total", total);
                }
            }
            view.put("pending-operators", 0);
            return view;
        });
    }

    /**
     * The job plan: nodes sink first, each chained operator on its own line of the description, every node but
     * the source reading from the one before it.
     */
    public static ObjectNode plan(FlinkJob job, boolean sparse) {
        return sparse ? plan("", "", "", List.of()) : plan(job.id(), job.name(), jobType(job), job.vertices());
    }

    /** A plan of {@code vertices} (topological order), also used for a jar's plan before any job exists. */
    public static ObjectNode plan(String jid, String name, String type, List<JobVertex> vertices) {
        ObjectNode plan = Json.object()
                .put("jid", jid)
                .put("name", name)
                .put("type", type);
        ArrayNode nodes = plan.putArray("nodes");
        for (int i = vertices.size() - 1; i >= 0; i--) {
            JobVertex vertex = vertices.get(i);
            ObjectNode node = nodes.addObject()
                    .put("id", vertex.id())
                    .put("operator", "")
                    .put("parallelism", vertex.parallelism())
                    .put("operator_strategy", "")
                    .put("description", chainDescription(vertex.name()));
            node.putObject("optimizer_properties");
            if (i > 0) {
                node.putArray("inputs").addObject()
                        .put("id", vertices.get(i - 1).id())
                        .put("num", 0)
                        .put("exchange", "pipelined_bounded")
                        .put("ship_strategy", "HASH");
            }
        }
        return plan;
    }

    public static String jobType(FlinkJob job) {
        return job.spec().jobType();
    }

    /** The scheduler that runs the job; null (JSON null) while it has none. */
    private static String schedulerType(FlinkJob job) {
        return job.hasExecutionGraph() ? "Default" : null;
    }

    /** Run time so far, or total run time once the job is over. */
    public static long duration(FlinkJob job, long now) {
        return (job.endTime() < 0 ? now : job.endTime()) - job.startTime();
    }

    /** "Source: a -> b" becomes "Source: a<br/>+- b<br/>", each further operator indented three more spaces. */
    private static String chainDescription(String vertexName) {
        String[] operators = CHAIN_SEPARATOR.split(vertexName);
        StringBuilder description = new StringBuilder(operators[0]).append("<br/>");
        for (int i = 1; i < operators.length; i++) {
            description.append("   ".repeat(i - 1)).append("+- ").append(operators[i]).append("<br/>");
        }
        return description.toString();
    }
}
