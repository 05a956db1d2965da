package io.jobemu.hardening;

import io.jobemu.core.http.Route;
import io.jobemu.testing.TestHttp;
import java.util.List;

/**
 * One API under fuzz: its routes, the values that get past its validation, the answers its real server can give,
 * and a digest of what it stores.
 */
interface FuzzTarget {

    /** A request body a client would send: its media type and bytes. */
    record Body(String contentType, byte[] bytes) {
    }

    String name();

    /** The port the API listens on. */
    String baseUrl();

    /** The API's route table: every declared operation gets cases. */
    List<Route> routes();

    /** The OpenAPI document on the classpath, for each operation's query parameters and body fields. */
    String specResource();

    /** Creates the entities that the valid path values name. {@code http} is bound to the fuzz namespace. */
    void prepare(TestHttp http);

    /** Headers every request carries, as a client would send them (a bearer token); set by {@link #prepare}. */
    default List<String[]> headers() {
        return List.of();
    }

    /** Values of a path parameter that name something real (or nearly), so cases reach past validation. */
    List<String> validPathValues(String parameter);

    /** What a client would send to the operation, or null when it takes no body. */
    Body validBody(String operation);

    /**
     * Whether the generator must leave this query parameter out because of what a valid value does, not what an
     * invalid one breaks: hold the request open on purpose (a synchronous job waits for its end) or make the
     * emulator call out over the network (a job's callback URL).
     */
    default boolean leavesOut(String operation, String name, String value) {
        return false;
    }

    /** Everything the API stores, read through its list endpoints. */
    String snapshot(TestHttp http);

    /** Why the answer is not one the real server gives to this request, or null when it is. */
    String violation(FuzzCase fuzzCase, RawHttp.Response response);

    /** Whether the real server also stores something when it refuses this request (a job that failed validation). */
    default boolean refusalMayStore(FuzzCase fuzzCase, RawHttp.Response response) {
        return false;
    }
}
