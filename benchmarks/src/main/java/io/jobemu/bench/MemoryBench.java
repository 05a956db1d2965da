package io.jobemu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resident memory idle, loaded with 10,000 jobs and 1,000 jars, and after an hour of emulated time on the manual
 * clock with steady traffic; during that hour, shows that the journal and the stored uploads stay within their
 * documented bounds.
 */
final class MemoryBench {

    /** README: the journal keeps 10,000 requests by default; the jar store holds at most 1 GiB. */
    private static final int JOURNAL_CAPACITY = 10_000;
    private static final long JAR_STORE_CAPACITY = 1L << 30;
    private static final List<String> EMULATOR_OPTIONS = List.of("--clock", "manual", "--timing", "instant");

    /** A look at the emulator during the soak. */
    private record Sample(long emulatedSeconds, ServerProcess.Footprint footprint, int journalEntries, int jars,
                          long uploadBytes, int jobs, long pendingEvents) {
    }

    private final Settings settings;
    private final Servers servers;
    private final Report report;
    private final byte[] jobJar;
    private final List<StartupBench.Idle> idle;
    private final Map<String, ServerProcess.Footprint> loaded;
    private final Http http = new Http();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Sample> soak = new ArrayList<>();
    private final int jobs;
    private final int jars;

    MemoryBench(Settings settings, Servers servers, Report report, byte[] jobJar, List<StartupBench.Idle> idle,
                Map<String, ServerProcess.Footprint> loaded) {
        this.settings = settings;
        this.servers = servers;
        this.report = report;
        this.jobJar = jobJar;
        this.idle = idle;
        this.loaded = loaded;
        this.jobs = settings.count(10_000, 500);
        this.jars = settings.count(1_000, 50);
    }

    void run() {
        idle.forEach(entry -> row(entry.server() + ", idle after start and one request", entry.footprint()));
        loaded.forEach(this::row);
        ServerProcess.Footprint defaultLoaded = loaded(List.of(), false);
        ServerProcess.Footprint recommendedLoaded = loaded(Servers.RECOMMENDED_JVM_OPTIONS, true);
        writeSection();
        double idleRecommended = idleMib("jobemu, recommended JVM options");
        report.headline("RSS idle", Report.mib(idleMib("jobemu, default JVM")) + " (default JVM); "
                        + Report.mib(idleRecommended) + " (recommended)", Report.mib(idleMib("WireMock")),
                Report.mib(idleMib("real Flink 2.3.0")), "under 100 MiB with the recommended options",
                Report.yes(idleRecommended < 100));
        Sample end = soak.get(soak.size() - 1);
        report.headline("RSS with " + Report.number(jobs) + " jobs and " + Report.number(jars) + " jars; after a "
                        + "one-hour soak", Report.mib(defaultLoaded.rssMib()) + " (default JVM); "
                        + Report.mib(recommendedLoaded.rssMib()) + " (recommended); " + Report.mib(
                        end.footprint().rssMib()) + " after the soak", "n/a", "see Memory", "journal and uploads "
                        + "within bounds", Report.yes(withinBounds()));
    }

    /** Loads an emulator with the jobs and jars; with {@code soak}, then runs the hour. Returns the loaded size. */
    private ServerProcess.Footprint loaded(List<String> jvmOptions, boolean soakToo) {
        String variant = jvmOptions.isEmpty() ? "jobemu, default JVM" : "jobemu, recommended JVM options";
        try (Servers.Started emulator = servers.emulator(jvmOptions, EMULATOR_OPTIONS)) {
            FlinkRest flink = new FlinkRest(http, emulator.baseUrl(), jobJar);
            Population population = new Population(flink);
            population.uploadJars(jars);
            population.growTo(jobs);
            ServerProcess.Footprint footprint = emulator.process().footprint();
            row(variant + ", " + Report.number(jobs) + " jobs and " + Report.number(jars) + " jars", footprint);
            if (soakToo) {
                soak(emulator, flink, population);
                row(variant + ", after the one-hour soak", soak.get(soak.size() - 1).footprint());
            }
            return footprint;
        }
    }

