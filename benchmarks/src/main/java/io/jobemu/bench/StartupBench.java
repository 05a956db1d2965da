package io.jobemu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold starts: each server launched as a fresh process, timed from launch to ready, runs of the cheap servers
 * interleaved so background noise falls on all of them alike. Also records each server's idle footprint.
 */
final class StartupBench {

    /** The idle footprint of each server variant, for the memory section. */
    record Idle(String server, ServerProcess.Footprint footprint) {
    }

    private static final String PROBE = "/overview";
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final Settings settings;
    private final Servers servers;
    private final Report report;
    private final Http http = new Http();
    private final List<Idle> idle = new ArrayList<>();

    StartupBench(Settings settings, Servers servers, Report report) {
        this.settings = settings;
        this.servers = servers;
        this.report = report;
    }

    List<Idle> idle() {
        return idle;
    }

    void run() {
        int runs = settings.count(10, 2);
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        List<Double> inProcessLater = new ArrayList<>();
        List<Double> inProcessFirstRequest = new ArrayList<>();
        // one unmeasured launch of each, so the first measured run does not pay for a cold page cache; WireMock's
        // one stub answers what the idle emulator answers
        String probeBody;
        try (Servers.Started emulator = servers.emulator(List.of(), List.of())) {
            probeBody = http.get(emulator.baseUrl() + PROBE).expect(200).body();
        }
        Path stubs = WireMockStubs.write(settings.work().resolve("wiremock-startup"), Map.of(PROBE, probeBody));
        time(() -> servers.wireMock(stubs, PROBE));
        List<String> withArchive = classDataSharing();
        inProcess();
        for (int run = 0; run < runs; run++) {
            boolean last = run == runs - 1;
            add(samples, "JVM floor: launch to a printed line (Hello world)", jvmFloor());
            add(samples, "jobemu, default JVM options: launch to `ready` line",
                    startAndMeasure(() -> servers.emulator(List.of(), List.of()), "jobemu, default JVM", last));
            add(samples, "jobemu, recommended JVM options: launch to `ready` line",
                    startAndMeasure(() -> servers.emulator(Servers.RECOMMENDED_JVM_OPTIONS, List.of()),
                            "jobemu, recommended JVM options", last));
            add(samples, "jobemu, recommended JVM options and a class-data archive: launch to `ready` line",
                    startAndMeasure(() -> servers.emulator(withArchive, List.of()),
                            "jobemu, recommended JVM options and a class-data archive", last));
            add(samples, "jobemu, default JVM options: launch to first 200 on /overview",
                    time(() -> servers.emulatorUntilOk(List.of(), PROBE)));
            add(samples, "WireMock, one stub: launch to first 200 on the stub",
                    startAndMeasure(() -> servers.wireMock(stubs, PROBE), "WireMock", last));
            double[] inProcess = inProcess();
            add(samples, "jobemu in-process: first `Emulator.start(forTests())` in a fresh JVM", inProcess[0]);
            inProcessFirstRequest.add(inProcess[1]);
            inProcessLater.add(inProcess[2]);
        }
        int flinkRuns = settings.count(5, 1);
        for (int run = 0; run < flinkRuns; run++) {
            add(samples, "real Flink 2.3.0 MiniCluster: launch to REST ready",
                    startAndMeasure(() -> servers.flink(0), "real Flink 2.3.0", run == flinkRuns - 1));
        }
        samples.put("jobemu in-process: each later start in the same JVM (median of 10 per JVM)", inProcessLater);
        samples.put("jobemu in-process: first request after the first start", inProcessFirstRequest);
        writeSection(samples);
    }

