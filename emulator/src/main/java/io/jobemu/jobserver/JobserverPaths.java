package io.jobemu.jobserver;

import io.jobemu.core.http.Call;

/** Path parameters, read as akka-http's {@code pathPrefix(...) / path(Segment)} reads them. */
public final class JobserverPaths {

    private JobserverPaths() {
    }

    /**
     * The one path segment after the resource prefix ({@code /jobs/<segment>[/config]}), with an encoded slash
     * decoded inside it: Undertow leaves {@code %2F} alone, akka decodes it within the segment.
     */
    public static String segment(Call call) {
        String segment = call.requestPath().split("/", -1)[2];
        return segment.replace("%2F", "/").replace("%2f", "/");
    }
}
