package io.jobemu.core.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The only source of time in the emulator. In {@link Mode#REAL} it follows the wall clock (plus an offset, so
 * switching modes never jumps backwards); in {@link Mode#MANUAL} it stands still until a test advances it.
 *
 * <p>Scheduled actions are events on this clock: {@link #advance} runs every event that falls inside the
 * advanced window in due order, with {@link #millis()} reading the event's due time while it runs, so a
 * manual-clock test observes exactly the same sequence a real-time run would, without sleeping.
 */
public final class EmulatorClock implements AutoCloseable {

    public enum Mode { REAL, MANUAL }

    /** Handle to a scheduled event. */
    public interface Scheduled {
        /** Cancels the event if it has not run yet. */
        void cancel();
    }

    private final Object lock = new Object();
    /** Events run one at a time, in due order, whichever thread drives them. */
    private final ReentrantLock eventRunner = new ReentrantLock();
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private Thread realTimeDriver;
    private Mode mode;
    private long manualNow;
    private long realOffset;
    private long sequence;
    private boolean closed;

    public EmulatorClock(Mode mode) {
        this.mode = mode;
        this.manualNow = System.currentTimeMillis();
        if (mode == Mode.REAL) {
            startRealTimeDriverLocked();
        }
    }

    public long millis() {
        synchronized (lock) {
            return currentMillisLocked();
        }
    }

    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    public Mode mode() {
        synchronized (lock) {
            return mode;
        }
    }

    /** Switches mode; time carries on from where it stands, so no event is skipped or replayed. */
    public void setMode(Mode newMode) {
        synchronized (lock) {
            long now = currentMillisLocked();
            mode = newMode;
            manualNow = now;
            realOffset = now - System.currentTimeMillis();
            if (newMode == Mode.REAL) {
                startRealTimeDriverLocked();
            }
            lock.notifyAll();
        }
        runDue();
    }

    /** Only a real-time clock needs a thread, so manual-clock namespaces cost none. */
    private void startRealTimeDriverLocked() {
        if (realTimeDriver == null && !closed) {
            realTimeDriver = new Thread(this::driveRealTime, "emulator-clock");
            realTimeDriver.setDaemon(true);
            realTimeDriver.start();
        }
    }

    /** Schedules {@code action} to run when the clock reaches now + {@code delay}. */
    public Scheduled schedule(Duration delay, Runnable action) {
        Event event;
        synchronized (lock) {
            event = new Event(dueAfter(currentMillisLocked(), delay), sequence++, action);
            queue.add(event);
            lock.notifyAll();
        }
        return () -> {
            synchronized (lock) {
                queue.remove(event);
            }
        };
    }

    /** Moves time forward, running each event that falls due on the way at its own due time. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + by);
        }
        eventRunner.lock();
        try {
            long target;
            synchronized (lock) {
                target = reachable(currentMillisLocked(), by);
            }
            while (true) {
                Event next;
                synchronized (lock) {
                    next = queue.peek();
                    if (next == null || next.due > target) {
                        moveToLocked(target);
                        break;
                    }
                    queue.poll();
                    moveToLocked(Math.max(next.due, currentMillisLocked()));
                }
                next.action.run();
            }
        } finally {
            eventRunner.unlock();
        }
        runDue();
    }

    /** Sets the time (forward only), running the events due up to it. */
    public void set(Instant to) {
        if (to.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE))) {
            throw new IllegalArgumentException("the clock cannot go past " + Instant.ofEpochMilli(Long.MAX_VALUE)
                    + "; got " + to);
        }
        long delta = to.toEpochMilli() - millis();
        if (delta < 0) {
            throw new IllegalArgumentException("the clock only moves forward; " + to + " is before " + instant());
        }
        advance(Duration.ofMillis(delta));
    }

    /** Runs every event already due. Called before each request, so state is current when it is read. */
    public void runDue() {
        eventRunner.lock();
        try {
            while (true) {
                Event next;
                synchronized (lock) {
                    next = queue.peek();
                    if (next == null || next.due > currentMillisLocked()) {
                        return;
                    }
                    queue.poll();
                }
                next.action.run();
            }
        } finally {
            eventRunner.unlock();
        }
    }

    /** Drops every pending event (used by reset: the stores that scheduled them are being emptied). */
    public void clearScheduled() {
        synchronized (lock) {
            queue.clear();
        }
    }

    public int pendingEvents() {
        synchronized (lock) {
            return queue.size();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            queue.clear();
            lock.notifyAll();
        }
    }

    /** When an event {@code delay} from {@code now} falls due; a delay past the end of time never falls due. */
    private static long dueAfter(long now, Duration delay) {
        try {
            return Math.addExact(now, Math.max(0, delay.toMillis()));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code now} advanced by {@code by}, refused when the clock could not show that time. */
    private static long reachable(long now, Duration by) {
        try {
            return Math.addExact(now, by.toMillis());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the clock cannot go past " + Instant.ofEpochMilli(Long.MAX_VALUE)
                    + "; advancing by " + by + " would");
        }
    }

    private long currentMillisLocked() {
        return mode == Mode.REAL ? System.currentTimeMillis() + realOffset : manualNow;
    }

    private void moveToLocked(long millis) {
        if (mode == Mode.MANUAL) {
            manualNow = millis;
        } else {
            realOffset = Math.max(realOffset, millis - System.currentTimeMillis());
        }
    }

    /** In real mode, wakes when the next event falls due; in manual mode it only waits for a mode change. */
    private void driveRealTime() {
        while (true) {
            synchronized (lock) {
                while (!closed && !nextEventDueLocked()) {
                    long wait = waitMillisLocked();
                    try {
                        lock.wait(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
            }
            try {
                runDue();
            } catch (RuntimeException e) {
                // An event's failure must not stop the clock; the event owner reports its own errors.
            }
        }
    }

    private boolean nextEventDueLocked() {
        Event next = queue.peek();
        return mode == Mode.REAL && next != null && next.due <= currentMillisLocked();
    }

    private long waitMillisLocked() {
        Event next = queue.peek();
        if (mode != Mode.REAL || next == null) {
            return 0; // wait until notified
        }
        return Math.max(1, next.due - currentMillisLocked());
    }

    private record Event(long due, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(seq, other.seq);
        }
    }
}
