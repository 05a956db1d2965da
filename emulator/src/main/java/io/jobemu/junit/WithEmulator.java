package io.jobemu.junit;

import io.jobemu.EmulatorConfig;
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
 * Runs the class's tests against an emulator started in this JVM (on free ports unless told otherwise), and injects
 * an {@link EmulatorHandle}, or any one API's handle ({@link FlinkHandle}, {@link JobserverHandle},
 * {@link StreamkapHandle}, {@link ClockHandle}, {@link JournalHandle}, {@link FaultsHandle}), into test,
 * lifecycle-method and constructor parameters.
 *
 * <p>It may sit on a superclass (it is inherited) or on an annotation of the team's own, which then carries these
 * settings to every class it marks:
 * <pre>{@code
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target(ElementType.TYPE)
 * @WithEmulator(clock = EmulatorClock.Mode.REAL, apis = EmulatorConfig.Api.FLINK)
 * public @interface OurFlinkTest {
 * }
 * }</pre>
 * For settings an annotation cannot carry (a full {@link io.jobemu.EmulatorConfig}, a remote emulator) register
 * {@link EmulatorExtension} instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
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

    /** The APIs that listen; the others get no port (their handles have no URL). */
    EmulatorConfig.Api[] apis() default {EmulatorConfig.Api.FLINK, EmulatorConfig.Api.JOBSERVER,
            EmulatorConfig.Api.STREAMKAP};

    /** A fixed port for Flink (0, the default: a free one). Fixed ports suit one server at a time (PER_CLASS). */
    int flinkPort() default 0;

    int jobserverPort() default 0;

    int streamkapPort() default 0;
}
