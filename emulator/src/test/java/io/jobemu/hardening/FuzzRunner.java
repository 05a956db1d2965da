package io.jobemu.hardening;

import io.jobemu.core.http.Route;
import io.jobemu.testing.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs one target's fuzz in its own namespace: round after round, one case per route, until the rounds or the
 * time budget run out. Each answer goes to the target's oracle, and a refused request must leave the stored state
 * as it was. Sequential within a namespace, so each state change has one cause.
 */
final class FuzzRunner {

    /** What a run did; {@code violations} holds one line per problem. */
    record Result(String target, int cases, int rounds, Set<String> operationsCovered, List<String> violations) {
    }

    private static final int REQUEST_TIMEOUT_MILLIS = 15_000;
    private static final int MAX_REPORTED = 40;
    /** {@code -Dfuzz.verbose=true} prints every case and its answer, for replaying a seed. */
    private static final boolean VERBOSE = Boolean.getBoolean("fuzz.verbose");

    private FuzzRunner() {
    }

    static Result run(FuzzTarget target, String namespace, long seed, int rounds, Duration budget) {
        TestHttp http = new TestHttp(target.baseUrl() + "/_ns/" + namespace);
        RawHttp raw = new RawHttp(target.baseUrl(), REQUEST_TIMEOUT_MILLIS);
        FuzzGenerator generator = new FuzzGenerator(target, namespace, seed);
        List<String> violations = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        long deadline = System.nanoTime() + budget.toNanos();
        int cases = 0;
        int round = 0;
        for (; round < rounds && System.nanoTime() < deadline; round++) {
            target.prepare(http);
            String before = target.snapshot(http);
            for (Route route : target.routes()) {
                FuzzCase fuzzCase = generator.next(route);
                long started = System.nanoTime();
                RawHttp.Response response = raw.send(fuzzCase.request());
                if (VERBOSE) {
                    System.out.printf("[fuzz] %s%n    -> %s (%d ms)%n", fuzzCase, response,
                            (System.nanoTime() - started) / 1_000_000);
                }
                cases++;
                covered.add(route.operationKey());
                String problem = target.violation(fuzzCase, response);
                String after = target.snapshot(http);
                if (problem == null && refused(response) && !after.equals(before)
                        && !target.refusalMayStore(fuzzCase, response)) {
                    problem = "a refused request changed the stored state:\n      before " + before
                            + "\n      after  " + after;
                }
                if (problem != null && violations.size() < MAX_REPORTED) {
                    violations.add(fuzzCase + "\n    -> " + response + "\n    " + problem);
                }
                before = after;
            }
        }
        return new Result(target.name(), cases, round, covered, violations);
    }

    /** No answer at all counts as a refusal: nothing may have been stored. */
    private static boolean refused(RawHttp.Response response) {
        return !response.answered() || response.status() >= 400;
    }
}
