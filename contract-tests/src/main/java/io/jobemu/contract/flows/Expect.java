package io.jobemu.contract.flows;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/** What a flow expects of a status code, on top of it being declared by the spec. */
public final class Expect {

    /** A valid request: 2xx. */
    public static final Expect SUCCESS = new Expect("a 2xx status", status -> status >= 200 && status < 300);
    /** A request the server must refuse as malformed or unauthorised: 4xx. */
    public static final Expect CLIENT_ERROR = new Expect("a 4xx status", status -> status >= 400 && status < 500);
    /** Any error: 4xx or 5xx (unknown ids, bad bodies where servers differ in how they refuse). */
    public static final Expect ERROR = new Expect("a 4xx or 5xx status", status -> status >= 400 && status < 600);
    /** Anything but a 5xx: a malformed request must be refused (or tolerated), never break the server. */
    public static final Expect NO_SERVER_ERROR = new Expect("a status below 500", status -> status < 500);
    /** Only what the spec declares. */
    public static final Expect DECLARED = new Expect("a declared status", status -> true);

    private final String description;
    private final IntPredicate accepts;

    private Expect(String description, IntPredicate accepts) {
        this.description = description;
        this.accepts = accepts;
    }

    /**
     * Exactly this status (or one of these): what the real server answers on an error path. A declared status
     * that is the wrong one (a 400 where an unknown id gets 404) is a broken contract too.
     */
    public static Expect status(int... statuses) {
        int[] copy = statuses.clone();
        return new Expect("status " + Arrays.stream(copy).mapToObj(Integer::toString)
                .collect(Collectors.joining(" or ")), status -> Arrays.stream(copy).anyMatch(s -> s == status));
    }

    public boolean accepts(int status) {
        return accepts.test(status);
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
