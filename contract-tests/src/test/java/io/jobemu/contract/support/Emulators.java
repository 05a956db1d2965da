package io.jobemu.contract.support;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.flink.TimingProfile;
import java.net.BindException;

/**
 * The emulator as the checker meets it: in-process, on free loopback ports, on the wall clock (the flows poll
 * like a real client, so time must move on its own).
 */
public final class Emulators {

    private Emulators() {
    }

    /** Lifecycles take about as long as on a small real cluster. */
    public static Emulator realistic() throws BindException {
        return Emulator.start(config().withTiming(TimingProfile.REALISTIC));
    }

    /** Every lifecycle step is due at once: the fastest run, for tests about the checker itself. */
    public static Emulator instant() throws BindException {
        return Emulator.start(config().withTiming(TimingProfile.INSTANT));
    }

    private static EmulatorConfig config() {
        return EmulatorConfig.forTests().withClockMode(EmulatorClock.Mode.REAL);
    }
}
