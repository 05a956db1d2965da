package io.jobemu.testing;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.flink.TimingProfile;
import java.net.BindException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for HTTP-level tests: a fresh emulator per test on free ports, manual clock, realistic timing. Tests move
 * time with {@link #advance} instead of sleeping.
 */
public abstract class EmulatorTest {

    protected Emulator emulator;
    protected TestHttp flink;
    protected TestHttp jobserver;
    protected TestHttp streamkap;

    protected EmulatorConfig config() {
        return EmulatorConfig.forTests().withTiming(TimingProfile.REALISTIC);
    }

    @BeforeEach
    void startEmulator() throws BindException {
        emulator = Emulator.start(config());
        flink = new TestHttp(emulator.flinkUrl());
        jobserver = new TestHttp(emulator.jobserverUrl());
        streamkap = new TestHttp(emulator.streamkapUrl());
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    protected void advance(Duration by) {
        emulator.clock().advance(by);
    }

    /** Uploads a jar with {@code mainClass} in its manifest and returns its jar id. */
    protected String uploadJar(String mainClass) {
        HttpResult upload = flink.upload("/jars/upload", "jarfile", "job.jar", TestJars.withMainClass(mainClass));
        String filename = upload.json().path("filename").asText();
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    /** Uploads a jar, runs it with {@code body} and returns the job id. */
    protected String runJob(String mainClass, String body) {
        String jarId = uploadJar(mainClass);
        return flink.post("/jars/" + jarId + "/run", body).json().path("jobid").asText();
    }
}
