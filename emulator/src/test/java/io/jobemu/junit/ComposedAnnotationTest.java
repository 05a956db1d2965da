package io.jobemu.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.EmulatorConfig;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.flink.TimingProfile;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/** A team's own annotation, meta-annotated with @WithEmulator, carries its settings; so does a superclass's. */
@ComposedAnnotationTest.OurFlinkTest
class ComposedAnnotationTest {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @WithEmulator(clock = EmulatorClock.Mode.REAL, timing = TimingProfile.INSTANT,
            apis = {EmulatorConfig.Api.FLINK, EmulatorConfig.Api.STREAMKAP})
    @interface OurFlinkTest {
    }

    @Test
    void theSettingsAreTheTeamAnnotations(EmulatorHandle emulator) {
        assertThat(emulator.clock().mode()).isEqualTo(EmulatorClock.Mode.REAL);
        assertThat(emulator.urls().flink()).startsWith("http://127.0.0.1:");
        assertThat(emulator.urls().streamkap()).startsWith("http://127.0.0.1:");
        assertThat(emulator.urls().jobserver()).as("not started").isNull();
        assertThatThrownBy(() -> emulator.jobserver().url()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the jobserver API's URL was not given to this handle");
    }

    @Test
    void everyHandleIsInjectable(EmulatorHandle emulator, FlinkHandle flink, JobserverHandle jobserver,
                                 StreamkapHandle streamkap, ClockHandle clock, JournalHandle journal,
                                 FaultsHandle faults) {
        assertThat(flink).isSameAs(emulator.flink());
        assertThat(jobserver).isSameAs(emulator.jobserver());
        assertThat(streamkap).isSameAs(emulator.streamkap());
        assertThat(clock).isSameAs(emulator.clock());
        assertThat(journal).isSameAs(emulator.journal());
        assertThat(faults).isSameAs(emulator.faults());
    }

    @Nested
    class NestedClasses {
        @Test
        void shareTheOuterClassesSettings(ClockHandle clock, FlinkHandle flink) {
            assertThat(clock.mode()).isEqualTo(EmulatorClock.Mode.REAL);
            assertThat(flink.url()).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    void fixedPortsAndAnEmptyChoiceOfApisComeFromTheAnnotationToo() {
        Scenarios.Results fixed = Scenarios.run(FixedPort.class);
        assertThat(fixed.of("listensOnTheFixedPort").getStatus()).as(fixed.outcomes().toString())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);

        assertThat(Scenarios.run(NoApis.class).failure("NoApis"))
                .isEqualTo("@WithEmulator on " + NoApis.class.getName() + ": at least one API must listen");
    }

    @Scenarios.Scenario
    @WithEmulator(apis = EmulatorConfig.Api.FLINK, flinkPort = FixedPort.PORT)
    static class FixedPort {
        static final int PORT = 47_931;

        @Test
        void listensOnTheFixedPort(EmulatorHandle emulator) {
            assertThat(emulator.urls()).isEqualTo(new EmulatorUrls("http://127.0.0.1:" + PORT, null, null));
            assertThat(emulator.isHealthy()).isTrue();
        }
    }

    @Scenarios.Scenario
    @WithEmulator(apis = {})
    static class NoApis {
        @Test
        void neverRuns() {
        }
    }

    /** Settings on a superclass reach its subclasses. */
    @WithEmulator(clock = EmulatorClock.Mode.REAL)
    abstract static class TeamBase {
    }

    @Nested
    class Inherited {
        @Test
        void aSubclassOfAnAnnotatedBaseGetsItsSettings() {
            Scenarios.Results results = Scenarios.run(FromTheBase.class);
            assertThat(results.of("seesTheBasesClock").getStatus()).as(String.valueOf(results.outcomes()))
                    .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        }
    }

    @Scenarios.Scenario
    static class FromTheBase extends TeamBase {
        @Test
        void seesTheBasesClock(ClockHandle clock) {
            assertThat(clock.mode()).isEqualTo(EmulatorClock.Mode.REAL);
        }
    }
}
