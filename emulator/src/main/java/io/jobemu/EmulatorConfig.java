package io.jobemu;

import io.jobemu.core.Limits;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.control.ControlAccess;
import io.jobemu.core.journal.JournalBounds;
import io.jobemu.flink.TimingProfile;
import io.jobemu.jobserver.JobserverSettings;
import io.jobemu.streamkap.StreamkapCredentials;
import java.util.EnumSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * How to start an {@link Emulator}. Defaults match the real servers' ports; port 0 picks a free one.
 *
 * @param seed when present, every generated id follows from it, so runs repeat exactly
 * @param streamkapCredentials the client id and secret the emulated Streamkap accepts for access tokens
 * @param limits request body and store bounds, the same in every namespace
 * @param jobserverSettings what spark-jobserver starts with in every namespace, and returns to on reset (Basic
 *                          authentication and its users, say)
 * @param controlAccess     the control token and the web origins allowed to use the control API
 * @param journal how many requests, and how many bytes of their headers and bodies, the journal keeps
 * @param apis the APIs that listen (every one by default); the others have no port
 * @param advertiseHost the host name the emulator's URLs (startup lines, health) give clients; null: the bind host,
 *                      or {@code localhost} when bound to every interface
 */
public record EmulatorConfig(String host, int flinkPort, int jobserverPort, int streamkapPort,
                             EmulatorClock.Mode clockMode, TimingProfile timing, JournalBounds journal,
                             OptionalLong seed, StreamkapCredentials streamkapCredentials, Limits limits,
                             JobserverSettings jobserverSettings, ControlAccess controlAccess, Set<Api> apis,
                             String advertiseHost) {

    /** The emulated APIs, by the name URLs, journal entries and faults use. */
    public enum Api {
        FLINK, JOBSERVER, STREAMKAP;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final int DEFAULT_FLINK_PORT = 8081;
    public static final int DEFAULT_JOBSERVER_PORT = 8090;
    public static final int DEFAULT_STREAMKAP_PORT = 8080;

    public EmulatorConfig {
        checkPort("flink", flinkPort);
        checkPort("jobserver", jobserverPort);
        checkPort("streamkap", streamkapPort);
        if (apis.isEmpty()) {
            throw new IllegalArgumentException("at least one API must listen");
        }
        apis = Set.copyOf(apis);
    }

    /** The host in the URLs clients are given. */
    public String advertisedHost() {
        if (advertiseHost != null) {
            return advertiseHost;
        }
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    }

    /** The real servers' ports, real time, realistic timings. */
    public static EmulatorConfig defaults() {
        return new EmulatorConfig("127.0.0.1", DEFAULT_FLINK_PORT, DEFAULT_JOBSERVER_PORT, DEFAULT_STREAMKAP_PORT,
                EmulatorClock.Mode.REAL, TimingProfile.REALISTIC, JournalBounds.DEFAULT,
                OptionalLong.empty(), StreamkapCredentials.DEFAULT, Limits.DEFAULT, JobserverSettings.DEFAULTS,
                ControlAccess.LOCAL_ONLY, EnumSet.allOf(Api.class), null);
    }

    /** Free ports on loopback and a manual clock: what a test wants. */
    public static EmulatorConfig forTests() {
        return defaults().withPorts(0, 0, 0).withClockMode(EmulatorClock.Mode.MANUAL);
    }

    public EmulatorConfig withHost(String newHost) {
        return new EmulatorConfig(newHost, flinkPort, jobserverPort, streamkapPort, clockMode, timing,
                journal, seed, streamkapCredentials, limits, jobserverSettings, controlAccess, apis,
                advertiseHost);
    }

    public EmulatorConfig withPorts(int flink, int jobserver, int streamkap) {
        return new EmulatorConfig(host, flink, jobserver, streamkap, clockMode, timing, journal, seed,
                streamkapCredentials, limits, jobserverSettings, controlAccess, apis,
                advertiseHost);
    }

    public EmulatorConfig withClockMode(EmulatorClock.Mode mode) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, mode, timing, journal,
                seed, streamkapCredentials, limits, jobserverSettings, controlAccess, apis,
                advertiseHost);
    }

    public EmulatorConfig withTiming(TimingProfile profile) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, profile,
                journal, seed, streamkapCredentials, limits, jobserverSettings, controlAccess, apis,
                advertiseHost);
    }

    public EmulatorConfig withJournalCapacity(int capacity) {
        return withJournal(journal.withEntries(capacity));
    }

    public EmulatorConfig withJournal(JournalBounds bounds) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, bounds,
                seed, streamkapCredentials, limits, jobserverSettings, controlAccess, apis, advertiseHost);
    }

    /** Only these APIs listen. */
    public EmulatorConfig withApis(Set<Api> only) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, journal,
                seed, streamkapCredentials, limits, jobserverSettings, controlAccess, only, advertiseHost);
    }

    public EmulatorConfig withAdvertiseHost(String hostName) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, journal,
                seed, streamkapCredentials, limits, jobserverSettings, controlAccess, apis, hostName);
    }

    public EmulatorConfig withStreamkapCredentials(StreamkapCredentials credentials) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, journal,
                seed, credentials, limits, jobserverSettings, controlAccess, apis,
                advertiseHost);
    }

    public EmulatorConfig withSeed(long newSeed) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing,
                journal, OptionalLong.of(newSeed), streamkapCredentials, limits, jobserverSettings,
                controlAccess, apis, advertiseHost);
    }

    public EmulatorConfig withLimits(Limits newLimits) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, journal,
                seed, streamkapCredentials, newLimits, jobserverSettings, controlAccess, apis,
                advertiseHost);
    }

    public EmulatorConfig withJobserverSettings(JobserverSettings settings) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, journal,
                seed, streamkapCredentials, limits, settings, controlAccess, apis, advertiseHost);
    }

    public EmulatorConfig withControlAccess(ControlAccess access) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, journal,
                seed, streamkapCredentials, limits, jobserverSettings, access, apis,
                advertiseHost);
    }

    private static void checkPort(String api, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(api + " port must be between 0 and 65535, got " + port);
        }
    }
}
