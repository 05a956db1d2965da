package io.jobemu.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's health check (docker/healthcheck.sh) against the runnable emulator as the image starts it, bound to
 * every interface, but on free ports instead of the defaults, and without Docker: healthy while the emulator answers
 * on the port its ready file names, unhealthy once it stops.
 */
class HealthCheckScriptTest {

    private static final Path SCRIPT = Path.of(System.getProperty("basedir", "."), "..", "docker",
            "healthcheck.sh");

    @Test
    void healthyOnThePortTheEmulatorReportsAndUnhealthyOnceItStops(@TempDir Path dir) throws Exception {
        Path readyFile = dir.resolve("ready");
        Process emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--host", "0.0.0.0",
                "--flink-port", "0", "--jobserver-port", "0", "--streamkap-port", "0", "--ready-file",
                readyFile.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitFile(readyFile, emulator);
            List<String> lines = Files.readAllLines(readyFile);
            assertThat(lines).hasSize(4).last().isEqualTo("ready");
            assertThat(lines.get(0)).matches("flink +http://localhost:\\d+").doesNotEndWith(":8081");

            assertThat(healthCheck(readyFile)).isZero();
        } finally {
            emulator.destroy();
            assertThat(emulator.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(healthCheck(readyFile)).isNotZero();
    }

    @Test
    void noReadyFileYetIsUnhealthy(@TempDir Path dir) throws Exception {
        assertThat(healthCheck(dir.resolve("absent"))).isNotZero();
    }

    private static int healthCheck(Path readyFile) throws IOException, InterruptedException {
        ProcessBuilder check = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        check.environment().put("JOBEMU_READY_FILE", readyFile.toString());
        Process process = check.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    /** Waits for the emulator to write its ready file (it starts in a second or two). */
    private static void awaitFile(Path file, Process emulator) throws InterruptedException {
        for (int i = 0; i < 600 && !Files.exists(file); i++) {
            assertThat(emulator.isAlive()).as("the emulator exited with " + exitCode(emulator)).isTrue();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertThat(file).exists();
    }

    private static String exitCode(Process process) {
        return process.isAlive() ? "nothing yet" : String.valueOf(process.exitValue());
    }
}
