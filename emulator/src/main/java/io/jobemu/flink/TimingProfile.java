package io.jobemu.flink;

import java.time.Duration;

/**
 * How long each lifecycle step takes on the emulator clock. REALISTIC is close to what a small real cluster shows
 * (a job passes through INITIALIZING and CREATED within a few hundred ms; savepoints take a fraction of a
 * second); INSTANT makes every step due at once, so the next request already sees it done.
 */
public enum TimingProfile {
    REALISTIC(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(50),
            Duration.ofMillis(250), Duration.ofMillis(150), Duration.ofSeconds(1), Duration.ofMillis(500)),
    INSTANT(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);

    private final Duration initializing;
    private final Duration created;
    private final Duration deploying;
    private final Duration cancelling;
    private final Duration savepoint;
    private final Duration checkpoint;
    private final Duration restartDelay;
    private final Duration boundedRun;

    TimingProfile(Duration initializing, Duration created, Duration deploying, Duration cancelling,
                  Duration savepoint, Duration checkpoint, Duration restartDelay, Duration boundedRun) {
        this.initializing = initializing;
        this.created = created;
        this.deploying = deploying;
        this.cancelling = cancelling;
        this.savepoint = savepoint;
        this.checkpoint = checkpoint;
        this.restartDelay = restartDelay;
        this.boundedRun = boundedRun;
    }

    /** Time from submission until the JobMaster exists (INITIALIZING -> CREATED). */
    public Duration initializing() {
        return initializing;
    }

    /** Time from CREATED until scheduling starts (CREATED -> RUNNING). */
    public Duration created() {
        return created;
    }

    /** Time tasks spend being deployed before they run (vertices DEPLOYING -> RUNNING). */
    public Duration deploying() {
        return deploying;
    }

    /** Time between accepting a cancel and the job being CANCELED. */
    public Duration cancelling() {
        return cancelling;
    }

    public Duration savepoint() {
        return savepoint;
    }

    public Duration checkpoint() {
        return checkpoint;
    }

    /** RESTARTING -> RUNNING after a recoverable failure (Flink's fixed-delay restart strategy). */
    public Duration restartDelay() {
        return restartDelay;
    }

    /** How long a submitted job whose sources all end runs before it is FINISHED (a small bounded job). */
    public Duration boundedRun() {
        return boundedRun;
    }
}
