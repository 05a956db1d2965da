package io.jobemu.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobemu.EmulatorConfig;
import io.jobemu.flink.cluster.TaskManagers;
import io.jobemu.flink.jobs.FlinkJob;
import io.jobemu.flink.jobs.JobBehaviour;
import io.jobemu.flink.jobs.JobSpec;
import io.jobemu.testing.EmulatorTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slot assignment with instant timing, where a job can take and free its slots within one instant, and across the
 * replay the task manager pool keeps between state changes.
 */
class SlotReplayTest extends EmulatorTest {

    private static final JobBehaviour FINISH_AT_ONCE = new JobBehaviour(JobBehaviour.Outcome.FINISH, Duration.ZERO,
            null, null, null, null, null, null);

    @Override
    protected EmulatorConfig config() {
        return EmulatorConfig.forTests().withTiming(TimingProfile.INSTANT);
    }

    @Test
    void aJobThatRunsAndFinishesInOneInstantFreesItsSlotsAndKeepsItsHost() {
        FlinkJob finished = submit(2, FINISH_AT_ONCE);
        FlinkJob running = submit(1, JobBehaviour.DEFAULT);
        emulator.clock().runDue();

        JsonNode overview = flink.get("/overview").json();

        assertThat(overview.path("jobs-finished").asInt()).isEqualTo(1);
        assertThat(overview.path("jobs-running").asInt()).isEqualTo(1);
        assertThat(overview.path("slots-available").asInt()).isEqualTo(3);
        String onlyTaskManager = flink.get("/taskmanagers").json().path("taskmanagers").path(0).path("id").asText();
        assertThat(taskManagers().hostOf(finished.id(), 1).orElseThrow().id()).isEqualTo(onlyTaskManager);
        assertThat(taskManagers().hostOf(running.id(), 0).orElseThrow().id()).isEqualTo(onlyTaskManager);
        assertThat(flink.get("/jobs/" + finished.id() + "/exceptions").status()).isEqualTo(200);
    }

    /** Jobs start a millisecond apart, so the older one takes the lower slots. */
    @Test
    void readsBetweenStateChangesSeeEveryChange() {
        FlinkJob first = submit(3, JobBehaviour.DEFAULT);
        advance(Duration.ofMillis(1));
        assertThat(flink.get("/overview").json().path("slots-available").asInt()).isEqualTo(1);

        FlinkJob second = submit(2, JobBehaviour.DEFAULT);
        advance(Duration.ofMillis(1));
        JsonNode grown = flink.get("/overview").json();
        assertThat(grown.path("taskmanagers").asInt()).isEqualTo(2);
        assertThat(grown.path("slots-available").asInt()).isEqualTo(3);
        assertThat(taskManagers().hostOf(second.id(), 1).orElseThrow().index()).isEqualTo(1);

        first.cancel();
        advance(Duration.ofMillis(1));
        assertThat(flink.get("/overview").json().path("slots-available").asInt()).isEqualTo(6);

        FlinkJob third = submit(3, JobBehaviour.DEFAULT);
        advance(Duration.ofMillis(1));
        assertThat(flink.get("/overview").json().path("slots-available").asInt()).isEqualTo(3);
        assertThat(taskManagers().hostOf(third.id(), 0).orElseThrow().index()).isZero();
    }

    /** Submits a job; with instant timing it runs (and may end) when the clock next runs its due events. */
    private FlinkJob submit(int parallelism, JobBehaviour behaviour) {
        return emulator.flink().cluster().jobs()
                .submit(new JobSpec(null, "x.jar", "example.Job", List.of(), parallelism, null, false, behaviour))
                .orElseThrow();
    }

    private TaskManagers taskManagers() {
        return emulator.flink().cluster().taskManagers();
    }
}
