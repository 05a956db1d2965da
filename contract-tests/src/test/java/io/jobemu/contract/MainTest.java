package io.jobemu.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.Emulator;
import io.jobemu.contract.support.Emulators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aGoodServerExitsWithZeroPrintsTheTableAndWritesBothReports(@TempDir Path reports) throws Exception {
        try (Emulator emulator = Emulators.instant()) {
            int exit = run("--api", "flink", "--base-url", emulator.flinkUrl(), "--allow-writes",
                    "--report", reports.toString());
            assertThat(exit).isEqualTo(0);
        }
        assertThat(printed()).contains("OPERATION", "runJar ", "POST    /jars/{jarid}/run", "passed",
                "shutdownCluster", "not exercised", "use --allow-shutdown", "84 passed, 0 failed, 1 not exercised");
        assertThat(reports.resolve("TEST-contract-flink.xml")).exists();
        assertThat(Files.readString(reports.resolve("contract-flink.json"))).contains("\"ok\" : true");
    }

    @Test
    void anUnreachableServerFailsTheRun() throws Exception {
        int exit = run("--api", "flink", "--base-url", "http://127.0.0.1:1", "--read-only");
        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("TRANSPORT", "no answer from http://127.0.0.1:1");
    }

    @Test
    void aBadCommandLineExitsWithTwoAndShowsUsage() throws Exception {
        assertThat(run("--api", "flink")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--api and --base-url are required", "usage:");
        assertThat(run("--api", "kafka", "--base-url", "http://x")).isEqualTo(2);
        assertThat(run("--api", "flink", "--base-url", "not a url")).isEqualTo(2);
        assertThat(run("--api", "flink", "--base-url", "http://x", "--allow-writes", "--read-only")).isEqualTo(2);
        assertThat(run("--api", "streamkap", "--base-url", "http://x", "--client-id", "a")).isEqualTo(2);
        assertThat(run("--api", "flink", "--base-url", "http://x", "--poll-timeout", "0")).isEqualTo(2);
        assertThat(run("--bogus")).isEqualTo(2);
    }

    @Test
    void helpExitsWithZero() throws Exception {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(printed()).contains("usage: java -jar contract-tests.jar");
    }

    @Test
    void optionsMapOntoTheRun() {
        ContractOptions options = Main.parse(new String[] {"--api", "spark-jobserver", "--base-url",
                "https://jobs.example.com/", "--basic-auth", "u:p", "--allow-writes", "--allow-shutdown",
                "--exclude", "resetData,resetContexts", "--poll-timeout", "5"});
        assertThat(options.api()).isEqualTo(Api.JOBSERVER);
        assertThat(options.basicAuth()).contains("u:p");
        assertThat(options.writes()).isTrue();
        assertThat(options.allowShutdown()).isTrue();
        assertThat(options.excluded()).containsOnlyKeys("resetData", "resetContexts");
        assertThat(options.pollTimeout()).hasSeconds(5);
    }

    private int run(String... args) throws InterruptedException {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
