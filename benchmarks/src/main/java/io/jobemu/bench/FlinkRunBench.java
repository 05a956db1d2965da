package io.jobemu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code flink run} of a bounded job to its result, as a user types it: a fresh JVM running Flink 2.3.0's
 * {@code CliFrontend} (what {@code bin/flink} starts) submits {@code BatchJob} attached and waits until it has
 * finished. Timed from launch to exit, against the emulator with instant and with realistic timing (wall clock) and
 * against a real Flink 2.3.0, in one run. Standalone, after building as for {@code run.sh}:
 *
 * <p>{@code java -cp target/classes io.jobemu.bench.FlinkRunBench <repo root> [runs]}
 */
final class FlinkRunBench {

    private static final String BOUNDED_JOB = "io.jobemu.bench.job.BatchJob";
    private static final long RUN_TIMEOUT_SECONDS = 120;

    private final Settings settings;
    private final Servers servers;
    private final Report report;

    FlinkRunBench(Settings settings, Servers servers, Report report) {
        this.settings = settings;
        this.servers = servers;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromArgs(new String[] {args.length > 0 ? args[0] : ".."});
        Files.createDirectories(settings.work());
        Report report = new Report();
        new FlinkRunBench(settings, new Servers(settings), report).measure(args.length > 1
                ? Integer.parseInt(args[1]) : 5);
    }

    void run() {
        measure(settings.count(5, 2));
    }

    /** Each server: fresh-JVM runs and warm runs (one client JVM, its first run left out). */
    private record Timings(Stats fresh, Stats warm) {}

    private void measure(int runs) {
        Timings instant;
        Timings realistic;
        Timings flink;
        try (Servers.Started emulator = servers.emulator(List.of(), List.of("--timing", "instant"))) {
            instant = timings(emulator.baseUrl(), runs);
        }
        try (Servers.Started emulator = servers.emulator(List.of(), List.of("--timing", "realistic"))) {
            realistic = timings(emulator.baseUrl(), runs);
        }
        try (Servers.Started real = servers.flink(0)) {
            flink = timings(real.baseUrl(), runs);
        }
        String table = """
                `flink run -m <host:port> -c %s bench-job.jar`, attached, until the job's result: Flink 2.3.0's \
                `CliFrontend` (what `bin/flink` starts), %d runs each, median (min-max). "Fresh JVM": a new client \
                JVM per run, timed from launch to exit, as a user types it; "warm client": runs one after another \
                in one client JVM, its first run left out, as a test suite or a platform submits job after job. \
                Targets: under 1 s with instant timing (warm client); faster than a real Flink with realistic timing.

                | server | fresh JVM | warm client |
                |---|---|---|
                | jobemu, `--timing instant` | %s | %s |
                | jobemu, `--timing realistic` | %s | %s |
                | Apache Flink 2.3.0 MiniCluster | %s | %s |
                """.formatted(BOUNDED_JOB, runs, spread(instant.fresh()), spread(instant.warm()),
                spread(realistic.fresh()), spread(realistic.warm()), spread(flink.fresh()), spread(flink.warm()));
        System.out.println(table);
        report.section("`flink run` of a bounded job", table);
        report.headline("`flink run` bounded job to result (warm client)", Report.ms(instant.warm().median())
                + " (instant), " + Report.ms(realistic.warm().median()) + " (realistic)", "-",
                Report.ms(flink.warm().median()), "< 1 s instant; < Flink realistic",
                instant.warm().median() < 1_000 && realistic.warm().median() < flink.warm().median() ? "yes" : "no");
    }

    private Timings timings(String baseUrl, int runs) {
        String address = baseUrl.substring(baseUrl.indexOf("://") + 3);
        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            fresh.add(launch(List.of(), List.of("org.apache.flink.client.cli.CliFrontend"), address).get(0));
        }
        List<Double> warm = launch(List.of(settings.benchClasses().toString()),
                List.of("io.jobemu.bench.flink.FlinkRunLoop", Integer.toString(runs + 1)), address);
        return new Timings(Stats.of(fresh), Stats.of(warm.subList(1, warm.size())));
    }

    private static String spread(Stats stats) {
        return Report.ms(stats.median()) + " (" + Report.ms(stats.min()) + "-" + Report.ms(stats.max()) + ")";
    }

    /**
     * Runs {@code flink run} in a new JVM ({@code mainClass}, then the command); the milliseconds of each run it
     * reports ({@code run <ms>} lines), or of the whole JVM when it reports none. A failed run fails the benchmark.
     */
    private List<Double> launch(List<String> extraClasspath, List<String> mainClass, String address) {
        try {
            Path conf = Files.createDirectories(settings.work().resolve("flink-cli-conf"));
            Files.writeString(conf.resolve("config.yaml"), "");
            List<String> classpath = new ArrayList<>(extraClasspath);
            classpath.add(Files.readString(settings.flinkClasspath()).trim());
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(Servers.FLINK_JVM_OPTIONS);
            command.addAll(List.of("-cp", String.join(":", classpath)));
            command.addAll(mainClass);
            command.addAll(List.of("run", "-m", address, "-c", BOUNDED_JOB, settings.jobJar().toString(),
                    "bench flink run"));
            Path output = settings.work().resolve("flink-run.out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("FLINK_CONF_DIR", conf.toString());
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("flink run did not finish within " + RUN_TIMEOUT_SECONDS + " s");
            }
            double took = (System.nanoTime() - started) / 1e6;
            String printed = Files.readString(output);
            if (process.exitValue() != 0 || !printed.contains("has finished.")) {
                throw new IllegalStateException("flink run against " + address + " failed:\n" + printed);
            }
            List<Double> runs = printed.lines().filter(line -> line.startsWith("run "))
                    .map(line -> Double.parseDouble(line.substring(4))).toList();
            return runs.isEmpty() ? List.of(took) : runs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
