package io.jobemu.junit;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig.Api;
import java.util.stream.Stream;

/**
 * Where each emulated API answers, e.g. {@code http://127.0.0.1:8081}. An API a remote emulator does not expose may
 * be null; every port also serves the control API, so any one URL is enough to control the emulator.
 */
public record EmulatorUrls(String flink, String jobserver, String streamkap) {

    public EmulatorUrls {
        flink = withoutTrailingSlash(flink);
        jobserver = withoutTrailingSlash(jobserver);
        streamkap = withoutTrailingSlash(streamkap);
        if (flink == null && jobserver == null && streamkap == null) {
            throw new IllegalArgumentException("at least one API URL is needed");
        }
    }

    /** The URLs of an emulator started in this JVM; null for an API it does not start. */
    public static EmulatorUrls of(Emulator emulator) {
        return new EmulatorUrls(emulator.isListening(Api.FLINK) ? emulator.flinkUrl() : null,
                emulator.isListening(Api.JOBSERVER) ? emulator.jobserverUrl() : null,
                emulator.isListening(Api.STREAMKAP) ? emulator.streamkapUrl() : null);
    }

    /** The base the control API is reached through: the first API URL given. */
    String controlBase() {
        return Stream.of(flink, jobserver, streamkap).filter(url -> url != null).findFirst().orElseThrow();
    }

    /** These URLs with {@code prefix} (such as {@code /_ns/name}) appended to each. */
    EmulatorUrls withPathPrefix(String prefix) {
        return new EmulatorUrls(append(flink, prefix), append(jobserver, prefix), append(streamkap, prefix));
    }

    private static String append(String url, String prefix) {
        return url == null ? null : url + prefix;
    }

    private static String withoutTrailingSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
