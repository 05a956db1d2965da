package io.jobemu.contract.parity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The shape of a JSON value: every key path with the JSON type at its end, list items merged, and keys that are
 * ids or numbers collapsed (maps keyed by vertex id have the same shape whatever the ids). Values are ignored,
 * except that "NaN" and the infinities count as numbers: that is how a double that is not finite goes on the wire.
 */
public final class JsonShape {

    private static final Pattern ID_KEY = Pattern.compile(
            "[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d+");

    /** How Jackson writes a double that is not finite (Flink's busy times and percentiles of nothing). */
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    private JsonShape() {
    }

    public static SortedSet<String> of(JsonNode value) {
        SortedSet<String> paths = new TreeSet<>();
        collect(value, "", paths);
        return paths;
    }

    private static void collect(JsonNode value, String prefix, SortedSet<String> paths) {
        if (value.isObject()) {
            paths.add(prefix + "{}");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String key = ID_KEY.matcher(field.getKey()).matches() ? "<id>" : field.getKey();
                collect(field.getValue(), prefix + "." + key, paths);
            }
        } else if (value.isArray()) {
            paths.add(prefix + "[]");
            value.forEach(item -> collect(item, prefix + "[]", paths));
        } else {
            paths.add(prefix + ":" + type(value));
        }
    }

    private static String type(JsonNode value) {
        if (value.isNumber() || NON_FINITE.contains(value.asText(""))) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isNull() ? "null" : "string";
    }
}
