package io.jobemu.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server under test in its own process: launched, timed from launch to a stdout line or a first HTTP 200, sized
 * from {@code /proc}, and stopped. Every wait is bounded.
 */
final class ServerProcess implements AutoCloseable {

    /** When a stdout line was read, in nanoseconds since launch. */
    record Line(long atNanos, String text) {
    }

    /** Resident memory and thread count, from {@code /proc/<pid>/status}. */
    record Footprint(long rssKib, int threads) {

        double rssMib() {
            return rssKib / 1024.0;
        }
    }

    private static final long POLL_MILLIS = 5;

    private final String name;
    private final Process process;
    private final long launchedAt;
    private final List<Line> lines = new ArrayList<>();
    private final boolean killOnClose;

    private ServerProcess(String name, Process process, long launchedAt, boolean killOnClose) {
        this.name = name;
        this.process = process;
        this.launchedAt = launchedAt;
        this.killOnClose = killOnClose;
        Thread reader = new Thread(this::readStdout, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code command}; stderr goes to {@code stderrFile}. {@code killOnClose} ends it with SIGKILL instead of
     * SIGTERM (Flink's MiniCluster can hang in its shutdown hooks).
     */
    static ServerProcess launch(String name, List<String> command, Path stderrFile, boolean killOnClose) {
        try {
            Files.createDirectories(stderrFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(stderrFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            long launchedAt = System.nanoTime();
            return new ServerProcess(name, builder.start(), launchedAt, killOnClose);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + name + ": " + command, e);
        }
    }

    /** Waits for the first stdout line that matches; returns it with its time since launch. */
    Line awaitLine(Predicate<String> matcher, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (matcher.test(lines.get(seen).text())) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && seen == lines.size()) {
                    throw new IllegalStateException(name + " printed no matching line within " + timeout
                            + (process.isAlive() ? "" : " (it exited)") + "; stdout: " + lines);
                }
                try {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    /** Polls {@code url} every 5 ms until it answers 200; returns milliseconds since launch. */
    double millisUntilOk(Http http, String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!http.answers(url)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException(name + " did not answer 200 on " + url + " within " + timeout
                        + (process.isAlive() ? "" : " (it exited)"));
            }
            sleep(POLL_MILLIS);
        }
        return (System.nanoTime() - launchedAt) / 1e6;
    }

    Footprint footprint() {
        try {
            long rss = 0;
            int threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            return new Footprint(rss, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footprint of " + name, e);
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (killOnClose) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                long at = System.nanoTime() - launchedAt;
                synchronized (lines) {
                    lines.add(new Line(at, text));
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended; awaitLine reports what it printed
        }
        synchronized (lines) {
            lines.notifyAll();
        }
    }
}
