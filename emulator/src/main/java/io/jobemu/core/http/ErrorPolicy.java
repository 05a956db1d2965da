package io.jobemu.core.http;

import java.util.Set;

/** How one API answers what its routes do not: unknown paths, wrong methods and failures. */
public interface ErrorPolicy {

    /** No route matches the path. */
    Response notFound(Call call);

    /** The path exists, but not for this method. */
    default Response methodNotAllowed(Call call, Set<String> allowedMethods) {
        return notFound(call);
    }

    /** A handler failed with something other than an {@link ApiError}. */
    Response failure(Call call, Throwable error);
}
