package io.jobemu.junit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polls until something holds. Waiting is in real time, with a short poll interval: in manual-clock mode nothing that
 * takes emulated time happens meanwhile, so a timeout's message says so rather than the test hanging.
 */
final class Await {

    private static final long FIRST_POLL_MILLIS = 2;
    private static final long MAX_POLL_MILLIS = 50;

    /** One look at what is awaited: the result, or what was seen instead (and whether it can still come). */
    record Look<T>(Optional<T> result, String seen, boolean impossible) {
        static <T> Look<T> done(T value) {
            return new Look<>(Optional.of(value), null, false);
        }

        static <T> Look<T> notYet(String seen) {
            return new Look<>(Optional.empty(), seen, false);
        }

        /** What is awaited can never happen now (a job ended in another terminal state, say). */
        static <T> Look<T> never(String seen) {
            return new Look<>(Optional.empty(), seen, true);
        }
    }

    private Await() {
    }

    /**
     * Looks until a look is done; fails at once when one is impossible, and after {@code timeout} with what was
     * awaited, what was last seen and {@code hint} (asked for only then; "" for none).
     */
    static <T> T until(String awaited, Duration timeout, Supplier<Look<T>> look, Supplier<String> hint) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL_MILLIS;
        while (true) {
            Look<T> seen = look.get();
            if (isDone(awaited, seen)) {
                return seen.result().get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                String extra = hint.get();
                throw new AssertionError("Timed out after " + timeout + " waiting for " + awaited
                        + "; last seen: " + seen.seen() + (extra.isEmpty() ? "" : "\n" + extra));
            }
            sleep(Math.max(1, Math.min(pause, left / 1_000_000)));
            pause = Math.min(pause * 2, MAX_POLL_MILLIS);
        }
    }

    /**
     * Looks, advancing the emulator clock by {@code step} between looks, until a look is done; fails once the clock
     * has been advanced by {@code limit} in all, or at once when a look is impossible.
     */
    static <T> T advancingClock(String awaited, Duration step, Duration limit, ClockHandle clock,
                                Supplier<Look<T>> look) {
        if (step.isNegative() || step.isZero() || limit.compareTo(step) < 0) {
            throw new IllegalArgumentException("the step must be positive and no longer than the limit; got step "
                    + step + ", limit " + limit);
        }
        Duration advanced = Duration.ZERO;
        while (true) {
            Look<T> seen = look.get();
            if (isDone(awaited, seen)) {
                return seen.result().get();
            }
            if (advanced.compareTo(limit) >= 0) {
                throw new AssertionError("Gave up waiting for " + awaited + " after advancing the emulator clock by "
                        + advanced + " in steps of " + step + "; last seen: " + seen.seen());
            }
            clock.advance(step);
            advanced = advanced.plus(step);
        }
    }

    private static boolean isDone(String awaited, Look<?> seen) {
        if (seen.impossible()) {
            throw new AssertionError("Gave up waiting for " + awaited + ": it can no longer happen; " + seen.seen());
        }
        return seen.result().isPresent();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
