package io.jobemu.junit;

import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.flink.TimingProfile;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the class's tests against an emulator started in this JVM on free ports, and injects an
 * {@link EmulatorHandle} into test, lifecycle-method and constructor parameters. For settings an annotation cannot
 * carry (a full {@link io.jobemu.EmulatorConfig}, a remote emulator) register {@link EmulatorExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmulatorExtension.class)
public @interface WithEmulator {

    /** {@link #seed()}'s value for "ids are random". */
    long RANDOM_IDS = Long.MIN_VALUE;

    ServerLifecycle lifecycle() default ServerLifecycle.PER_CLASS;

    /** MANUAL by default: emulated time moves only when the test advances it. */
    EmulatorClock.Mode clock() default EmulatorClock.Mode.MANUAL;

    TimingProfile timing() default TimingProfile.REALISTIC;

    /** Reset the shared namespace after each test (per-class servers). */
    boolean resetBetweenTests() default true;

    Isolation isolation() default Isolation.AUTO;

    LeakPolicy leaks() default LeakPolicy.IGNORE;

    /** Makes every generated id follow from this seed. */
    long seed() default RANDOM_IDS;

    /** When not empty, the control token every control request must carry; the injected handles send it. */
    String controlToken() default "";
}
