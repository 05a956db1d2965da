package io.jobemu.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads under load (wrk on loopback) and the client lifecycle, one server at a time: the emulator holding 1,000
 * jobs, WireMock serving the emulator's very bodies as static stubs, and a real Flink holding 1,000 finished jobs.
 */
final class ThroughputBench {

    /** One wrk run. */
    record Read(String server, String endpoint, int bodyBytes, int connections, Wrk.Result result) {
    }

    static final List<String> EMULATOR_OPTIONS = List.of("--clock", "manual", "--timing", "instant");
    /** A loaded client pool, and one client alone (pure latency). */
    private static final List<Integer> CONNECTIONS = List.of(16, 1);

    private final Settings settings;
    private final Servers servers;
    private final Report report;
    private final byte[] jobJar;
    private final Http http = new Http();
    private final List<Read> reads = new ArrayList<>();
    private final Map<String, List<FlinkRest.Cycle>> lifecycles = new LinkedHashMap<>();
    private final Map<String, ServerProcess.Footprint> loaded = new LinkedHashMap<>();
    private final Duration warmUp;
    private final Duration measure;
    private final int jobs;

    ThroughputBench(Settings settings, Servers servers, Report report, byte[] jobJar) {
        this.settings = settings;
        this.servers = servers;
        this.report = report;
        this.jobJar = jobJar;
        this.warmUp = Duration.ofSeconds(settings.count(3, 1));
        this.measure = Duration.ofSeconds(settings.count(8, 2));
        this.jobs = settings.count(1000, 100);
    }

    /** Footprints with the benchmark's jobs loaded, for the memory section. */
    Map<String, ServerProcess.Footprint> loaded() {
        return loaded;
    }

    void run() {
        Map<String, String> bodies = emulator("jobemu", List.of(), true);
        emulator("jobemu, recommended JVM options", Servers.RECOMMENDED_JVM_OPTIONS, false);
        try (Servers.Started wireMock = servers.wireMock(
                WireMockStubs.write(settings.work().resolve("wiremock-reads"), bodies), "/jobs/overview")) {
            bodies.keySet().forEach(path -> read("WireMock", wireMock.baseUrl(), path));
        }
        flink();
        writeSections();
    }

    /** Measures an emulator; returns the bodies it served, by path, for WireMock to serve. */
    private Map<String, String> emulator(String server, List<String> jvmOptions, boolean withLifecycle) {
        try (Servers.Started emulator = servers.emulator(jvmOptions, EMULATOR_OPTIONS)) {
            FlinkRest flink = new FlinkRest(http, emulator.baseUrl(), jobJar);
            Population population = new Population(flink);
            population.growTo(jobs);
            Map<String, String> bodies = new LinkedHashMap<>();
            for (String path : List.of("/jobs/overview", "/jobs/" + population.sampleStreamingJob())) {
                bodies.put(path, http.get(emulator.baseUrl() + path).expect(200).body());
                read(server, emulator.baseUrl(), path);
            }
            loaded.put(server + ", " + Report.number(jobs) + " jobs, after the reads", emulator.process().footprint());
            if (withLifecycle) {
                for (FlinkRest.Poll poll : FlinkRest.Poll.values()) {
                    lifecycles.put(key(server, poll), lifecycle(flink, poll, warmUp,
                            settings.count(200, 20)));
                }
            }
            return bodies;
        }
    }

    private void flink() {
        try (Servers.Started flink = servers.flink(jobs)) {
            FlinkRest rest = new FlinkRest(http, flink.baseUrl(), jobJar);
            String streaming = rest.run(rest.uploadJar(), FlinkRest.STREAMING_JOB);
            rest.awaitState(streaming, "RUNNING", FlinkRest.Poll.STATUS);
            read("real Flink", flink.baseUrl(), "/jobs/overview");
            read("real Flink", flink.baseUrl(), "/jobs/" + streaming);
            loaded.put("real Flink, " + Report.number(jobs + 1) + " jobs, after the reads",
                    flink.process().footprint());
            for (FlinkRest.Poll poll : FlinkRest.Poll.values()) {
                lifecycles.put(key("real Flink", poll), lifecycle(rest, poll, warmUp,
                        settings.count(10, 2)));
            }
        }
    }

