package io.jobemu.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import io.jobemu.jobserver.JobserverSettings;
import io.jobemu.contract.support.Emulators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                "shutdownCluster", "not exercised", "NOT EXERCISED: shuts the cluster down (use --allow-shutdown)",
                "84 passed, 0 failed, 1 not exercised of 85 operations");
        assertThat(printed().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
        assertThat(reports.resolve("TEST-contract-flink.xml")).exists();
        assertThat(Files.readString(reports.resolve("contract-flink.json"))).contains("\"ok\" : true");
    }

    @Test
    void formatJsonPrintsTheJsonReportInsteadOfTheTable() throws Exception {
        try (Emulator emulator = Emulators.instant()) {
            assertThat(run("--api", "jobserver", "--base-url", emulator.jobserverUrl(), "--format", "json"))
                    .isEqualTo(0);
        }
        JsonNode report = new ObjectMapper().readTree(printed());
        assertThat(report.path("summary").path("ok").asBoolean()).isTrue();
        assertThat(report.path("operations").size()).isEqualTo(19);
        assertThat(run("--api", "jobserver", "--base-url", "http://x", "--format", "xml")).isEqualTo(2);
    }

    @Test
    void nothingListeningIsOneLineAndExitThree() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(run("--api", "flink", "--base-url", "http://127.0.0.1:" + port)).isEqualTo(3);
        assertThat(printed()).isEmpty();
        assertThat(errors()).isEqualTo("contract-tests: cannot connect to http://127.0.0.1:" + port
                + ": connection refused\n");
    }

    @Test
    void anUnknownHostIsOneLineAndExitThree() throws Exception {
        assertThat(run("--api", "flink", "--base-url", "http://no-such-host.invalid:8081")).isEqualTo(3);
        assertThat(errors()).isEqualTo("contract-tests: cannot connect to http://no-such-host.invalid:8081: "
                + "unknown host\n");
    }

    @Test
    void tlsToAPlainHttpServerIsOneLineAndExitFour() throws Exception {
        try (Emulator emulator = Emulators.instant()) {
            String https = emulator.flinkUrl().replace("http:", "https:");
            assertThat(run("--api", "flink", "--base-url", https)).isEqualTo(4);
            assertThat(printed()).isEmpty();
            assertThat(errors()).startsWith("contract-tests: TLS with " + https + " failed: ").hasLineCount(1);
        }
    }

    @Test
    void aServerOfAnotherKindIsOneLineAndExitFive() throws Exception {
        try (Emulator emulator = Emulators.instant()) {
            assertThat(run("--api", "flink", "--base-url", emulator.jobserverUrl())).isEqualTo(5);
            assertThat(errors()).startsWith("contract-tests: " + emulator.jobserverUrl() + " does not answer like a Flink JobManager: "
                    + "GET /config answered 404").hasLineCount(1);
            assertThat(run("--api", "jobserver", "--base-url", emulator.flinkUrl())).isEqualTo(5);
            assertThat(run("--api", "streamkap", "--base-url", emulator.flinkUrl(), "--token", "t")).isEqualTo(5);
            assertThat(run("--api", "jobserver", "--base-url", emulator.streamkapUrl())).isEqualTo(5);
            assertThat(printed()).isEmpty();
        }
    }

    @Test
    void streamkapWithoutCredentialsFailsWithExitSixUnlessAllowed() throws Exception {
        try (Emulator emulator = Emulators.instant()) {
            assertThat(run("--api", "streamkap", "--base-url", emulator.streamkapUrl())).isEqualTo(6);
            assertThat(printed()).isEmpty();
            assertThat(errors()).isEqualTo("contract-tests: streamkap checks need credentials: pass --client-id and "
                    + "--secret (or --token); --allow-not-exercised runs only the checks that need none\n");
            assertThat(emulator.journal().find(entry -> true)).as("nothing was sent").isEmpty();

            assertThat(run("--api", "streamkap", "--base-url", emulator.streamkapUrl(), "--allow-not-exercised"))
                    .isEqualTo(0);
            assertThat(printed()).contains("1 passed, 0 failed, 9 not exercised of 10 operations");
        }
    }

    @Test
    void credentialsTheServerAsksForOrRefusesAreOneLineAndExitSix() throws Exception {
        EmulatorConfig config = EmulatorConfig.forTests().withJobserverSettings(JobserverSettings.DEFAULTS
                .withAuthentication(List.of(new JobserverSettings.User("ci", "pw", List.of()))));
        try (Emulator emulator = Emulator.start(config)) {
            assertThat(run("--api", "jobserver", "--base-url", emulator.jobserverUrl())).isEqualTo(6);
            assertThat(errors()).startsWith("contract-tests: " + emulator.jobserverUrl() + " asks for credentials");
            assertThat(run("--api", "jobserver", "--base-url", emulator.jobserverUrl(), "--basic-auth", "ci:wrong"))
                    .isEqualTo(6);
            assertThat(errors()).contains("refused the credentials given: GET /contexts answered 401");
            assertThat(printed()).isEmpty();
        }
        try (Emulator emulator = Emulators.instant()) {
            assertThat(run("--api", "streamkap", "--base-url", emulator.streamkapUrl(), "--token", "stale"))
                    .isEqualTo(6);
        }
    }

    @Test
    void aBadCommandLineIsOneLineThatPointsToHelpAndExitsWithTwo() throws Exception {
        assertThat(run("--api", "flink")).isEqualTo(2);
        assertThat(errors()).isEqualTo("contract-tests: --api and --base-url are required (see --help)\n");
        for (String[] args : List.of(new String[] {"--api", "kafka", "--base-url", "http://x"},
                new String[] {"--api", "flink", "--base-url", "not a url"},
                new String[] {"--api", "flink", "--base-url", "http://x", "--allow-writes", "--read-only"},
                new String[] {"--api", "streamkap", "--base-url", "http://x", "--client-id", "a"},
                new String[] {"--api", "flink", "--base-url", "http://x", "--poll-timeout", "0"},
                new String[] {"--api", "flink", "--base-url", "http://x", "--format"},
                new String[] {"--bogus"})) {
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(errors()).as(String.join(" ", args)).startsWith("contract-tests: ").endsWith(" (see --help)\n")
                    .hasLineCount(1);
            assertThat(printed()).isEmpty();
        }
        assertThat(run("--api", "flink", "--base-url", "http://x", "--spec", "no-such-spec.yaml")).isEqualTo(2);
        assertThat(errors()).isEqualTo("contract-tests: cannot read no-such-spec.yaml: no such file\n");
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
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** What the last run printed on stdout. */
    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the last run printed on stderr. */
    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
