package io.jobemu.junit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test left behind in its namespace.
 *
 * @param flinkJobs         Flink jobs not in a terminal state (FINISHED, FAILED, CANCELED), id to state
 * @param jobserverContexts spark-jobserver contexts still up (never deleted)
 * @param unchecked         what could not be checked, and why (an API without a URL, an injected fault...)
 */
public record LeakReport(Map<String, String> flinkJobs, List<String> jobserverContexts, List<String> unchecked) {

    public LeakReport {
        flinkJobs = Collections.unmodifiableMap(new LinkedHashMap<>(flinkJobs));
        jobserverContexts = List.copyOf(jobserverContexts);
        unchecked = List.copyOf(unchecked);
    }

    public boolean hasLeaks() {
        return !flinkJobs.isEmpty() || !jobserverContexts.isEmpty();
    }

    /** E.g. "1 Flink job left running: 3f2a... (RUNNING); 1 jobserver context never deleted: ctx". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!flinkJobs.isEmpty()) {
            text.append(count(flinkJobs.size(), "Flink job")).append(" left in a non-terminal state: ");
            flinkJobs.forEach((id, state) -> text.append(id).append(" (").append(state).append("), "));
            text.setLength(text.length() - 2);
        }
        if (!jobserverContexts.isEmpty()) {
            text.append(text.length() == 0 ? "" : "; ").append(count(jobserverContexts.size(), "jobserver context"))
                    .append(" never deleted: ").append(String.join(", ", jobserverContexts));
        }
        if (!unchecked.isEmpty()) {
            text.append(text.length() == 0 ? "" : "; ").append("not checked: ").append(String.join("; ", unchecked));
        }
        return text.length() == 0 ? "no leaks" : text.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
