package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.EmulatorConfig;
import io.jobemu.flink.TimingProfile;
import io.jobemu.testing.HttpResult;
import io.jobemu.testing.TestJars;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With instant timing the built-in jobs take no time, Python ones included. */
class BuiltInJobsInstantTest extends JobserverTest {

    @Override
    protected EmulatorConfig config() {
        return EmulatorConfig.forTests().withTiming(TimingProfile.INSTANT);
    }

    @Test
    void sparkActionsAndPythonJobsFinishWithoutTime() {
        String doubled = startJob("spark.jobserver.VeryShortDoubleJob", "", "");
        assertThat(createContext("py", "?context-factory=spark.jobserver.python.PythonSessionContextFactory")
                .status()).isEqualTo(200);
        assertThat(jobserver.send("POST", "/binaries/pydemo", TestJars.withMainClass("example_jobs.Egg"),
                "application/python-egg").status()).isEqualTo(201);
        HttpResult counted = postJob("cp=pydemo&context=py&mainClass=example_jobs.word_count.WordCountSparkSessionJob",
                "input.strings = [a]");
        assertThat(counted.status()).isEqualTo(202);
        advance(Duration.ZERO);

        assertThat(job(doubled).path("duration").asText()).isEqualTo("0.0 secs");
        assertThat(job(doubled).path("result").toString()).isEqualTo("[2,4,6]");
        assertThat(job(counted.json().path("jobId").asText()).path("result").toString()).isEqualTo("{\"a\":1}");
    }
}
