package io.jobemu.jobserver;

import io.jobemu.core.clock.EmulatorClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Lets a request wait for something that happens on the emulator clock. */
public final class ClockWait {

    private ClockWait() {
    }

    /**
     * Waits for {@code event}, completed by a clock event, for at most {@code realTimeBound} of wall-clock time.
     * This is the one real-time wait in the emulator, and it is legitimate: the real server holds a synchronous
     * request open for its ask timeout in real time, while the event it waits for happens on the emulator clock,
     * driven by the clock's own thread (REAL mode) or by a test advancing it from another thread (MANUAL mode).
     * Events already due run first, so work that takes no time completes before the wait.
     *
     * @return whether the event happened before the bound passed
     */
    public static boolean await(EmulatorClock clock, CompletableFuture<?> event, Duration realTimeBound) {
        clock.runDue();
        try {
            event.get(realTimeBound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("clock events complete normally", e.getCause());
        }
    }
}