    private void writeSection(Map<String, List<Double>> samples) {
        List<List<String>> rows = new ArrayList<>();
        samples.forEach((name, values) -> {
            Stats stats = Stats.of(values);
            rows.add(List.of(name, Integer.toString(stats.count()), Report.ms(stats.min()),
                    "**" + Report.ms(stats.median()) + "**", Report.ms(stats.max())));
        });
        report.section("Start-up", """
                Each row is a fresh process (a fresh JVM for the in-process rows), launched by the harness and timed \
                until the server is ready (runs of the different servers interleaved): the emulator's `ready` line \
                (printed once every API listens), WireMock's first 200 on its one stub (polled every 5 ms), \
                Flink's MiniCluster returning from `start()` with REST up. The in-process rows time \
                `Emulator.start(EmulatorConfig.forTests())`, which the JUnit extension calls; the first start in a \
                JVM loads the emulator's classes, later ones do not. The \
                class-data archive is written once beforehand with `-XX:ArchiveClassesAtExit` (one start, one \
                request) and used with `-XX:SharedArchiveFile`.

                """ + Report.table(List.of("what", "runs", "min", "median", "max"), rows));
        double process = Stats.of(samples.get("jobemu, recommended JVM options: launch to `ready` line")).median();
        double archived = Stats.of(samples.get(
                "jobemu, recommended JVM options and a class-data archive: launch to `ready` line")).median();
        double processDefault = Stats.of(samples.get("jobemu, default JVM options: launch to `ready` line")).median();
        double wireMock = Stats.of(samples.get("WireMock, one stub: launch to first 200 on the stub")).median();
        double flink = Stats.of(samples.get("real Flink 2.3.0 MiniCluster: launch to REST ready")).median();
        report.headline("process launch to ready (median)", Report.ms(processDefault) + " (default JVM); "
                        + Report.ms(process) + " (recommended); " + Report.ms(archived) + " (with a class-data "
                        + "archive)", Report.ms(wireMock), Report.ms(flink),
                "well under 1 s", Report.yes(Math.max(process, processDefault) < 1000));
        double inProcessFirst = Stats.of(samples.get(
                "jobemu in-process: first `Emulator.start(forTests())` in a fresh JVM")).median();
        double inProcessLater = Stats.of(samples.get(
                "jobemu in-process: each later start in the same JVM (median of 10 per JVM)")).median();
        report.headline("in-process start (JUnit extension)", Report.ms(inProcessFirst) + " first in a JVM; "
                        + Report.ms(inProcessLater) + " later", "n/a", "n/a", "under 100 ms",
                Report.yes(inProcessFirst < 100) + " first, " + Report.yes(inProcessLater < 100) + " later");
    }

    /**
     * Writes an application class-data archive of the emulator (what {@code -XX:ArchiveClassesAtExit} records from
     * one start and one request) and returns the recommended JVM options plus the flag that uses it.
     */
    private List<String> classDataSharing() {
        Path archive = settings.work().resolve("emulator.jsa");
        List<String> dump = new ArrayList<>(Servers.RECOMMENDED_JVM_OPTIONS);
        dump.add("-XX:ArchiveClassesAtExit=" + archive);
        try (Servers.Started emulator = servers.emulator(dump, List.of())) {
            http.get(emulator.baseUrl() + PROBE).expect(200);
        }
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the JVM wrote no class-data archive at " + archive);
        }
        List<String> use = new ArrayList<>(Servers.RECOMMENDED_JVM_OPTIONS);
        use.add("-XX:SharedArchiveFile=" + archive);
        return use;
    }

    /** Starts a server, keeps its time; on the last run also records its idle footprint. */
    private double startAndMeasure(ServerStart start, String server, boolean recordIdle) {
        try (Servers.Started started = start.start()) {
            if (recordIdle) {
                ServerProcess.sleep(SETTLE.toMillis());
                http.get(started.baseUrl() + PROBE).expect(200);
                ServerProcess.sleep(500);
                idle.add(new Idle(server, started.process().footprint()));
            }
            return started.readyMillis();
        }
    }

    private static double time(ServerStart start) {
        try (Servers.Started started = start.start()) {
            return started.readyMillis();
        }
    }

    private double jvmFloor() {
        try (ServerProcess hello = servers.java("hello", List.of(), "io.jobemu.bench.Hello")) {
            return hello.awaitLine("ready"::equals, Duration.ofSeconds(30)).atNanos() / 1e6;
        }
    }

    /** {first start, first request, median later start} from a fresh JVM. */
    private double[] inProcess() {
        try (ServerProcess probe = servers.java("in-process", List.of(), "io.jobemu.bench.InProcessStart", "10")) {
            String line = probe.awaitLine(text -> text.startsWith("first_start_ms="), Duration.ofSeconds(60)).text();
            Map<String, Double> values = new LinkedHashMap<>();
            for (String pair : line.split(" ")) {
                String[] keyValue = pair.split("=");
                values.put(keyValue[0], Double.parseDouble(keyValue[1]));
            }
            return new double[] {values.get("first_start_ms"), values.get("first_request_ms"),
                    values.get("later_start_median_ms")};
        }
    }

    private static void add(Map<String, List<Double>> samples, String name, double value) {
        samples.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }

    @FunctionalInterface
    interface ServerStart {
        Servers.Started start();
    }
}
