package io.jobemu.flink.jars;

import io.jobemu.core.http.Call;
import io.jobemu.flink.FlinkCluster;
import io.jobemu.flink.FlinkErrors;
import io.jobemu.flink.FlinkParams;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The bodies and query parameters of the jar endpoints. Body fields win over the deprecated query parameters; an
 * empty string counts as absent. Fields Flink 2.x no longer knows, such as {@code programArgs}, are ignored.
 */
final class JarRequests {

    private JarRequests() {
    }

    /** Flink's RecoveryClaimMode; only parsed, so that an unknown mode fails as in Flink. */
    enum ClaimMode { CLAIM, NO_CLAIM, LEGACY }

    /** {@code JarPlanRequestBody}. */
    record PlanBody(String entryClass, List<String> programArgsList, Integer parallelism, String jobId,
                    Map<String, String> flinkConfiguration) {
    }

    /** {@code JarRunRequestBody}, and with {@code applicationId} {@code JarRunApplicationRequestBody}. */
    record RunBody(String entryClass, List<String> programArgsList, Integer parallelism, String jobId,
                   Boolean allowNonRestoredState, String savepointPath, ClaimMode claimMode, ClaimMode restoreMode,
                   Map<String, String> flinkConfiguration, String applicationId) {
    }

    /**
     * What a plan or run asks for, merged from body and query.
     *
     * @param entryClass null to take the manifest's
     * @param jobId      null for a generated id
     */
    record Invocation(String entryClass, List<String> programArgs, int parallelism, String jobId,
                      String savepointPath, boolean allowNonRestoredState) {
    }

    static Invocation plan(Call call) throws IOException {
        String bodyClass = "JarPlanRequestBody";
        PlanBody body = FlinkParams.body(call, PlanBody.class, bodyClass);
        String jobId = jobId(body.jobId(), bodyClass);
        return new Invocation(entryClass(call, body.entryClass()), programArgs(call, body.programArgsList()),
                parallelism(call, body.parallelism()), jobId, null, false);
    }

    static Invocation run(Call call) throws IOException {
        return run(call, "JarRunRequestBody", false);
    }

    /** A run-application request; the emulator's application id is the job id, so {@code applicationId} may set it. */
    static Invocation runApplication(Call call) throws IOException {
        return run(call, "JarRunApplicationRequestBody", true);
    }

    private static Invocation run(Call call, String bodyClass, boolean applicationIdSetsJobId) throws IOException {
        RunBody body = FlinkParams.body(call, RunBody.class, bodyClass);
        String jobId = jobId(body.jobId(), bodyClass);
        String applicationId = jobId(body.applicationId(), bodyClass);
        if (jobId == null && applicationIdSetsJobId) {
            jobId = applicationId;
        }
        String savepointPath = blankToNull(body.savepointPath());
        boolean allowNonRestoredState = body.allowNonRestoredState() != null ? body.allowNonRestoredState()
                : call.query("allowNonRestoredState").map(Boolean::parseBoolean).orElse(false);
        return new Invocation(entryClass(call, body.entryClass()), programArgs(call, body.programArgsList()),
                parallelism(call, body.parallelism()), jobId,
                savepointPath != null ? savepointPath : call.query("savepointPath").map(JarRequests::blankToNull)
                        .orElse(null),
                allowNonRestoredState);
    }

    private static String entryClass(Call call, String fromBody) {
        String entryClass = blankToNull(fromBody);
        return entryClass != null ? entryClass : call.query("entry-class").map(JarRequests::blankToNull).orElse(null);
    }

    /** {@code programArgsList}, else every {@code programArg} query value split on commas. */
    private static List<String> programArgs(Call call, List<String> fromBody) {
        if (fromBody != null && !fromBody.isEmpty()) {
            return fromBody;
        }
        return call.queryAll("programArg").stream().flatMap(value -> Arrays.stream(value.split(","))).toList();
    }

    /** The query parameter is parsed even when the body has a value, as Flink resolves every parameter first. */
    private static int parallelism(Call call, Integer fromBody) {
        Integer fromQuery = FlinkParams.intQuery(call, "parallelism").orElse(null);
        Integer parallelism = fromBody != null ? fromBody : fromQuery;
        return parallelism == null || parallelism < 1 ? FlinkCluster.DEFAULT_PARALLELISM : parallelism;
    }

    /** A job or application id must be 32 hex characters (Flink's JobID parsing), else the body does not bind. */
    private static String jobId(String value, String bodyClass) {
        if (value == null) {
            return null;
        }
        return FlinkParams.parseHexId(value).orElseThrow(() -> FlinkErrors.badBody(bodyClass));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
