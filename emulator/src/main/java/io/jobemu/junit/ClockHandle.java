package io.jobemu.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.core.clock.EmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The namespace's emulator clock: read it, move it forward, switch between real and manual time. */
public final class ClockHandle {

    private final ControlClient control;

    ClockHandle(ControlClient control) {
        this.control = control;
    }

    public Instant now() {
        return instant(control.get("/clock"));
    }

    public EmulatorClock.Mode mode() {
        return EmulatorClock.Mode.valueOf(control.get("/clock").path("mode").asText());
    }

    /** Scheduled events (job transitions, operations...) not yet due. */
    public int pendingEvents() {
        return control.get("/clock").path("pendingEvents").asInt();
    }

    /** Moves time forward, running every event that falls due on the way; returns the new time. */
    public Instant advance(Duration by) {
        return instant(control.post("/clock/advance?by=" + ControlClient.encode(by.toString())));
    }

    /** Moves time forward to {@code to}; the clock never goes back. */
    public Instant set(Instant to) {
        return instant(control.post("/clock/set?to=" + ControlClient.encode(to.toString())));
    }

    /** MANUAL freezes time until the test advances it; REAL follows the wall clock from where time stands. */
    public void setMode(EmulatorClock.Mode mode) {
        control.post("/clock/mode?mode=" + mode.name().toLowerCase(Locale.ROOT));
    }

    /** For timeout messages: in manual mode, waiting in real time moves nothing. */
    String manualClockHint(String alternative) {
        JsonNode clock = control.get("/clock");
        if (!EmulatorClock.Mode.MANUAL.name().equals(clock.path("mode").asText())) {
            return "";
        }
        return "The emulator clock is MANUAL and stands at " + clock.path("now").asText()
                + ": nothing that takes emulated time happens until the test advances it (clock().advance(...))"
                + (alternative.isEmpty() ? "." : ", or use " + alternative + ".");
    }

    private static Instant instant(JsonNode clock) {
        return Instant.parse(clock.path("now").asText());
    }
}