    private void read(String server, String base, String path) {
        String url = base + path;
        int bytes = http.get(url).expect(200).body().getBytes(StandardCharsets.UTF_8).length;
        String endpoint = path.equals("/jobs/overview") ? "GET /jobs/overview" : "GET /jobs/{id}";
        for (int connections : CONNECTIONS) {
            Wrk.run(url, connections, warmUp);
            reads.add(new Read(server, endpoint, bytes, connections, Wrk.run(url, connections, measure)));
        }
    }

    /**
     * {@code cycles} measured client cycles after unmeasured ones for {@code warmUp} (at least one): the same time
     * for every server, so that each has compiled its hot paths, which takes the emulator hundreds of its short
     * cycles.
     */
    static List<FlinkRest.Cycle> lifecycle(FlinkRest flink, FlinkRest.Poll poll, Duration warmUp, int cycles) {
        long warmUntil = System.nanoTime() + warmUp.toNanos();
        do {
            flink.lifecycle(poll);
        } while (System.nanoTime() < warmUntil);
        List<FlinkRest.Cycle> measured = new ArrayList<>();
        for (int i = 0; i < cycles; i++) {
            measured.add(flink.lifecycle(poll));
        }
        return measured;
    }

    private static String key(String server, FlinkRest.Poll poll) {
        return server + ", polling " + poll.path();
    }

    private static Stats totals(List<FlinkRest.Cycle> cycles) {
        return Stats.of(cycles.stream().map(FlinkRest.Cycle::total).toList());
    }

    private void writeSections() {
        List<List<String>> rows = new ArrayList<>();
        for (Read read : reads) {
            Wrk.Result r = read.result();
            rows.add(List.of(read.server(), read.endpoint(), Report.number(read.bodyBytes()),
                    Integer.toString(read.connections()), "**" + Report.number(r.requestsPerSecond()) + "**",
                    Report.ms(r.p50()), Report.ms(r.p90()), "**" + Report.ms(r.p99()) + "**", Report.ms(r.max()),
                    Long.toString(r.errors())));
        }
        report.section("Throughput and latency", """
                wrk (Debian's package) on loopback, %d s per row after a %d s warm-up, at most 2 wrk threads; \
                the server and wrk share the machine's cores. The emulator holds %,d jobs (one in ten still \
                running, the rest finished; manual clock, instant timing) and `/jobs/{id}` is a running job. \
                WireMock serves byte for byte the bodies the emulator served, as static stubs (body inline, same \
                headers) with `--no-request-journal`, its fastest setting (its journal keeps whole responses: \
                10,000 of the overview would be 4 GB); the emulator keeps its bounded journal on. The real Flink \
                holds %,d finished one-task jobs plus one running streaming job, which `/jobs/{id}` reads; its bodies \
                are its own, so compare their sizes too.

                """.formatted(measure.toSeconds(), warmUp.toSeconds(), jobs, jobs)
                + Report.table(List.of("server", "request", "body bytes", "connections", "requests/s", "p50", "p90",
                        "p99", "max", "errors"), rows));
        addHeadlines(writeLifecycleSection());
    }