    /**
     * One hour of emulated time, a second per step: each step advances the clock and reads a running job and a
     * checkpointing one; every 10 s a jar is uploaded and the oldest deleted, a job finishes and a streaming job is
     * replaced (run one, cancel the previous), so the store of jars stays the same size and jobs keep arriving.
     */
    private void soak(Servers.Started emulator, FlinkRest flink, Population population) {
        String base = emulator.baseUrl();
        Path uploads = Path.of(flink.uploadJarFile()).getParent();
        List<String> jarIds = new ArrayList<>(population.jarIds());
        String checkpointed = population.sampleCheckpointedJob();
        String streaming = population.sampleStreamingJob();
        String replaced = flink.run(jarIds.get(0), FlinkRest.STREAMING_JOB);
        int seconds = settings.count(3600, 300);
        sample(emulator, uploads, 0);
        for (int second = 1; second <= seconds; second++) {
            http.post(base + "/_emulator/clock/advance?by=PT1S", "").expect(200);
            http.get(base + "/jobs/" + checkpointed + "/checkpoints").expect(200);
            http.get(base + "/jobs/" + streaming).expect(200);
            if (second % 10 == 0) {
                String jarId = flink.uploadJar();
                jarIds.add(jarId);
                flink.deleteJar(jarIds.remove(0));
                flink.run(jarId, FlinkRest.BATCH_JOB);
                String next = flink.run(jarId, FlinkRest.STREAMING_JOB);
                flink.cancel(replaced);
                replaced = next;
            }
            if (second % 600 == 0 || second == seconds) {
                sample(emulator, uploads, second);
            }
        }
    }

    private void sample(Servers.Started emulator, Path uploads, long second) {
        String base = emulator.baseUrl();
        Http.Reply journal = http.get(base + "/_emulator/journal").expect(200);
        int jarsListed = http.get(base + "/jars").expect(200).occurrences("\"uploaded\"");
        int jobsListed = http.get(base + "/jobs").expect(200).occurrences("\"status\"");
        long pending = http.get(base + "/_emulator/clock").expect(200).number("pendingEvents");
        soak.add(new Sample(second, emulator.process().footprint(), journal.occurrences("\"sequence\""), jarsListed,
                directoryBytes(uploads), jobsListed, pending));
    }

    private boolean withinBounds() {
        return soak.stream().allMatch(s -> s.journalEntries() <= JOURNAL_CAPACITY
                && s.uploadBytes() <= JAR_STORE_CAPACITY && s.jars() == jars + 1);
    }

    private void writeSection() {
        List<List<String>> soakRows = new ArrayList<>();
        for (Sample s : soak) {
            soakRows.add(List.of(Long.toString(s.emulatedSeconds() / 60), Report.mib(s.footprint().rssMib()),
                    Integer.toString(s.footprint().threads()), Report.number(s.journalEntries()),
                    Report.number(s.jars()), Report.number(s.uploadBytes()), Report.number(s.jobs()),
                    Report.number(s.pendingEvents())));
        }
        report.section("Memory", """
                Resident set size (`VmRSS` from `/proc`) of each server process. "Recommended JVM options" are \
                `%s`. The loaded emulators hold %,d jobs (one in ten running, one in a hundred checkpointing every \
                10 s) and %,d uploaded jars (manual clock, instant timing).

                """.formatted(String.join(" ", Servers.RECOMMENDED_JVM_OPTIONS), jobs, jars)
                + Report.table(List.of("server and state", "RSS", "threads"), rows) + """

                **Soak**: the loaded emulator with the recommended options then runs one hour of emulated time, a \
                second per step: every step advances the clock and reads two jobs; every 10 s a jar is uploaded \
                and the oldest one deleted, a batch job runs and a streaming job replaces the previous one. The \
                documented bounds are %,d journal entries (`--journal-capacity`) and 1 GiB of stored jars; the \
                number of jars stays at %,d plus the one the soak uploads to find the upload directory.

                """.formatted(JOURNAL_CAPACITY, jars)
                + Report.table(List.of("emulated minute", "RSS", "threads", "journal entries", "jars",
                        "upload dir bytes", "jobs", "pending clock events"), soakRows));
    }

    private double idleMib(String server) {
        return idle.stream().filter(entry -> entry.server().equals(server)).findFirst().orElseThrow()
                .footprint().rssMib();
    }

    private void row(String what, ServerProcess.Footprint footprint) {
        rows.add(List.of(what, Report.mib(footprint.rssMib()), Integer.toString(footprint.threads())));
    }

    private static long directoryBytes(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // deleted while we looked
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
