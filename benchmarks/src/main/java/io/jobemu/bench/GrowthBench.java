package io.jobemu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How latency grows with the number of jobs: one emulator grown to 10, 1,000 and 10,000 jobs, each endpoint timed
 * by wrk over one connection at every size. List endpoints may grow with the jobs they list; per-job endpoints must
 * not.
 */
final class GrowthBench {

    /**
     * Per-job latency may vary this much between sizes and still count as not growing: a factor for noise, and an
     * absolute allowance for microsecond medians, where wrk's resolution and one cache miss double a number.
     */
    private static final double FLAT_RATIO = 2.0;
    private static final double FLAT_ALLOWANCE_MS = 0.1;
    private static final List<String> EMULATOR_OPTIONS = List.of("--clock", "manual", "--timing", "instant");

    private final Settings settings;
    private final Servers servers;
    private final Report report;
    private final byte[] jobJar;
    private final Http http = new Http();

    GrowthBench(Settings settings, Servers servers, Report report, byte[] jobJar) {
        this.settings = settings;
        this.servers = servers;
        this.report = report;
        this.jobJar = jobJar;
    }

    void run() {
        List<Integer> sizes = List.of(10, settings.count(1_000, 100), settings.count(10_000, 1_000));
        Duration warmUp = Duration.ofSeconds(1);
        Duration measure = Duration.ofSeconds(settings.count(2, 1));
        Map<String, List<Wrk.Result>> byEndpoint = new LinkedHashMap<>();
        List<String> perJob = new ArrayList<>();
        try (Servers.Started emulator = servers.emulator(List.of(), EMULATOR_OPTIONS)) {
            FlinkRest flink = new FlinkRest(http, emulator.baseUrl(), jobJar);
            Population population = new Population(flink);
            for (int size : sizes) {
                population.growTo(size);
                String job = population.sampleStreamingJob();
                String vertex = "/jobs/" + job + "/vertices/" + flink.firstVertex(job);
                Map<String, String> endpoints = new LinkedHashMap<>();
                endpoints.put("GET /jobs", "/jobs");
                endpoints.put("GET /jobs/overview", "/jobs/overview");
                endpoints.put("GET /overview", "/overview");
                endpoints.put("GET /taskmanagers", "/taskmanagers");
                endpoints.put("GET /applications/overview", "/applications/overview");
                endpoints.put("GET /jobs/{id}", "/jobs/" + job);
                endpoints.put("GET /jobs/{id}/status", "/jobs/" + job + "/status");
                endpoints.put("GET /jobs/{id}/exceptions", "/jobs/" + job + "/exceptions");
                endpoints.put("GET /jobs/{id}/checkpoints", "/jobs/" + job + "/checkpoints");
                endpoints.put("GET /jobs/{id}/vertices/{vid}", vertex);
                endpoints.put("GET /jobs/{id}/vertices/{vid}/taskmanagers", vertex + "/taskmanagers");
                endpoints.forEach((name, path) -> {
                    if (name.startsWith("GET /jobs/{id}") && !perJob.contains(name)) {
                        perJob.add(name);
                    }
                    String url = emulator.baseUrl() + path;
                    http.get(url).expect(200);
                    Wrk.run(url, 1, warmUp);
                    byEndpoint.computeIfAbsent(name, key -> new ArrayList<>()).add(Wrk.run(url, 1, measure));
                });
            }
        }
        writeSection(sizes, byEndpoint, perJob);
    }

    private void writeSection(List<Integer> sizes, Map<String, List<Wrk.Result>> byEndpoint, List<String> perJob) {
        List<String> header = new ArrayList<>(List.of("endpoint"));
        sizes.forEach(size -> header.add(Report.number(size) + " jobs: p50 / p99"));
        header.add("grows?");
        List<List<String>> rows = new ArrayList<>();
        boolean perJobFlat = true;
        for (Map.Entry<String, List<Wrk.Result>> entry : byEndpoint.entrySet()) {
            List<String> row = new ArrayList<>(List.of(entry.getKey()));
            entry.getValue().forEach(r -> row.add(Report.ms(r.p50()) + " / " + Report.ms(r.p99())));
            double first = entry.getValue().get(0).p50();
            double last = entry.getValue().get(entry.getValue().size() - 1).p50();
            boolean flat = last <= Math.max(first * FLAT_RATIO, first + FLAT_ALLOWANCE_MS);
            row.add(flat ? "flat" : Report.number(last / first) + "x");
            if (perJob.contains(entry.getKey())) {
                perJobFlat &= flat;
            }
            rows.add(row);
        }
        report.section("How cost grows with the number of jobs", """
                One emulator (manual clock, instant timing, default JVM options) grown to each size with the same \
                mix of jobs as above; every endpoint timed by wrk over one connection for %d s after a 1 s \
                warm-up. The per-job rows read the same running job at every size. "flat" means the median at \
                the largest size is within %.0fx (or %.1f ms) of the smallest's.

                """.formatted(settings.count(2, 1), FLAT_RATIO, FLAT_ALLOWANCE_MS) + Report.table(header, rows));
        report.headline("per-job endpoints from " + Report.number(sizes.get(0)) + " to " + Report.number(
                        sizes.get(sizes.size() - 1)) + " jobs", perJobFlat ? "flat" : "grow (see table)", "n/a",
                "n/a", "must not grow", Report.yes(perJobFlat));
    }
}
