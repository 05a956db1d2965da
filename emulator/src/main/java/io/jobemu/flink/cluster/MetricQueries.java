package io.jobemu.flink.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Call;
import io.jobemu.core.http.Json;
import io.jobemu.flink.FlinkErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Flink's metric query endpoints over emulated metric stores (one {@code name -> value} map per component).
 *
 * <p>Order matters to clients that compare bodies: Flink lists available metrics, and answers {@code ?get=} on one
 * component, in the iteration order of a {@link HashSet} of the names, which the captures of a real 2.3 cluster
 * match exactly. Aggregations come back in the order requested.
 */
public final class MetricQueries {

    /** Flink's {@code AggregationMode}s, in the order {@code AggregatedMetric} serialises them. */
    private enum Aggregation { MIN, MAX, AVG, SUM, SKEW }

    private MetricQueries() {
    }

    /**
     * One component ({@code /jobmanager/metrics}, {@code /taskmanagers/{id}/metrics}, ...): without {@code get} the
     * available names as {@code [{"id"}]}, with it {@code [{"id","value"}]} for the requested names that exist.
     */
    public static ArrayNode component(Call call, Map<String, String> metrics) {
        List<String> requested = listQuery(call, "get");
        ArrayNode result = Json.array();
        if (requested.isEmpty()) {
            hashOrder(metrics.keySet()).forEach(name -> result.addObject().put("id", name));
            return result;
        }
        hashOrder(requested).stream().filter(metrics::containsKey)
                .forEach(name -> result.addObject().put("id", name).put("value", metrics.get(name)));
        return result;
    }

    /**
     * The aggregating endpoints ({@code /taskmanagers/metrics}, {@code /jobs/metrics}): without {@code get} the
     * union of the names; with it min/max/avg/sum/skew (or the {@code agg} subset) per requested metric over the
     * components that have it. Like Flink, a non-numeric metric is skipped, and a requested metric that no
     * component has empties the whole answer.
     */
    public static ArrayNode aggregated(Call call, Collection<Map<String, String>> components) {
        Set<Aggregation> aggregations = aggregations(call);
        List<String> requested = listQuery(call, "get");
        ArrayNode result = Json.array();
        if (requested.isEmpty()) {
            Set<String> names = new HashSet<>();
            components.forEach(component -> names.addAll(component.keySet()));
            hashOrder(names).forEach(name -> result.addObject().put("id", name));
            return result;
        }
        for (String name : requested) {
            List<String> raw = components.stream().map(c -> c.get(name)).filter(v -> v != null).toList();
            if (raw.isEmpty()) {
                return Json.array();
            }
            double[] values = numeric(raw);
            if (values != null) {
                result.add(aggregate(name, values, aggregations));
            }
        }
        return result;
    }

    /** A comma-separated list query parameter; repeated parameters count as one list, as in Flink. */
    public static List<String> listQuery(Call call, String name) {
        List<String> values = call.queryAll(name);
        if (values.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(String.join(",", values).split(",", -1));
    }

    private static Set<Aggregation> aggregations(Call call) {
        List<String> requested = listQuery(call, "agg");
        if (requested.isEmpty()) {
            return EnumSet.allOf(Aggregation.class);
        }
        Set<Aggregation> aggregations = EnumSet.noneOf(Aggregation.class);
        for (String value : requested) {
            try {
                aggregations.add(Aggregation.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw FlinkErrors.badQueryParameter("agg", String.join(",", call.queryAll("agg")));
            }
        }
        return aggregations;
    }

    private static double[] numeric(List<String> raw) {
        try {
            return raw.stream().mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ObjectNode aggregate(String name, double[] values, Set<Aggregation> aggregations) {
        double sum = sum(values);
        double avg = sum / values.length;
        ObjectNode metric = Json.object().put("id", name);
        for (Aggregation aggregation : aggregations) {
            double value = switch (aggregation) {
                case MIN -> Arrays.stream(values).min().orElseThrow();
                case MAX -> Arrays.stream(values).max().orElseThrow();
                case AVG -> avg;
                case SUM -> sum;
                case SKEW -> skew(values, avg);
            };
            metric.put(aggregation.name().toLowerCase(Locale.ROOT), value);
        }
        return metric;
    }

    /** Flink's data skew: mean absolute deviation as a percentage of the mean, at most 100. */
    private static double skew(double[] values, double avg) {
        if (avg == 0.0) {
            return 0.0;
        }
        double meanDeviation = sum(Arrays.stream(values).map(v -> Math.abs(avg - v)).toArray()) / values.length;
        return Math.min(meanDeviation / avg * 100.0, 100.0);
    }

    /** Plain left-to-right addition, as Flink's accumulators add (DoubleStream.sum compensates, so may differ). */
    private static double sum(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    /** The iteration order of a {@code HashSet} holding {@code names}: the order Flink's metric handlers use. */
    private static List<String> hashOrder(Collection<String> names) {
        return new ArrayList<>(new HashSet<>(names));
    }
}