    /** Returns how many times faster the emulator's cycle is, per way of polling. */
    private Map<FlinkRest.Poll, Double> writeLifecycleSection() {
        List<List<String>> cycleRows = new ArrayList<>();
        lifecycles.forEach((server, cycles) -> {
            Stats totals = totals(cycles);
            List<String> row = new ArrayList<>(List.of(server, Integer.toString(totals.count()),
                    "**" + Report.ms(totals.median()) + "**", Report.ms(totals.percentile(90))));
            for (int step = 0; step < FlinkRest.Cycle.STEPS.size(); step++) {
                int index = step;
                row.add(Report.ms(Stats.of(cycles.stream().map(c -> c.steps().get(index)).toList()).median()));
            }
            cycleRows.add(row);
        });
        List<String> header = new ArrayList<>(List.of("server", "cycles", "cycle median", "cycle p90"));
        FlinkRest.Cycle.STEPS.forEach(step -> header.add(step + " (median)"));
        Map<FlinkRest.Poll, Double> speedUps = new LinkedHashMap<>();
        StringBuilder ratios = new StringBuilder();
        for (FlinkRest.Poll poll : FlinkRest.Poll.values()) {
            double speedUp = totals(lifecycles.get(key("real Flink", poll))).median()
                    / totals(lifecycles.get(key("jobemu", poll))).median();
            speedUps.put(poll, speedUp);
            ratios.append("Polling `").append(poll.path()).append("`, the emulator's cycle is **")
                    .append(Report.number(speedUp)).append("x** faster than the real Flink's.\n");
        }
        report.section("Job lifecycle", """
                One client cycle, as a test does it: upload the job jar (multipart), run it, poll until RUNNING, \
                cancel (`PATCH ?mode=cancel`), poll until CANCELED; polls 5 ms apart; sequential, over one \
                keep-alive connection, after %d s of warm-up cycles; the same Java client (the JDK's \
                `HttpClient`, its work on its own threads) for both servers. Two ways to poll: `GET /jobs/{id}` (job details, what dashboards read; the real Flink serves it from a cache \
                refreshed every `web.refresh-interval`, 3 s by default, so a cancel shows late) and \
                `GET /jobs/{id}/status` (what Flink's own client polls; not cached). The emulator runs with \
                `--clock manual --timing instant`, as the JUnit extension does (a manual clock); the real Flink \
                runs a real streaming job. WireMock cannot take part: static stubs have no lifecycle.

                """.formatted(warmUp.toSeconds()) + Report.table(header, cycleRows) + "\n" + ratios);
        return speedUps;
    }

    /**
     * One row per request: throughput with 16 connections against WireMock's, latency with one connection (on two
     * shared cores, 16 connections measure queueing more than the server).
     */
    private void addHeadlines(Map<FlinkRest.Poll, Double> speedUps) {
        for (String endpoint : List.of("GET /jobs/overview", "GET /jobs/{id}")) {
            Wrk.Result emulatorLoad = find("jobemu", endpoint, 16);
            Wrk.Result wireMockLoad = find("WireMock", endpoint, 16);
            Wrk.Result emulatorAlone = find("jobemu", endpoint, 1);
            String what = endpoint + (endpoint.contains("overview") ? " (" + Report.number(jobs) + " jobs)" : "")
                    + ": requests/s with 16 connections; p99 with 1";
            report.headline(what, load(emulatorLoad, emulatorAlone), load(wireMockLoad, find("WireMock", endpoint, 1)),
                    load(find("real Flink", endpoint, 16), find("real Flink", endpoint, 1)),
                    "at least WireMock's requests/s; p99 under 5 ms",
                    Report.yes(emulatorLoad.requestsPerSecond() >= wireMockLoad.requestsPerSecond()) + "; "
                            + Report.yes(emulatorAlone.p99() < 5));
        }
        speedUps.forEach((poll, speedUp) -> report.headline("lifecycle upload, run, poll " + poll.path()
                        + ", cancel (median)", Report.ms(totals(lifecycles.get(key("jobemu", poll))).median()), "n/a",
                Report.ms(totals(lifecycles.get(key("real Flink", poll))).median()), "100x faster than Flink",
                Report.yes(speedUp >= 100) + " (" + Report.number(speedUp) + "x)"));
    }

    private static String load(Wrk.Result loaded, Wrk.Result alone) {
        return Report.number(loaded.requestsPerSecond()) + "/s; " + Report.ms(alone.p99());
    }

    private Wrk.Result find(String server, String endpoint, int connections) {
        return reads.stream().filter(r -> r.server().equals(server) && r.endpoint().equals(endpoint)
                && r.connections() == connections).findFirst().orElseThrow().result();
    }
}
