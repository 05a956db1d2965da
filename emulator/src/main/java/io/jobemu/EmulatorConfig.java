package io.jobemu;

import io.jobemu.core.Limits;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.control.ControlAccess;
import io.jobemu.core.journal.RequestJournal;
import io.jobemu.flink.TimingProfile;
import io.jobemu.jobserver.JobserverSettings;
import io.jobemu.streamkap.StreamkapCredentials;
import java.util.OptionalLong;

/**
 * How to start an {@link Emulator}. Defaults match the real servers' ports; port 0 picks a free one.
 *
 * @param seed when present, every generated id follows from it, so runs repeat exactly
 * @param streamkapCredentials the client id and secret the emulated Streamkap accepts for access tokens
 * @param limits request body and store bounds, the same in every namespace
 * @param jobserverSettings what spark-jobserver starts with in every namespace, and returns to on reset (Basic
 *                          authentication and its users, say)
 * @param controlAccess     the control token and the web origins allowed to use the control API
 */
public record EmulatorConfig(String host, int flinkPort, int jobserverPort, int streamkapPort,
                             EmulatorClock.Mode clockMode, TimingProfile timing, int journalCapacity,
                             OptionalLong seed, StreamkapCredentials streamkapCredentials, Limits limits,
                             JobserverSettings jobserverSettings, ControlAccess controlAccess) {

    public static final int DEFAULT_FLINK_PORT = 8081;
    public static final int DEFAULT_JOBSERVER_PORT = 8090;
    public static final int DEFAULT_STREAMKAP_PORT = 8080;

    public EmulatorConfig {
        checkPort("flink", flinkPort);
        checkPort("jobserver", jobserverPort);
        checkPort("streamkap", streamkapPort);
        if (journalCapacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, got " + journalCapacity);
        }
    }

    /** The real servers' ports, real time, realistic timings. */
    public static EmulatorConfig defaults() {
        return new EmulatorConfig("127.0.0.1", DEFAULT_FLINK_PORT, DEFAULT_JOBSERVER_PORT, DEFAULT_STREAMKAP_PORT,
                EmulatorClock.Mode.REAL, TimingProfile.REALISTIC, RequestJournal.DEFAULT_CAPACITY,
                OptionalLong.empty(), StreamkapCredentials.DEFAULT, Limits.DEFAULT, JobserverSettings.DEFAULTS,
                ControlAccess.LOCAL_ONLY);
    }

    /** Free ports on loopback and a manual clock: what a test wants. */
    public static EmulatorConfig forTests() {
        return defaults().withPorts(0, 0, 0).withClockMode(EmulatorClock.Mode.MANUAL);
    }

    public EmulatorConfig withHost(String newHost) {
        return new EmulatorConfig(newHost, flinkPort, jobserverPort, streamkapPort, clockMode, timing,
                journalCapacity, seed, streamkapCredentials, limits, jobserverSettings, controlAccess);
    }

    public EmulatorConfig withPorts(int flink, int jobserver, int streamkap) {
        return new EmulatorConfig(host, flink, jobserver, streamkap, clockMode, timing, journalCapacity, seed,
                streamkapCredentials, limits, jobserverSettings, controlAccess);
    }

    public EmulatorConfig withClockMode(EmulatorClock.Mode mode) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, mode, timing, journalCapacity,
                seed, streamkapCredentials, limits, jobserverSettings, controlAccess);
    }

    public EmulatorConfig withTiming(TimingProfile profile) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, profile,
                journalCapacity, seed, streamkapCredentials, limits, jobserverSettings, controlAccess);
    }

    public EmulatorConfig withJournalCapacity(int capacity) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, capacity,
                seed, streamkapCredentials, limits, jobserverSettings, controlAccess);
    }

    public EmulatorConfig withStreamkapCredentials(StreamkapCredentials credentials) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, journalCapacity,
                seed, credentials, limits, jobserverSettings, controlAccess);
    }

    public EmulatorConfig withSeed(long newSeed) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing,
                journalCapacity, OptionalLong.of(newSeed), streamkapCredentials, limits, jobserverSettings,
                controlAccess);
    }

    public EmulatorConfig withLimits(Limits newLimits) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, journalCapacity,
                seed, streamkapCredentials, newLimits, jobserverSettings, controlAccess);
    }

    public EmulatorConfig withJobserverSettings(JobserverSettings settings) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, journalCapacity,
                seed, streamkapCredentials, limits, settings, controlAccess);
    }

    public EmulatorConfig withControlAccess(ControlAccess access) {
        return new EmulatorConfig(host, flinkPort, jobserverPort, streamkapPort, clockMode, timing, journalCapacity,
                seed, streamkapCredentials, limits, jobserverSettings, access);
    }

    private static void checkPort(String api, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(api + " port must be between 0 and 65535, got " + port);
        }
    }
}
