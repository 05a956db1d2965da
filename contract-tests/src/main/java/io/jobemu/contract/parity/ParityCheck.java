package io.jobemu.contract.parity;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.contract.flows.Transcript;
import io.jobemu.contract.http.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares two runs of the same flow step by step: the status code, the JSON shape (key paths and value types)
 * and the first line of every error. Ids, timestamps and paths never show: shapes ignore values and error lines
 * are normalised. A step polled several times is compared by its settled (last) answer.
 */
public final class ParityCheck {

    private ParityCheck() {
    }

    public static List<Difference> compare(Transcript reference, Transcript candidate) {
        Map<String, Transcript.Entry> ours = settled(reference);
        Map<String, Transcript.Entry> theirs = settled(candidate);
        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<String, Transcript.Entry> step : ours.entrySet()) {
            Transcript.Entry other = theirs.get(step.getKey());
            if (other == null) {
                differences.add(new Difference(step.getKey(), step.getValue().operationId(), Difference.Kind.STEP,
                        "sent", ""));
            } else {
                compareStep(step.getKey(), step.getValue(), other, differences);
            }
        }
        theirs.forEach((label, entry) -> {
            if (!ours.containsKey(label)) {
                differences.add(new Difference(label, entry.operationId(), Difference.Kind.STEP, "", "sent"));
            }
        });
        return differences;
    }

    private static Map<String, Transcript.Entry> settled(Transcript transcript) {
        Map<String, Transcript.Entry> last = new LinkedHashMap<>();
        transcript.entries().forEach(entry -> last.put(entry.label(), entry));
        return last;
    }

    private static void compareStep(String label, Transcript.Entry reference, Transcript.Entry candidate,
                                    List<Difference> differences) {
        String operation = reference.operationId();
        Response ours = reference.exchange().response();
        Response theirs = candidate.exchange().response();
        if (ours.status() != theirs.status()) {
            differences.add(new Difference(label, operation, Difference.Kind.STATUS,
                    Integer.toString(ours.status()), Integer.toString(theirs.status())));
            return;
        }
        JsonNode ourBody = ours.json();
        JsonNode theirBody = theirs.json();
        if (ourBody.isMissingNode() || theirBody.isMissingNode()) {
            if (ourBody.isMissingNode() != theirBody.isMissingNode()) {
                differences.add(new Difference(label, operation, Difference.Kind.SHAPE,
                        ourBody.isMissingNode() ? "not JSON" : "JSON", theirBody.isMissingNode() ? "not JSON" : "JSON"));
            }
            return;
        }
        SortedSet<String> ourShape = JsonShape.of(ourBody);
        SortedSet<String> theirShape = JsonShape.of(theirBody);
        onlyIn(ourShape, theirShape).forEach(path -> differences.add(
                new Difference(label, operation, Difference.Kind.SHAPE, path, "")));
        onlyIn(theirShape, ourShape).forEach(path -> differences.add(
                new Difference(label, operation, Difference.Kind.SHAPE, "", path)));
        List<String> ourErrors = ErrorLines.of(ourBody);
        List<String> theirErrors = ErrorLines.of(theirBody);
        if (!ourErrors.equals(theirErrors)) {
            differences.add(new Difference(label, operation, Difference.Kind.ERROR_LINE,
                    String.join(" | ", ourErrors), String.join(" | ", theirErrors)));
        }
    }

    /**
     * Paths in the first shape only, without those below another such path: a whole object missing on one side
     * is one difference, not one per field.
     */
    private static SortedSet<String> onlyIn(SortedSet<String> these, SortedSet<String> those) {
        SortedSet<String> only = new TreeSet<>(these);
        only.removeAll(those);
        SortedSet<String> tops = new TreeSet<>();
        for (String path : only) {
            if (only.stream().noneMatch(other -> isBelow(path, other))) {
                tops.add(path);
            }
        }
        return tops;
    }

    /** Whether {@code path} lies inside the container {@code other} ends with ({@code x{}} or {@code x[]}). */
    private static boolean isBelow(String path, String other) {
        if (other.endsWith("{}")) {
            return path.startsWith(other.substring(0, other.length() - 2) + ".");
        }
        if (other.endsWith("[]")) {
            String list = other;
            return path.startsWith(list) && !path.equals(list);
        }
        return false;
    }
}
