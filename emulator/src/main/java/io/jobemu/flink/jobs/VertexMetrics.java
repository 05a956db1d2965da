package io.jobemu.flink.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric store of a job's vertices as Flink's REST metric handlers read it: per subtask, the task's metrics and
 * those of each chained operator ({@code <operator>.<metric>}), values as strings. The names are a 2.3 task's
 * (captured from a real cluster). Emulated jobs move no records, so counters are 0, tasks are idle and no watermark
 * has arrived; that agrees with the all-zero I/O metrics of the job and vertex views. Subtasks report metrics once
 * they are deployed, and the store keeps them after the job ends, as Flink's does.
 */
final class VertexMetrics {

    /** Long.MIN_VALUE: the watermark of an input that has not seen one. */
    static final String NO_WATERMARK = String.valueOf(Long.MIN_VALUE);

    /** Flink shortens operator names to this length in metric scopes. */
    private static final int OPERATOR_NAME_MAX_LENGTH = 80;

    private static final List<String> TASK_METRICS = List.of(
            "Shuffle.Netty.Input.Buffers.inPoolUsage", "Shuffle.Netty.Input.Buffers.inputExclusiveBuffersUsage",
            "Shuffle.Netty.Input.Buffers.inputFloatingBuffersUsage", "Shuffle.Netty.Input.Buffers.inputQueueLength",
            "Shuffle.Netty.Input.Buffers.inputQueueSize", "Shuffle.Netty.Input.numBuffersInLocal",
            "Shuffle.Netty.Input.numBuffersInLocalPerSecond", "Shuffle.Netty.Input.numBuffersInRemote",
            "Shuffle.Netty.Input.numBuffersInRemotePerSecond", "Shuffle.Netty.Input.numBytesInLocal",
            "Shuffle.Netty.Input.numBytesInLocalPerSecond", "Shuffle.Netty.Input.numBytesInRemote",
            "Shuffle.Netty.Input.numBytesInRemotePerSecond", "Shuffle.Netty.Output.Buffers.outPoolUsage",
            "Shuffle.Netty.Output.Buffers.outputQueueLength", "Shuffle.Netty.Output.Buffers.outputQueueSize",
            "accumulateBackPressuredTimeMs", "accumulateBusyTimeMs", "accumulateIdleTimeMs",
            "backPressuredTimeMsPerSecond", "busyTimeMsPerSecond", "changelogBusyTimeMsPerSecond",
            "checkpointStartDelayNanos", "hardBackPressuredTimeMsPerSecond", "idleTimeMsPerSecond",
            "initializationTime", "isBackPressured", "mailboxLatencyMs_max", "mailboxLatencyMs_mean",
            "mailboxLatencyMs_median", "mailboxLatencyMs_min", "mailboxLatencyMs_p75", "mailboxLatencyMs_p90",
            "mailboxLatencyMs_p95", "mailboxLatencyMs_p98", "mailboxLatencyMs_p99", "mailboxLatencyMs_p999",
            "mailboxLatencyMs_stddev", "mailboxMailsPerSecond", "mailboxQueueSize", "maxHardBackPressureTimeMs",
            "maxSoftBackPressureTimeMs", "numBuffersInLocal", "numBuffersInLocalPerSecond", "numBuffersInRemote",
            "numBuffersInRemotePerSecond", "numBuffersOut", "numBuffersOutPerSecond", "numBytesIn",
            "numBytesInLocal", "numBytesInLocalPerSecond", "numBytesInPerSecond", "numBytesInRemote",
            "numBytesInRemotePerSecond", "numBytesOut", "numBytesOutPerSecond", "numFiredTimers",
            "numFiredTimersPerSecond", "numRecordsIn", "numRecordsInPerSecond", "numRecordsOut",
            "numRecordsOutPerSecond", "softBackPressuredTimeMsPerSecond");

