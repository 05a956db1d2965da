package io.jobemu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the load generator {@code wrk} (Debian's package) against one URL and reads its report. */
final class Wrk {

    /** What wrk measured; latencies in milliseconds. {@code errors} counts socket errors and non-2xx/3xx answers. */
    record Result(double requestsPerSecond, double p50, double p90, double p99, double max, long requests,
                  long errors, String report) {
    }

    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern LATENCY = Pattern.compile(
            "^\\s*Latency\\s+[\\d.]+\\w+\\s+[\\d.]+\\w+\\s+([\\d.]+)(us|ms|s)", Pattern.MULTILINE);
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([\\d.]+)", Pattern.MULTILINE);
    private static final Pattern COUNT = Pattern.compile("^\\s*(\\d+) requests in", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    static Result run(String url, int connections, Duration duration) {
        int threads = Math.min(connections, 2);
        List<String> command = List.of("wrk", "-t", Integer.toString(threads), "-c", Integer.toString(connections),
                "-d", duration.toSeconds() + "s", "--timeout", "5s", "--latency", url);
        String report = execute(command, duration.plusSeconds(30));
        return parse(report);
    }

    private static String execute(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not finish in " + timeout + ": " + command);
            }
            String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + report);
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run wrk (is the Debian package installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Result parse(String report) {
        double[] percentiles = new double[100];
        Matcher matcher = PERCENTILE.matcher(report);
        while (matcher.find()) {
            percentiles[Integer.parseInt(matcher.group(1))] = millis(matcher.group(2), matcher.group(3));
        }
        Matcher latency = LATENCY.matcher(report);
        double max = latency.find() ? millis(latency.group(1), latency.group(2)) : Double.NaN;
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(report);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(report);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        return new Result(number(RATE, report), percentiles[50], percentiles[90], percentiles[99], max,
                (long) number(COUNT, report), errors, report);
    }

    private static double number(Pattern pattern, String report) {
        Matcher matcher = pattern.matcher(report);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected wrk report: " + report);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static double millis(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> number / 1000;
            case "s" -> number * 1000;
            default -> number;
        };
    }
}
