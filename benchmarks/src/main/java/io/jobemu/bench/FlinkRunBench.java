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

    private void measure(int runs) {
        Stats instant;
        Stats realistic;
        Stats flink;
        try (Servers.Started emulator = servers.emulator(List.of(), List.of("--timing", "instant"))) {
            instant = timeRuns(emulator.baseUrl(), runs);
        }
        try (Servers.Started emulator = servers.emulator(List.of(), List.of("--timing", "realistic"))) {
            realistic = timeRuns(emulator.baseUrl(), runs);
        }
        try (Servers.Started real = servers.flink(0)) {
            flink = timeRuns(real.baseUrl(), runs);
        }
        String table = """
                `flink run -m <host:port> -c %s bench-job.jar` in a fresh JVM (Flink 2.3.0's `CliFrontend`, as \
                `bin/flink` starts it), attached, from launch until it exits after the job's result; %d runs each, \
                median (min-max). Targets: under 1 s with instant timing; faster than a real Flink with realistic \
                timing.

                | server | flink run to the result |
                |---|---|
                | jobemu, `--timing instant` | %s |
                | jobemu, `--timing realistic` | %s |
                | Apache Flink 2.3.0 MiniCluster | %s |
                """.formatted(BOUNDED_JOB, runs, spread(instant), spread(realistic), spread(flink));
        System.out.println(table);
        report.section("`flink run` of a bounded job", table);
        report.headline("`flink run` bounded job to result", Report.ms(instant.median()) + " (instant), "
                + Report.ms(realistic.median()) + " (realistic)", "-", Report.ms(flink.median()),
                "< 1 s instant; < Flink realistic", instant.median() < 1_000 && realistic.median() < flink.median()
                        ? "yes" : "no");
    }

    private static String spread(Stats stats) {
        return Report.ms(stats.median()) + " (" + Report.ms(stats.min()) + "-" + Report.ms(stats.max()) + ")";
    }

    /** Wall-clock milliseconds of each {@code flink run}; a run that fails fails the benchmark. */
    private Stats timeRuns(String baseUrl, int runs) {
        String address = baseUrl.substring(baseUrl.indexOf("://") + 3);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(flinkRun(address, "bench flink run " + i));
        }
        return Stats.of(millis);
    }

    private double flinkRun(String address, String jobName) {
        try {
            Path conf = Files.createDirectories(settings.work().resolve("flink-cli-conf"));
            Files.writeString(conf.resolve("config.yaml"), "");
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(Servers.FLINK_JVM_OPTIONS);
            command.addAll(List.of("-cp", Files.readString(settings.flinkClasspath()).trim(),
                    "org.apache.flink.client.cli.CliFrontend", "run", "-m", address, "-c", BOUNDED_JOB,
                    settings.jobJar().toString(), jobName));
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
            return took;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
