package io.jobemu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Launches the three servers the benchmarks compare, each as its users run it, on 127.0.0.1 only. */
final class Servers {

    /** A launched server: its process, the base URL of its (Flink-shaped) API, and launch-to-ready time. */
    record Started(ServerProcess process, String baseUrl, double readyMillis) implements AutoCloseable {

        @Override
        public void close() {
            process.close();
        }
    }

    /** The JVM options README recommends for the emulator (see RESULTS.md for what they change). */
    static final List<String> RECOMMENDED_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xms8m", "-Xmx256m", "-Xss512k");

    /** The flags Flink's own distribution starts its JVMs with on Java 17; jar runs fail without them. */
    static final List<String> FLINK_JVM_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final Http http = new Http();
    private final AtomicInteger launches = new AtomicInteger();

    Servers(Settings settings) {
        this.settings = settings;
    }

    /** The emulator's jar, Flink API on a free port; ready is its {@code ready} line. */
    Started emulator(List<String> jvmOptions, List<String> options) {
        int port = freePort();
        ServerProcess process = launch("emulator", emulatorCommand(jvmOptions, port, options), false);
        double ready = process.awaitLine("ready"::equals, START_TIMEOUT).atNanos() / 1e6;
        return new Started(process, "http://127.0.0.1:" + port, ready);
    }

    /** Like {@link #emulator}, but ready is the first 200 on {@code path}, polled from launch. */
    Started emulatorUntilOk(List<String> jvmOptions, String path) {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        ServerProcess process = launch("emulator", emulatorCommand(jvmOptions, port, List.of()), false);
        return new Started(process, base, process.millisUntilOk(http, base + path, START_TIMEOUT));
    }

    private List<String> emulatorCommand(List<String> jvmOptions, int flinkPort, List<String> options) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", settings.emulatorJar().toString(), "--flink-port", Integer.toString(flinkPort),
                "--jobserver-port", "0", "--streamkap-port", "0"));
        command.addAll(options);
        return command;
    }

    /**
     * WireMock standalone serving the stubs under {@code rootDir}; ready is the first 200 on {@code path}. Its
     * request journal is off: it keeps whole responses, which at these body sizes costs WireMock most of its speed.
     */
    Started wireMock(Path rootDir, String path) {
        int port = freePort();
        List<String> command = List.of("java", "-jar", settings.wiremockJar().toString(), "--port",
                Integer.toString(port), "--bind-address", "127.0.0.1", "--root-dir", rootDir.toString(),
                "--disable-banner", "--no-request-journal");
        String base = "http://127.0.0.1:" + port;
        ServerProcess process = launch("wiremock", command, false);
        return new Started(process, base, process.millisUntilOk(http, base + path, START_TIMEOUT));
    }

    /**
     * A real Flink 2.3.0 MiniCluster; ready is its {@code ready} line (printed once REST answers). With
     * {@code prefill} jobs it also waits until they have all finished.
     */
    Started flink(int prefill) {
        int port = freePort();
        Path work = settings.work().resolve("flink-" + launches.incrementAndGet());
        try {
            Files.createDirectories(work.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(FLINK_JVM_OPTIONS);
        command.addAll(List.of("-Djava.io.tmpdir=" + work.resolve("tmp"), "-Dlog.file=" + work.resolve("flink.log"),
                "-cp", settings.benchClasses() + ":" + readClasspath(),
                "io.jobemu.bench.flink.RealFlinkServer", Integer.toString(port), work.toString(),
                Integer.toString(prefill)));
        ServerProcess process = launch("flink", command, true);
        double ready = process.awaitLine(line -> line.startsWith("ready "), START_TIMEOUT).atNanos() / 1e6;
        if (prefill > 0) {
            process.awaitLine(line -> line.startsWith("prefilled "), Duration.ofMinutes(4));
        }
        return new Started(process, "http://127.0.0.1:" + port, ready);
    }

    /** A short-lived JVM on the bench classes (plus the emulator's jar); returns its stdout lines. */
    ServerProcess java(String name, List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", settings.benchClasses() + ":" + settings.emulatorJar(), mainClass));
        command.addAll(List.of(args));
        return launch(name, command, false);
    }

    private ServerProcess launch(String name, List<String> command, boolean killOnClose) {
        Path stderr = settings.work().resolve("logs").resolve(name + "-" + launches.incrementAndGet() + ".err");
        return ServerProcess.launch(name, command, stderr, killOnClose);
    }

    private String readClasspath() {
        try {
            return Files.readString(settings.flinkClasspath()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("run `mvn package` in benchmarks/ first", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
