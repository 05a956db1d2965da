package io.jobemu.contract;

import io.jobemu.contract.report.ConsoleReport;
import io.jobemu.contract.report.JsonReport;
import io.jobemu.contract.report.Report;
import io.jobemu.contract.spec.SpecException;
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
 * per-operation table (or the JSON report). Exit status: 0 nothing failed, 1 a check failed, 2 a bad command line,
 * and when the run stops before its first check, the {@link Stopped.Reason}'s: 3 cannot connect, 4 TLS failed,
 * 5 not a server of that API, 6 credentials missing or refused. Each of those prints one line.
 */
public final class Main {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

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
              --allow-not-exercised      go ahead without the credentials the API needs (Streamkap): only the
                                         checks that need none run; without it such a run fails with exit 6
              --format table|json        the console table (default, 120 columns) or the JSON report on stdout
              --help                     this text

            exit status: 0 nothing failed, 1 a check failed, 2 bad command line, 3 cannot connect,
                         4 TLS failed, 5 not a server of that API, 6 credentials missing or refused
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        boolean json;
        ContractOptions options;
        try {
            json = "json".equals(format(arguments));
            options = parse(arguments.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            err.println("contract-tests: " + e.getMessage() + " (see --help)");
            return EXIT_USAGE;
        }
        if (options == null) {
            out.print(USAGE);
            return EXIT_OK;
        }
        ContractRun.Outcome outcome;
        try {
            outcome = ContractRun.run(options);
        } catch (SpecException e) {
            err.println("contract-tests: " + e.getMessage());
            return EXIT_USAGE;
        }
        Report report = outcome.report();
        if (json) {
            out.println(JsonReport.render(report).toPrettyString());
        }
        if (outcome.stopped().isPresent()) {
            err.println("contract-tests: " + outcome.stopped().get().message());
            return outcome.stopped().get().reason().exitStatus();
        }
        if (!json) {
            ConsoleReport.print(report, out);
            options.reportDir().ifPresent(dir -> out.println("Reports written to " + dir.toAbsolutePath()));
        }
        return report.hasFailures() ? EXIT_FAILED : EXIT_OK;
    }

    /** Takes {@code --format table|json} out of the arguments; table when absent. */
    private static String format(List<String> arguments) {
        int at = arguments.indexOf("--format");
        if (at < 0) {
            return "table";
        }
        arguments.remove(at);
        String value = at < arguments.size() ? arguments.remove(at) : "";
        if (!value.equals("table") && !value.equals("json")) {
            throw new IllegalArgumentException("--format must be table or json, got \"" + value + "\"");
        }
        return value;
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
                case "--allow-not-exercised" -> settings.add(b -> b.allowNotExercised(true));
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
