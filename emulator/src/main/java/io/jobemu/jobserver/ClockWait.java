package io.jobemu.jobserver;

import io.jobemu.core.clock.EmulatorClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Lets a request wait for something that happens on the emulator clock, holding no thread while it waits. */
public final class ClockWait {

    private ClockWait() {
    }

    /**
     * Completes with true when {@code event}, completed by a clock event, happens, or with false once
     * {@code realTimeBound} of wall-clock time has passed. This is the one real-time bound in the emulator, and it is
     * legitimate: the real server holds a synchronous request open for its ask timeout in real time, while the event
     * it waits for happens on the emulator clock, driven by the clock's own thread (REAL mode) or by a test
     * advancing it from another thread (MANUAL mode). Events already due run first, so work that takes no time
     * completes before the wait.
     */
    public static CompletableFuture<Boolean> within(EmulatorClock clock, CompletableFuture<?> event,
                                                    Duration realTimeBound) {
        clock.runDue();
        return event.thenApply(happened -> true)
                .completeOnTimeout(false, realTimeBound.toMillis(), TimeUnit.MILLISECONDS);
    }
}
