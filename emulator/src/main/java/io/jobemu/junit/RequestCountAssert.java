package io.jobemu.junit;

import io.jobemu.core.journal.JournalEntry;
import java.util.List;
import java.util.function.IntPredicate;
import org.assertj.core.api.AbstractAssert;

/** How often the selected requests arrived; each check returns to the API's assertions for chaining. */
public final class RequestCountAssert extends AbstractAssert<RequestCountAssert, List<JournalEntry>> {

    private final ApiJournalAssert api;
    private final String apiName;
    private final RequestPattern pattern;
    private final List<JournalEntry> received;

    RequestCountAssert(ApiJournalAssert api, String apiName, RequestPattern pattern, List<JournalEntry> matched,
                       List<JournalEntry> received) {
        super(matched, RequestCountAssert.class);
        this.api = api;
        this.apiName = apiName;
        this.pattern = pattern;
        this.received = received;
    }

    public ApiJournalAssert once() {
        return check("exactly once", n -> n == 1);
    }

    public ApiJournalAssert twice() {
        return times(2);
    }

    public ApiJournalAssert never() {
        return check("never", n -> n == 0);
    }

    public ApiJournalAssert times(int expected) {
        return check("exactly " + howOften(expected), n -> n == expected);
    }

    public ApiJournalAssert atLeast(int expected) {
        return check("at least " + howOften(expected), n -> n >= expected);
    }

    public ApiJournalAssert atMost(int expected) {
        return check("at most " + howOften(expected), n -> n <= expected);
    }

    private ApiJournalAssert check(String expectation, IntPredicate holds) {
        int count = actual.size();
        if (!holds.test(count)) {
            failWithMessage("%s", "Expected " + apiName + " to have received " + pattern.request() + " "
                    + expectation + ", but it was received " + howOften(count) + ".\n"
                    + JournalListing.describe(apiName, received));
        }
        return api;
    }

    private static String howOften(int n) {
        return switch (n) {
            case 0 -> "0 times";
            case 1 -> "once";
            case 2 -> "twice";
            default -> n + " times";
        };
    }
}
