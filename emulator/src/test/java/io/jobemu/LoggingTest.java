package io.jobemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.testing.TestHttp;
import io.jobemu.testing.TestJars;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The library logs through the SLF4J API into whatever binding and configuration the user's JVM has (here
 * slf4j-simple, configured by system properties in a fresh JVM), and changes nothing global.
 */
class LoggingTest {

    @Test
    void startingAndStoppingTheEmulatorSetsNoSystemProperty() throws BindException {
        Map<Object, Object> before = ownProperties();
        try (Emulator emulator = Emulator.start(EmulatorConfig.forTests())) {
            assertThat(emulator.baseUrls()).hasSize(3);
        }
        assertThat(ownProperties()).isEqualTo(before);
    }

    /** The system properties, less the JDK's own (its NIO sets one on first use). */
    private static Map<Object, Object> ownProperties() {
        Map<Object, Object> properties = new HashMap<>(System.getProperties());
        properties.keySet().removeIf(key -> key.toString().matches("(sun|jdk|java)\\..*"));
        return properties;
    }

    @Test
    void infoShowsOneLinePerApiAndDebugEveryJobTransition() throws Exception {
        List<String> lines = runProbe("debug");

        assertThat(lines).filteredOn(line -> line.startsWith("INFO io.jobemu.Emulator - "))
                .hasSize(3)
                .allMatch(line -> line.matches("INFO io\\.jobemu\\.Emulator - jobemu (flink|jobserver|streamkap) API "
                        + "listening on http://127\\.0\\.0\\.1:\\d+"));
        assertThat(lines).filteredOn(line -> line.startsWith("DEBUG io.jobemu.flink.jobs.JobStatus - "))
                .anyMatch(line -> line.matches(".* - job [0-9a-f]{32}: INITIALIZING -> CREATED"))
                .anyMatch(line -> line.matches(".* - job [0-9a-f]{32}: CREATED -> RUNNING"));
    }

    @Test
    void aQuieterConfigurationShowsNone() throws Exception {
        assertThat(runProbe("warn")).noneMatch(line -> line.contains("io.jobemu"));
    }

    /** The probe's stdout, logged by slf4j-simple at {@code level}. */
    private static List<String> runProbe(String level) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.logFile=System.out", "-Dorg.slf4j.simpleLogger.showThreadName=false",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + level,
                "-Dorg.slf4j.simpleLogger.log.io.undertow=warn", "-Dorg.slf4j.simpleLogger.log.org.xnio=warn",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("probe done");
        return out.lines().toList();
    }

    /** Starts an emulator, runs a Flink job to RUNNING, stops. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            try (Emulator emulator = Emulator.start(EmulatorConfig.forTests())) {
                TestHttp flink = new TestHttp(emulator.flinkUrl());
                String file = flink.upload("/jars/upload", "jarfile", "job.jar",
                        TestJars.withMainClass("com.example.Job")).json().path("filename").asText();
                String jarId = file.substring(file.lastIndexOf('/') + 1);
                flink.post("/jars/" + jarId + "/run", "{}");
                emulator.clock().advance(Duration.ofSeconds(5));
            }
            System.out.println("probe done");
        }
    }
}
