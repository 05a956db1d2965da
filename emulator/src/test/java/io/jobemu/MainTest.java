package io.jobemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.core.Limits;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.control.ControlAccess;
import io.jobemu.flink.TimingProfile;
import io.jobemu.jobserver.JobserverSettings;
import io.jobemu.streamkap.StreamkapCredentials;
import io.jobemu.testing.TestHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void parsesEveryOption() {
        EmulatorConfig config = Main.parse(List.of("--flink-port", "0", "--jobserver-port=9000",
                "--streamkap-port", "9001", "--host", "0.0.0.0", "--clock", "manual", "--timing", "instant",
                "--seed", "42", "--journal-capacity", "50", "--streamkap-client-id", "ci", "--streamkap-secret=s3"));

        assertThat(config.flinkPort()).isZero();
        assertThat(config.jobserverPort()).isEqualTo(9000);
        assertThat(config.streamkapPort()).isEqualTo(9001);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.clockMode()).isEqualTo(EmulatorClock.Mode.MANUAL);
        assertThat(config.timing()).isEqualTo(TimingProfile.INSTANT);
        assertThat(config.seed()).hasValue(42);
        assertThat(config.journal().entries()).isEqualTo(50);
        assertThat(config.streamkapCredentials()).isEqualTo(new StreamkapCredentials("ci", "s3"));
    }

    @Test
    void parsesEveryLimitWithSizesInBytesOrKMG() {
        EmulatorConfig config = Main.parse(List.of("--flink-max-content-length", "2m", "--flink-jar-store-bytes=1G",
                "--flink-max-jars", "7", "--jobserver-max-content-length", "512k", "--jobserver-max-binaries", "8",
                "--streamkap-max-content-length", "1000", "--max-namespaces", "9"));

        assertThat(config.limits()).isEqualTo(new Limits(2L << 20, 1L << 30, 7, 512L << 10, 8, 1000, 9));
        assertThat(Main.parse(List.of()).limits()).isEqualTo(Limits.DEFAULT);
        assertThat(Limits.DEFAULT).isEqualTo(new Limits(104_857_600, 1L << 30, 10_000, 31_457_280, 10_000,
                104_857_600, 256));
    }

    @Test
    void rejectsLimitsUnderOneOrUnreadable() {
        assertThatThrownBy(() -> Main.parse(List.of("--flink-max-content-length", "0")))
                .hasMessage("--flink-max-content-length must be a size of at least 1 byte (a whole number of bytes, "
                        + "or with k, m or g), got \"0\"");
        assertThatThrownBy(() -> Main.parse(List.of("--jobserver-max-content-length", "30mb")))
                .hasMessage("--jobserver-max-content-length must be a size of at least 1 byte (a whole number of "
                        + "bytes, or with k, m or g), got \"30mb\"");
        assertThatThrownBy(() -> Main.parse(List.of("--flink-jar-store-bytes", "99999999999g")))
                .hasMessageStartingWith("--flink-jar-store-bytes must be a size of at least 1 byte");
        assertThatThrownBy(() -> Main.parse(List.of("--flink-max-jars", "0")))
                .hasMessage("--flink-max-jars must be between 1 and 2147483647, got 0");
        assertThatThrownBy(() -> Main.parse(List.of("--max-namespaces", "3000000000")))
                .hasMessage("--max-namespaces must be between 1 and 2147483647, got 3000000000");
    }

    @Test
    void jobserverUsersTurnBasicAuthenticationOnWithEveryPermission() {
        EmulatorConfig config = Main.parse(List.of("--jobserver-user", "admin:s3:cr3t", "--jobserver-user=ci:pw"));

        assertThat(config.jobserverSettings()).isEqualTo(JobserverSettings.DEFAULTS.withAuthentication(List.of(
                new JobserverSettings.User("admin", "s3:cr3t", List.of()),
                new JobserverSettings.User("ci", "pw", List.of()))));
        assertThat(config.jobserverSettings().authentication()).isTrue();
        assertThat(Main.parse(List.of()).jobserverSettings()).isEqualTo(JobserverSettings.DEFAULTS);
        assertThatThrownBy(() -> Main.parse(List.of("--jobserver-user", "admin")))
                .hasMessage("--jobserver-user must be NAME:PASSWORD, got \"admin\"");
        assertThatThrownBy(() -> Main.parse(List.of("--jobserver-user", ":pw")))
                .hasMessage("--jobserver-user must be NAME:PASSWORD, got \":pw\"");
    }

    @Test
    void defaultsAreTheRealServersPorts() {
        EmulatorConfig config = Main.parse(List.of());

        assertThat(config.flinkPort()).isEqualTo(8081);
        assertThat(config.jobserverPort()).isEqualTo(8090);
        assertThat(config.streamkapPort()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.clockMode()).isEqualTo(EmulatorClock.Mode.REAL);
    }

    @Test
    void rejectsBadOptionsWithAClearMessage() {
        assertThatThrownBy(() -> Main.parse(List.of("--flink-port", "70000")))
                .hasMessage("--flink-port must be a port between 0 and 65535, got 70000");
        assertThatThrownBy(() -> Main.parse(List.of("--flink-port", "x")))
                .hasMessage("--flink-port must be a whole number, got \"x\"");
        assertThatThrownBy(() -> Main.parse(List.of("--flink-port")))
                .hasMessage("--flink-port needs a value");
        assertThatThrownBy(() -> Main.parse(List.of("--clock", "fast")))
                .hasMessage("--clock must be real or manual, got \"fast\"");
        assertThatThrownBy(() -> Main.parse(List.of("--frobnicate")))
                .hasMessage("unknown option \"--frobnicate\"");
        assertThatThrownBy(() -> Main.parse(List.of("--streamkap-secret=")))
                .hasMessage("--streamkap-secret must not be empty");
        assertThatThrownBy(() -> Main.parse(List.of("--host", "no-such-host.invalid")))
                .hasMessage("--host \"no-such-host.invalid\" is neither an IP address nor a host name this machine "
                        + "can resolve");
        assertThatThrownBy(() -> Main.parse(List.of("stray")))
                .hasMessage("unexpected argument \"stray\"");
    }

    @Test
    void twoApisOnOnePortAreRefusedBeforeAnythingBinds() {
        assertThatThrownBy(() -> Main.parse(List.of("--jobserver-port", "8081")))
                .hasMessage("--jobserver-port 8081 is also --flink-port's port: each API needs a port of its own");
        assertThatThrownBy(() -> Main.parse(List.of("--flink-port", "9000", "--streamkap-port", "9000")))
                .hasMessage("--streamkap-port 9000 is also --flink-port's port: each API needs a port of its own");
        assertThat(Main.parse(List.of("--flink-port", "0", "--jobserver-port", "0", "--streamkap-port", "0"))
                .flinkPort()).isZero();
    }

    @Test
    void badOptionIsOneLineAndExitsWithCodeTwo() throws Exception {
        Process process = launch("--frobnicate");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(read(process.getErrorStream()))
                .isEqualTo("error: unknown option \"--frobnicate\" (--help lists the options)"
                        + System.lineSeparator());
    }

    @Test
    void duplicatePortsAndUnknownHostsExitWithCodeTwo() throws Exception {
        Process duplicate = launch("--flink-port", "0", "--jobserver-port", "9123", "--streamkap-port", "9123");
        assertThat(duplicate.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(duplicate.exitValue()).isEqualTo(2);
        assertThat(read(duplicate.getErrorStream())).isEqualTo("error: --streamkap-port 9123 is also "
                + "--jobserver-port's port: each API needs a port of its own (--help lists the options)"
                + System.lineSeparator());

        Process unknownHost = launch("--host", "no-such-host.invalid");
        assertThat(unknownHost.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(unknownHost.exitValue()).isEqualTo(2);
        assertThat(read(unknownHost.getErrorStream())).startsWith("error: --host \"no-such-host.invalid\" is "
                + "neither").hasLineCount(1);
    }

    @Test
    void anAddressOfAnotherMachineNamesTheHostOptionAndExitsWithCodeOne() throws Exception {
        Process process = launch("--host", "192.0.2.1", "--flink-port", "0", "--jobserver-port", "0",
                "--streamkap-port", "0");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(read(process.getErrorStream())).isEqualTo("error: --host 192.0.2.1: cannot bind the flink API to "
                + "192.0.2.1:0: no interface of this machine has that address" + System.lineSeparator());
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        Process process = launch("--help");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(read(process.getInputStream())).contains("--flink-port N", "--jobserver-port N",
                "--streamkap-port N", "--host ADDRESS");
    }

    @Test
    void portInUseIsAClearErrorAndNonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = launch("--flink-port", String.valueOf(taken.getLocalPort()));

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(read(process.getErrorStream())).isEqualTo("error: --flink-port " + taken.getLocalPort()
                    + ": cannot bind the flink API to 127.0.0.1:" + taken.getLocalPort()
                    + ": the port is already in use" + System.lineSeparator());
        }
    }

    @Test
    void theControlTokenComesFromItsOptionElseTheEnvironment() {
        Map<String, String> environment = Map.of("JOBEMU_CONTROL_TOKEN", "from-env");

        assertThat(Main.parse(List.of()).controlAccess()).isEqualTo(ControlAccess.LOCAL_ONLY);
        assertThat(Main.parse(List.of("--control-token", "opt")).controlAccess().token()).hasValue("opt");
        assertThat(Main.parse(List.of(), environment).controlAccess().token()).hasValue("from-env");
        assertThat(Main.parse(List.of("--control-token=opt"), environment).controlAccess().token()).hasValue("opt");
        assertThat(Main.parse(List.of(), Map.of("JOBEMU_CONTROL_TOKEN", "")).controlAccess().token()).isEmpty();
        assertThatThrownBy(() -> Main.parse(List.of("--control-token="))).hasMessage("--control-token must not be "
                + "empty");
        assertThat(Main.parse(List.of("--control-allow-origin", "http://localhost:3000",
                "--control-allow-origin=*")).controlAccess().allowedOrigins())
                .containsExactly("http://localhost:3000", "*");
    }

    @Test
    void aConfigNeverPrintsItsSecrets() {
        String printed = Main.parse(List.of("--control-token", "tok-9f8e", "--streamkap-secret", "sec-7d6c",
                "--jobserver-user", "ci:pw-5b4a")).toString();

        assertThat(printed).contains("ci").doesNotContain("tok-9f8e").doesNotContain("sec-7d6c")
                .doesNotContain("pw-5b4a");
    }

    @Test
    void aTokenInTheEnvironmentGuardsTheControlApiOfTheProcess() throws Exception {
        Process process = launch(Map.of("JOBEMU_CONTROL_TOKEN", "process-token"), "--flink-port", "0",
                "--jobserver-port", "0", "--streamkap-port", "0");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            TestHttp flink = new TestHttp(out.readLine().replaceFirst("flink +", ""));

            assertThat(flink.get("/_emulator/health").status()).isEqualTo(401);
            assertThat(flink.send("GET", "/_emulator/health", null, null, "X-Emulator-Control-Token",
                    "process-token").status()).isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void printsOneLinePerApiThenReadyAndServes() throws Exception {
        Process process = launch("--flink-port", "0", "--jobserver-port", "0", "--streamkap-port", "0");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                lines.add(line);
            }
            assertThat(line).isEqualTo("ready");
            assertThat(lines).allMatch(l -> l.matches("[a-z]+ +http://127\\.0\\.0\\.1:\\d+"));
            assertThat(lines).extracting(l -> l.split(" ")[0]).containsExactly("flink", "jobserver", "streamkap");
            String url = lines.get(0).replaceFirst("flink +", "");
            assertThat(new TestHttp(url).get("/_emulator/health").status()).isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process launch(String... args) throws IOException {
        return launch(Map.of(), args);
    }

    private static Process launch(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String read(java.io.InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
}
