package io.jobemu.bench;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Slow clients against normal traffic: 500 connections upload a jar at one byte a second (the shape that used to
 * take a worker thread each) while a few clients send normal requests as fast as they are answered (a status read
 * answered on the I/O thread, a jar run answered by a worker, the control API's health). The normal requests'
 * latency is measured with and without the slow clients; the goal is a p99 under 50 ms with them. Writes
 * benchmarks/results/SLOW_CLIENTS.md.
 *
 * <p>Usage: {@code SlowClientsBench <repo root> [--quick]}
 */
public final class SlowClientsBench {

    private static final int SLOW_CLIENTS = 500;
    private static final int NORMAL_CLIENTS = 4;
    private static final double P99_GOAL_MILLIS = 50;
    private static final String RUN = "{\"entryClass\":\"" + FlinkRest.STREAMING_JOB + "\",\"parallelism\":1}";

    private final Settings settings;
    private final Http http = new Http();

    private SlowClientsBench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromArgs(args);
        Files.createDirectories(settings.work());
        new SlowClientsBench(settings).run();
    }

    private void run() throws Exception {
        Duration measured = Duration.ofSeconds(settings.count(60, 10));
        String loadBefore = Bench.loadAverage();
        try (Servers.Started emulator = new Servers(settings).emulator(Servers.RECOMMENDED_JVM_OPTIONS, List.of())) {
            String base = emulator.baseUrl();
            FlinkRest rest = new FlinkRest(http, base, Files.readAllBytes(settings.jobJar()));
            String jarId = rest.uploadJar();
            Sample alone = normalTraffic(base, jarId, measured);
            List<Socket> slow = new ArrayList<>();
            AtomicBoolean dripping = new AtomicBoolean(true);
            Thread drip;
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    slow.add(startSlowUpload(base));
                }
                drip = new Thread(() -> drip(slow, dripping), "slow-clients");
                drip.start();
                Sample withSlow = normalTraffic(base, jarId, measured);
                dripping.set(false);
                drip.join();
                int stillOpen = (int) slow.stream().filter(socket -> !socket.isClosed()).count();
                write(alone, withSlow, stillOpen, measured, loadBefore, Bench.loadAverage());
            } finally {
                dripping.set(false);
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    /** Latencies and failures of the normal requests. */
    private record Sample(List<Double> millis, int failures) {
    }

    private Sample normalTraffic(String base, String jarId, Duration duration) throws Exception {
        List<String> reads = List.of(base + "/jobs/overview", base + "/_emulator/health", base + "/config");
        ExecutorService clients = Executors.newFixedThreadPool(NORMAL_CLIENTS);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Sample>> results = new ArrayList<>();
        for (int client = 0; client < NORMAL_CLIENTS; client++) {
            int offset = client;
            results.add(clients.submit(() -> {
                List<Double> millis = new ArrayList<>();
                int failures = 0;
                for (int i = offset; System.nanoTime() < end; i++) {
                    long start = System.nanoTime();
                    Http.Reply reply = i % 4 == 3
                            ? http.post(base + "/jars/" + jarId + "/run", RUN)
                            : http.get(reads.get(i % 4 % reads.size()));
                    millis.add((System.nanoTime() - start) / 1e6);
                    if (reply.status() != 200) {
                        failures++;
                    }
                }
                return new Sample(millis, failures);
            }));
        }
        List<Double> all = new ArrayList<>();
        int failures = 0;
        for (Future<Sample> result : results) {
            all.addAll(result.get().millis());
            failures += result.get().failures();
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.MINUTES);
        return new Sample(Collections.unmodifiableList(all), failures);
    }

    /** A multipart jar upload announcing a megabyte, of which only the headers are sent now. */
    private static Socket startSlowUpload(String base) throws IOException {
        URI uri = URI.create(base);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.getOutputStream().write(("POST /jars/upload HTTP/1.1\r\nHost: " + uri.getAuthority()
                + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1048576\r\n\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"slow.jar\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** One more byte on every slow upload each second. */
    private static void drip(List<Socket> slow, AtomicBoolean dripping) {
        while (dripping.get()) {
            for (Socket socket : slow) {
                try {
                    socket.getOutputStream().write('x');
                } catch (IOException e) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // already gone
                    }
                }
            }
            ServerProcess.sleep(1000);
        }
    }

    private void write(Sample alone, Sample withSlow, int stillOpen, Duration measured, String loadBefore,
                       String loadAfter) throws IOException {
        Stats before = Stats.of(alone.millis());
        Stats during = Stats.of(withSlow.millis());
        String text = String.format(Locale.ROOT, """
                # Slow clients against normal traffic

                Run %s UTC on %d cores, load average %s before and %s after (numbers taken on a loaded machine
                are not comparable). %d normal clients for %d s each phase; %d slow uploads at one byte a second.

                | normal requests | count | failures | p50 ms | p99 ms | max ms |
                | --- | ---: | ---: | ---: | ---: | ---: |
                | alone | %d | %d | %.2f | %.2f | %.2f |
                | with %d slow uploads | %d | %d | %.2f | %.2f | %.2f |

                Slow uploads still connected at the end: %d of %d. Goal: p99 under %.0f ms with the slow clients: %s.
                """,
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, NORMAL_CLIENTS,
                measured.toSeconds(), SLOW_CLIENTS,
                before.count(), alone.failures(), before.median(), before.percentile(99), before.max(),
                SLOW_CLIENTS, during.count(), withSlow.failures(), during.median(), during.percentile(99),
                during.max(), stillOpen, SLOW_CLIENTS, P99_GOAL_MILLIS,
                during.percentile(99) < P99_GOAL_MILLIS ? "met" : "missed");
        Path results = settings.results().resolveSibling("SLOW_CLIENTS.md");
        Files.writeString(results, text);
        System.out.print(text);
    }
}
