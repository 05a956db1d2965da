package io.jobemu.bench;

import io.jobemu.Emulator;
import io.jobemu.EmulatorConfig;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs in a fresh JVM: times {@code Emulator.start(EmulatorConfig.forTests())} as the JUnit extension calls it, the
 * first time (classes still to load) and then again in the same JVM (what every later test class pays), and the
 * first request. Prints one {@code key=value} line.
 *
 * <p>Usage: {@code InProcessStart <later starts>}
 */
public final class InProcessStart {

    private InProcessStart() {
    }

    public static void main(String[] args) throws Exception {
        int laterStarts = Integer.parseInt(args[0]);
        long started = System.nanoTime();
        Emulator first = Emulator.start(EmulatorConfig.forTests());
        long ready = System.nanoTime();
        int status = get(first.flinkUrl() + "/overview");
        long answered = System.nanoTime();
        first.close();
        if (status != 200) {
            throw new IllegalStateException("GET /overview answered " + status);
        }
        List<Double> later = new ArrayList<>();
        for (int i = 0; i < laterStarts; i++) {
            long t0 = System.nanoTime();
            Emulator emulator = Emulator.start(EmulatorConfig.forTests());
            later.add((System.nanoTime() - t0) / 1e6);
            emulator.close();
        }
        System.out.printf("first_start_ms=%.2f first_request_ms=%.2f later_start_median_ms=%.2f%n",
                (ready - started) / 1e6, (answered - ready) / 1e6, Stats.of(later).median());
    }

    private static int get(String url) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        try (InputStream body = connection.getInputStream()) {
            body.readAllBytes();
            return connection.getResponseCode();
        }
    }
}
