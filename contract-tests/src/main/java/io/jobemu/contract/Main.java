package io.jobemu.contract;

import io.jobemu.contract.report.ConsoleReport;
import io.jobemu.contract.report.Report;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The command line: checks the server at a base URL against an API's OpenAPI document and prints a
 * per-operation table. Exit status 0 when nothing failed, 1 when something did, 2 for a bad command line.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar contract-tests.jar --api flink|jobserver|streamkap --base-url URL [options]

              --token TOKEN              send "Authorization: Bearer TOKEN"
              --client-id ID --secret S  Streamkap: get an access token with these client credentials
              --basic-auth USER:PASS     HTTP Basic authentication (spark-jobserver)
              --allow-writes             upload, run, cancel and delete (only what the run itself creates);
                                         the default for a loopback base URL, off for any other host
              --read-only                never change anything, even on loopback
              --allow-shutdown           also call operations that shut the server down (DELETE /cluster)
              --report DIR               write TEST-contract-<api>.xml (JUnit) and contract-<api>.json there
              --spec FILE                check against this OpenAPI 3.0 document instead of the packaged one
              --job-jar FILE             spark-jobserver: upload this jar (job-server-tests, with WordCountExample
                                         and LongPiJob) instead of an empty one
              --exclude OPERATION_ID     never call this operation (repeatable; comma-separated also works)
              --poll-timeout SECONDS     how long to wait for a job or an operation to settle (default 60)
              --help                     this text
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        ContractOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("contract-tests: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options == null) {
            out.print(USAGE);
            return 0;
        }
        Report report = ContractRun.run(options).report();
        ConsoleReport.print(report, out);
        options.reportDir().ifPresent(dir -> out.println("Reports written to " + dir.toAbsolutePath()));
        return report.hasFailures() ? 1 : 0;
    }

    /** Null when help was asked for. */
    static ContractOptions parse(String[] args) {
        Deque<String> queue = new ArrayDeque<>(Arrays.asList(args));
        String api = null;
        String baseUrl = null;
        String clientId = null;
        String secret = null;
        Boolean writes = null;
        List<Consumer<ContractOptions.Builder>> settings = new ArrayList<>();
        while (!queue.isEmpty()) {
            String option = queue.poll();
            switch (option) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--api" -> api = value(queue, option);
                case "--base-url" -> baseUrl = value(queue, option);
                case "--token" -> {
                    String token = value(queue, option);
                    settings.add(b -> b.token(token));
                }
                case "--client-id" -> clientId = value(queue, option);
                case "--secret", "--client-secret" -> secret = value(queue, option);
                case "--basic-auth" -> {
                    String credentials = value(queue, option);
                    if (!credentials.contains(":")) {
                        throw new IllegalArgumentException("--basic-auth needs USER:PASSWORD");
                    }
                    settings.add(b -> b.basicAuth(credentials));
                }
                case "--allow-writes" -> writes = conflict(writes, true);
                case "--read-only" -> writes = conflict(writes, false);
                case "--allow-shutdown" -> settings.add(b -> b.allowShutdown(true));
                case "--report" -> {
                    Path dir = Path.of(value(queue, option));
                    settings.add(b -> b.reportDir(dir));
                }
                case "--job-jar" -> {
                    Path file = Path.of(value(queue, option));
                    if (!Files.isReadable(file)) {
                        throw new IllegalArgumentException("--job-jar: cannot read " + file);
                    }
                    settings.add(b -> b.jobJar(file));
                }
                case "--spec" -> {
                    Path file = Path.of(value(queue, option));
                    settings.add(b -> b.specFile(file));
                }
                case "--exclude" -> {
                    for (String id : value(queue, option).split(",")) {
                        if (!id.isBlank()) {
                            settings.add(b -> b.exclude(id.trim(), "--exclude"));
                        }
                    }
                }
                case "--poll-timeout" -> {
                    Duration timeout = Duration.ofSeconds(number(value(queue, option), option));
                    settings.add(b -> b.pollTimeout(timeout));
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (api == null || baseUrl == null) {
            throw new IllegalArgumentException("--api and --base-url are required");
        }
        if ((clientId == null) != (secret == null)) {
            throw new IllegalArgumentException("--client-id and --secret go together");
        }
        ContractOptions.Builder builder = ContractOptions.builder(Api.fromCliName(api), baseUrl);
        settings.forEach(setting -> setting.accept(builder));
        if (clientId != null) {
            builder.clientCredentials(clientId, secret);
        }
        if (writes != null) {
            builder.allowWrites(writes);
        }
        return builder.build();
    }

    private static Boolean conflict(Boolean current, boolean wanted) {
        if (current != null && current != wanted) {
            throw new IllegalArgumentException("--allow-writes and --read-only contradict each other");
        }
        return wanted;
    }

    private static String value(Deque<String> queue, String option) {
        String value = queue.poll();
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static long number(String text, String option) {
        try {
            long value = Long.parseLong(text);
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a positive whole number, got " + text);
        }
    }
}
