package io.jobemu.junit;

import io.jobemu.core.journal.JournalEntry;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions about the requests one emulated API received. */
public final class ApiJournalAssert extends AbstractAssert<ApiJournalAssert, ApiHandle> {

    ApiJournalAssert(ApiHandle api) {
        super(api, ApiJournalAssert.class);
    }

    /**
     * Selects the requests with this method and a path matching the glob ({@code *} within a segment, {@code **}
     * across; the query string is not part of the path); follow with {@code once()}, {@code times(n)} and so on.
     * The journal is read now.
     */
    public RequestCountAssert received(HttpMethod method, String pathGlob) {
        return received(RequestPattern.requested(method, pathGlob));
    }

    /** Selects the requests matching {@code pattern} (headers, JSON paths of the body...); as above. */
    public RequestCountAssert received(RequestPattern pattern) {
        isNotNull();
        return new RequestCountAssert(this, actual.name(), pattern, actual.requests(pattern), actual.requests());
    }

    /** Fails unless the API received no request at all. */
    public ApiJournalAssert receivedNothing() {
        isNotNull();
        List<JournalEntry> all = actual.requests();
        if (!all.isEmpty()) {
            failWithMessage("%s", "Expected " + actual.name() + " to have received no requests, but "
                    + JournalListing.describe(actual.name(), all));
        }
        return this;
    }
}
