package io.jobemu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark run: start-up, reads and lifecycle, memory, cost growth, each comparing the emulator with WireMock
 * and a real Flink 2.3.0 where that makes sense; writes benchmarks/results/RESULTS.md. Every server listens on
 * 127.0.0.1 only and every loop is bounded. Run it through benchmarks/run.sh, which builds what it needs.
 *
 * <p>Usage: {@code Bench <repo root> [--quick]}
 */
public final class Bench {

    private static final Duration QUIET_WAIT = Duration.ofMinutes(3);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Settings built = Settings.fromArgs(args);
        Files.createDirectories(built.work());
        // a private copy: a rebuild of the tree during the run must not change the jar under test
        Settings settings = built.withEmulatorJar(Files.copy(built.emulatorJar(),
                built.work().resolve("emulator.jar"), StandardCopyOption.REPLACE_EXISTING));
        if (!settings.quick()) {
            awaitQuietMachine();
        }
        long started = System.nanoTime();
        String loadBefore = loadAverage();
        byte[] jobJar = Files.readAllBytes(settings.jobJar());
        Servers servers = new Servers(settings);
        Report report = new Report();

        StartupBench startup = new StartupBench(settings, servers, report);
        phase("start-up", startup::run);
        ThroughputBench throughput = new ThroughputBench(settings, servers, report, jobJar);
        phase("throughput, latency and lifecycle", throughput::run);
        phase("flink run", new FlinkRunBench(settings, servers, report)::run);
        phase("memory", new MemoryBench(settings, servers, report, jobJar, startup.idle(), throughput.loaded())::run);
        phase("cost growth", new GrowthBench(settings, servers, report, jobJar)::run);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        report.write(settings.results(), preamble(settings, took, loadBefore, loadAverage()));
        System.out.println("wrote " + settings.results() + " in " + took.toSeconds() + " s");
    }

    /**
     * Waits, at most {@link #QUIET_WAIT}, until the one-minute load average is under half the cores, so that other
     * work on the machine disturbs the numbers less; then runs anyway (RESULTS.md records the load).
     */
    private static void awaitQuietMachine() {
        double quiet = Runtime.getRuntime().availableProcessors() / 2.0;
        long deadline = System.nanoTime() + QUIET_WAIT.toNanos();
        while (oneMinuteLoad() >= quiet && System.nanoTime() < deadline) {
            System.out.println("waiting for a quieter machine: load average " + loadAverage());
            ServerProcess.sleep(15_000);
        }
    }

    private static double oneMinuteLoad() {
        String load = loadAverage();
        return load.equals("unknown") ? 0 : Double.parseDouble(load.split(" ")[0]);
    }

    private static void phase(String name, Runnable phase) {
        long started = System.nanoTime();
        System.out.println("== " + name);
        phase.run();
        System.out.println("   done in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s");
    }

    private static String preamble(Settings settings, Duration took, String loadBefore, String loadAfter) {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        return """
                # jobemu benchmarks

                Measured in one run of `benchmarks/run.sh`%s on %s (took %d min %d s).

                | | |
                |---|---|
                | machine | %s cores (`nproc`), %s memory, %s |
                | OS | %s |
                | Java | %s |
                | jobemu | %s (`emulator/target/emulator.jar`) |
                | compared with | WireMock standalone %s and Apache Flink %s (MiniCluster with web submission, one \
                task manager with 4 slots), both from Maven Central |
                | load generator | %s |
                | load average before / after | %s / %s |

                Everything runs on this one machine, over loopback: the servers, the harness and wrk share its \
                cores, so absolute numbers are this machine's; the comparison is what carries over.
                """.formatted(settings.quick() ? " --quick (a trial run: small counts, short runs)" : "", date,
                took.toMinutes(), took.toSecondsPart(), Runtime.getRuntime().availableProcessors(), memory(),
                cpuModel(), osName(), javaVersion(), emulatorVersion(settings.repo()), version("wiremock"),
                version("flink"),
                firstLine(List.of("wrk", "--version")), loadBefore, loadAfter);
    }

    /** A compared server's version, as the pom names it. */
    private static String version(String server) {
        try (var in = Bench.class.getResourceAsStream("versions.properties")) {
            Properties versions = new Properties();
            versions.load(in);
            return versions.getProperty(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String memory() {
        String total = grep(Path.of("/proc/meminfo"), "MemTotal:");
        long kib = Long.parseLong(total.replaceAll("\\D", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    }

    private static String cpuModel() {
        String line = grep(Path.of("/proc/cpuinfo"), "model name");
        return line.isEmpty() ? "unknown CPU" : line.substring(line.indexOf(':') + 1).trim();
    }

    private static String osName() {
        String line = grep(Path.of("/etc/os-release"), "PRETTY_NAME=");
        return line.replace("PRETTY_NAME=", "").replace("\"", "") + ", kernel " + System.getProperty("os.version");
    }

    private static String javaVersion() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    private static String emulatorVersion(Path repo) {
        String commit = firstLine(List.of("git", "-C", repo.toString(), "rev-parse", "--short", "HEAD"));
        String changes = firstLine(List.of("git", "-C", repo.toString(), "status", "--porcelain", "--",
                "emulator"));
        return "0.1.0-SNAPSHOT at commit " + commit + (changes.isEmpty() ? "" : " plus uncommitted changes");
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String grep(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix)).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    /** The first line a short command prints (stdout and stderr), or "" when it cannot run. */
    private static String firstLine(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return output.lines().findFirst().orElse("").trim();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
