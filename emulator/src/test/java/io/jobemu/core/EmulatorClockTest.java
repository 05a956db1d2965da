package io.jobemu.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.core.clock.EmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmulatorClockTest {

    private final EmulatorClock clock = new EmulatorClock(EmulatorClock.Mode.MANUAL);

    @AfterEach
    void close() {
        clock.close();
    }

    @Test
    void manualClockStandsStillUntilAdvanced() {
        long start = clock.millis();

        assertThat(clock.millis()).isEqualTo(start);
        clock.advance(Duration.ofSeconds(5));
        assertThat(clock.millis()).isEqualTo(start + 5000);
    }

    @Test
    void advanceRunsDueEventsInOrderEachAtItsOwnTime() {
        long start = clock.millis();
        List<String> ran = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(3), () -> ran.add("b@" + (clock.millis() - start)));
        clock.schedule(Duration.ofSeconds(1), () -> ran.add("a@" + (clock.millis() - start)));
        clock.schedule(Duration.ofSeconds(10), () -> ran.add("late"));

        clock.advance(Duration.ofSeconds(5));

        assertThat(ran).containsExactly("a@1000", "b@3000");
        assertThat(clock.millis() - start).isEqualTo(5000);
        assertThat(clock.pendingEvents()).isEqualTo(1);
    }

    @Test
    void eventsScheduledByEventsRunInTheSameAdvanceWhenDue() {
        List<String> ran = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(1), () -> {
            ran.add("first");
            clock.schedule(Duration.ofSeconds(1), () -> ran.add("second"));
        });

        clock.advance(Duration.ofSeconds(2));

        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void cancelledEventsNeverRun() {
        List<String> ran = new ArrayList<>();
        EmulatorClock.Scheduled event = clock.schedule(Duration.ofSeconds(1), () -> ran.add("x"));

        event.cancel();
        clock.advance(Duration.ofSeconds(2));

        assertThat(ran).isEmpty();
    }

    @Test
    void zeroDelayEventsRunOnTheNextRunDue() {
        List<String> ran = new ArrayList<>();
        clock.schedule(Duration.ZERO, () -> ran.add("now"));

        clock.runDue();

        assertThat(ran).containsExactly("now");
    }

    @Test
    void timeNeverMovesBackwards() {
        Instant now = clock.instant();

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(now.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        clock.set(now.plusSeconds(60));
        assertThat(clock.instant()).isEqualTo(now.plusSeconds(60));
    }

    @Test
    void switchingModesKeepsTheCurrentTime() {
        clock.advance(Duration.ofDays(1));
        long manualNow = clock.millis();

        clock.setMode(EmulatorClock.Mode.REAL);

        assertThat(clock.millis()).isGreaterThanOrEqualTo(manualNow);
        clock.setMode(EmulatorClock.Mode.MANUAL);
        long frozen = clock.millis();
        assertThat(clock.millis()).isEqualTo(frozen);
    }

    @Test
    void clearScheduledDropsPendingEvents() {
        clock.schedule(Duration.ofSeconds(1), () -> { });

        clock.clearScheduled();

        assertThat(clock.pendingEvents()).isZero();
    }
}