    private static final List<String> OPERATOR_METRICS = List.of("numRecordsIn", "numRecordsInPerSecond",
            "numRecordsOut", "numRecordsOutPerSecond", "numBytesIn", "numBytesInPerSecond", "numBytesOut",
            "numBytesOutPerSecond", "currentOutputWatermark");

    private static final List<String> SOURCE_OPERATOR_METRICS = List.of("numRecordsInErrors",
            "currentEmitEventTimeLag", "sourceIdleTime");

    /** An idle task: all its time is idle time. */
    private static final Map<String, String> TASK_VALUES = Map.of("isBackPressured", "false",
            "idleTimeMsPerSecond", "1000.0");

    private VertexMetrics() {
    }

    /** Whether the job's tasks have registered their metrics: once deployed. Call under the job's lock. */
    static boolean reported(FlinkJob job) {
        return job.vertexStartTime() >= 0;
    }

    /** Subtask {@code subtask}'s metrics by name; empty when it reported none or has no such subtask. */
    static Map<String, String> subtask(FlinkJob job, JobVertex vertex, int subtask) {
        Map<String, String> metrics = new HashMap<>();
        if (!reported(job) || subtask >= vertex.parallelism()) {
            return metrics;
        }
        for (String name : TASK_METRICS) {
            metrics.put(name, TASK_VALUES.getOrDefault(name, initialValue(name)));
        }
        boolean source = isSource(job, vertex);
        if (!source) {
            metrics.put("currentInputWatermark", NO_WATERMARK);
        }
        List<String> operators = operatorNames(vertex);
        for (int i = 0; i < operators.size(); i++) {
            String prefix = operators.get(i) + ".";
            OPERATOR_METRICS.forEach(name -> metrics.put(prefix + name, initialValue(name)));
            if (source && i == 0) {
                SOURCE_OPERATOR_METRICS.forEach(name -> metrics.put(prefix + name, "0"));
            } else {
                metrics.put(prefix + "currentInputWatermark", NO_WATERMARK);
            }
        }
        return metrics;
    }

    /** The vertex's store: every subtask's metrics as {@code <subtask>.<name>}. */
    static Map<String, String> vertex(FlinkJob job, JobVertex vertex) {
        Map<String, String> metrics = new HashMap<>();
        for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
            String prefix = subtask + ".";
            subtask(job, vertex, subtask).forEach((name, value) -> metrics.put(prefix + name, value));
        }
        return metrics;
    }

    /** Metrics of the vertex's operator coordinator on the job manager: a source's split enumerator. */
    static Map<String, String> jobManagerOperator(FlinkJob job, JobVertex vertex) {
        Map<String, String> metrics = new HashMap<>();
        if (reported(job) && isSource(job, vertex)) {
            metrics.put(scopeName(vertex.name()) + ".coordinator.enumerator.unassignedSplits", "0");
        }
        return metrics;
    }

    /** The first vertex of an emulated job is its source. */
    static boolean isSource(FlinkJob job, JobVertex vertex) {
        return job.vertices().get(0).equals(vertex);
    }

    private static List<String> operatorNames(JobVertex vertex) {
        List<String> names = new ArrayList<>();
        for (String operator : vertex.name().split(" -> ")) {
            String shortened = operator.length() > OPERATOR_NAME_MAX_LENGTH
                    ? operator.substring(0, OPERATOR_NAME_MAX_LENGTH) : operator;
            names.add(scopeName(shortened));
        }
        return names;
    }

    /** Flink's metric query service replaces space, '.', ':' and ',' in scope components with '_'. */
    private static String scopeName(String name) {
        return name.replaceAll("[ .:,]", "_");
    }

    private static String initialValue(String name) {
        if (name.endsWith("PerSecond") || name.contains("Usage") || name.startsWith("mailboxLatencyMs")) {
            return "0.0";
        }
        return name.endsWith("Watermark") ? NO_WATERMARK : "0";
    }
}
