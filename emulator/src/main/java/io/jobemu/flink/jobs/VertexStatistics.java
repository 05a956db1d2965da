package io.jobemu.flink.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import java.util.Arrays;

/**
 * The statistics Flink's REST views compute over a set of values (subtask metrics, checkpoint sizes and durations).
 * Percentiles use commons-math's legacy estimation, which Flink's {@code Percentile} and histogram statistics use, so
 * the emulator's numbers have the real ones' rounding.
 */
final class VertexStatistics {

    private VertexStatistics() {
    }

    /**
     * The {@code quantile} (0..1) of {@code values}: position {@code q*(n+1)}, interpolated between its neighbours
     * and clamped to the ends. NaN when there are no values.
     */
    static double percentile(long[] values, double quantile) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.stream(values).asDoubleStream().sorted().toArray();
        double position = quantile * (sorted.length + 1);
        if (position < 1) {
            return sorted[0];
        }
        if (position >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        int lower = (int) Math.floor(position);
        double fraction = position - Math.floor(position);
        return sorted[lower - 1] + fraction * (sorted[lower] - sorted[lower - 1]);
    }

    /** Sum over count with integer division (Flink's {@code avg} of long statistics), 0 without values. */
    static long average(long[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).sum() / values.length;
    }

    static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /**
     * One entry of an {@code aggregated} block of vertex and task manager views ({@code AggregatedTaskDetailsInfo}):
     * all longs, in the key order Flink's hash map gives them.
     */
    static ObjectNode aggregated(long[] values) {
        return Json.object()
                .put("p25", (long) percentile(values, 0.25))
                .put("min", min(values))
                .put("avg", average(values))
                .put("median", (long) percentile(values, 0.5))
                .put("max", max(values))
                .put("sum", Arrays.stream(values).sum())
                .put("p95", (long) percentile(values, 0.95))
                .put("p75", (long) percentile(values, 0.75));
    }
}
