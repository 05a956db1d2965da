package io.jobemu;

import io.jobemu.core.Limits;
import io.jobemu.core.clock.EmulatorClock;
import io.jobemu.core.control.ControlAccess;
import io.jobemu.flink.TimingProfile;
import io.jobemu.jobserver.JobserverSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Command line: parses options into an {@link EmulatorConfig}, starts the {@link Emulator}, prints its URLs. */
public final class Main {

    static final int EXIT_USAGE = 2;
    static final int EXIT_START_FAILED = 1;

    private static final String USAGE = """
            Usage: java -jar emulator.jar [options]

            Serves emulated job-submission REST APIs, each on its own port, until stopped.

            Options:
              --flink-port N        Flink JobManager REST API port (default 8081; 0 picks a free port)
              --jobserver-port N    spark-jobserver API port (default 8090; 0 picks a free port)
              --streamkap-port N    Streamkap API port (default 8080; 0 picks a free port)
              --streamkap-client-id ID  client id Streamkap's /auth/access-token accepts
                                    (default jobemu-client-id)
              --streamkap-secret S  the matching secret (default jobemu-secret)
              --host ADDRESS        address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
              --advertise-host NAME host name in the URLs printed and in /_emulator/health (default:
                                    the bind address; localhost when bound to every interface)
              --clock MODE          real (default) or manual (time moves only via /_emulator/clock)
              --timing PROFILE      realistic (default: lifecycles take about as long as on a real
                                    cluster) or instant (every lifecycle step is immediate)
              --seed N              derive every generated id from N, so runs repeat exactly
              --journal-capacity N  requests kept in the journal (default 10000)
              --journal-entry-bytes SIZE  bytes of headers and body recorded per request (default 64k)
              --journal-bytes SIZE  bytes of headers and bodies the journal keeps in all (default 32m)
              --jobserver-user NAME:PASSWORD  turns spark-jobserver's Basic authentication on for this
                                    user, with every permission; repeat for more users
              --control-token TOKEN  every control request (/_emulator/...) must then carry TOKEN in
                                    the X-Emulator-Control-Token header; use one whenever the ports
                                    leave the machine (default: the JOBEMU_CONTROL_TOKEN environment
                                    variable, else none)
              --control-allow-origin ORIGIN  lets web pages from ORIGIN (e.g. http://localhost:3000, or *
                                    for any) use the control API; repeat for more (default: none)

            Limits (SIZE is bytes, or a number with k, m or g for KiB, MiB, GiB):
              --flink-max-content-length SIZE  largest Flink request body, as Flink's
                                    rest.server.max-content-length (default 100m)
              --flink-jar-store-bytes SIZE     all stored jars together (default 1g)
              --flink-max-jars N    jars stored at once (default 10000)
              --jobserver-max-content-length SIZE  largest spark-jobserver request body, as akka's
                                    parsing.max-content-length (default 30m)
              --jobserver-max-binaries N  binary uploads kept at once (default 10000)
              --streamkap-max-content-length SIZE  largest Streamkap request body (default 100m)
              --max-namespaces N    namespaces that can exist at once (default 256)
              --ready-file PATH     once every API listens, write the lines printed above (one per API
                                    with its URL, then ready) to PATH, for health checks and scripts
              --help                print this help and exit
            """;

    private Main() {
    }

    /** The environment variable a container passes the control token in (an option would show in {@code ps}). */
    static final String CONTROL_TOKEN_VARIABLE = "JOBEMU_CONTROL_TOKEN";

    public static void main(String[] args) {
        configureLogging();
        EmulatorConfig config;
        Path readyFile;
        try {
            List<String> options = new ArrayList<>(List.of(args));
            readyFile = takeReadyFile(options);
            config = parse(options, System.getenv());
        } catch (HelpRequested e) {
            System.out.print(USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + " (--help lists the options)");
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            Emulator emulator = Emulator.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
            printReady(emulator, System.out);
            if (readyFile != null) {
                writeReadyFile(emulator, readyFile);
            }
        } catch (BindException e) {
            System.err.println("error: " + bindFailure(config, e));
            System.exit(EXIT_START_FAILED);
        } catch (IOException e) {
            System.err.println("error: cannot write the ready file: " + e);
            System.exit(EXIT_START_FAILED);
        } catch (RuntimeException e) {
            System.err.println("error: the emulator could not start: " + e);
            System.exit(EXIT_START_FAILED);
        }
    }

    /**
     * The runnable jar's own logging (the library sets none): Undertow's jboss-logging goes to the bundled
     * slf4j-simple, which shows warnings and errors on stderr unless {@code -Dorg.slf4j.simpleLogger.*} says more
     * (e.g. {@code -Dorg.slf4j.simpleLogger.log.io.jobemu=debug} shows every job transition).
     */
    private static void configureLogging() {
        setIfAbsent("org.jboss.logging.provider", "slf4j");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static final Pattern API_IN_BIND_MESSAGE = Pattern.compile("the (flink|jobserver|streamkap) API");

    /**
     * One line that names the option to change: the API's port option when the port is taken or privileged, the
     * host option when no interface of this machine has the address.
     */
    static String bindFailure(EmulatorConfig config, BindException e) {
        Matcher api = API_IN_BIND_MESSAGE.matcher(String.valueOf(e.getMessage()));
        if (!api.find()) {
            return String.valueOf(e.getMessage());
        }
        String name = api.group(1);
        int port = switch (name) {
            case "flink" -> config.flinkPort();
            case "jobserver" -> config.jobserverPort();
            default -> config.streamkapPort();
        };
        String reason = String.valueOf(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException && cause.getMessage() != null) {
                reason = cause.getMessage();
            }
        }
        String where = "cannot bind the " + name + " API to " + config.host() + ":" + port + ": ";
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("assign requested address") || lower.contains("not available")) {
            return "--host " + config.host() + ": " + where + "no interface of this machine has that address";
        }
        String option = "--" + name + "-port " + port + ": " + where;
        if (lower.contains("in use")) {
            return option + "the port is already in use";
        }
        if (lower.contains("permission denied") || lower.contains("access denied")) {
            return option + "permission denied (ports below 1024 need privileges)";
        }
        return option + reason;
    }

    static void printReady(Emulator emulator, PrintStream out) {
        out.print(readyLines(emulator));
        out.flush();
    }

    /** One line per API with its base URL, then {@code ready}. */
    private static String readyLines(Emulator emulator) {
        StringBuilder lines = new StringBuilder();
        emulator.baseUrls().forEach((api, url) -> lines.append(String.format("%-10s %s%n", api, url)));
        return lines.append("ready").append(System.lineSeparator()).toString();
    }

    /** Removes {@code --ready-file PATH} (or {@code =PATH}) from {@code options}; returns the path, or null. */
    static Path takeReadyFile(List<String> options) {
        Path path = null;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("--ready-file")) {
                if (i + 1 == options.size() || options.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException("--ready-file needs a value");
                }
                path = Path.of(options.get(i + 1));
                options.subList(i, i + 2).clear();
                i--;
            } else if (option.startsWith("--ready-file=")) {
                path = Path.of(option.substring("--ready-file=".length()));
                options.remove(i--);
            }
        }
        return path;
    }

    /** Written beside its final name, then moved there: a reader never sees half a file. */
    private static void writeReadyFile(Emulator emulator, Path readyFile) throws IOException {
        Path absolute = readyFile.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.writeString(partial, readyLines(emulator), StandardCharsets.UTF_8);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static EmulatorConfig parse(List<String> args) {
        return parse(args, Map.of());
    }

    /** @param environment where {@value #CONTROL_TOKEN_VARIABLE} is read; {@code --control-token} wins over it */
    static EmulatorConfig parse(List<String> args, Map<String, String> environment) {
        EmulatorConfig config = EmulatorConfig.defaults();
        String controlToken = environment.get(CONTROL_TOKEN_VARIABLE);
        List<String> allowedOrigins = new ArrayList<>();
        int flinkPort = config.flinkPort();
        int jobserverPort = config.jobserverPort();
        int streamkapPort = config.streamkapPort();
        Limits.Builder limits = config.limits().toBuilder();
        List<JobserverSettings.User> jobserverUsers = new ArrayList<>();
        Deque<String> rest = new ArrayDeque<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                throw new HelpRequested();
            }
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument \"" + arg + "\"");
            }
            switch (name) {
                case "--flink-port" -> flinkPort = port(name, value(name, inlineValue, rest));
                case "--jobserver-port" -> jobserverPort = port(name, value(name, inlineValue, rest));
                case "--streamkap-port" -> streamkapPort = port(name, value(name, inlineValue, rest));
                case "--host" -> config = config.withHost(host(name, value(name, inlineValue, rest)));
                case "--advertise-host" -> config = config.withAdvertiseHost(value(name, inlineValue, rest));
                case "--journal-entry-bytes" -> config = config.withJournal(config.journal().withEntryBytes(
                        (int) Math.min(Integer.MAX_VALUE, size(name, value(name, inlineValue, rest)))));
                case "--journal-bytes" -> config = config.withJournal(config.journal().withTotalBytes(
                        size(name, value(name, inlineValue, rest))));
                case "--streamkap-client-id" -> config = config.withStreamkapCredentials(
                        config.streamkapCredentials().withClientId(nonEmpty(name, value(name, inlineValue, rest))));
                case "--streamkap-secret" -> config = config.withStreamkapCredentials(
                        config.streamkapCredentials().withSecret(nonEmpty(name, value(name, inlineValue, rest))));
                case "--clock" -> config = config.withClockMode(
                        choice(name, value(name, inlineValue, rest), EmulatorClock.Mode.class));
                case "--timing" -> config = config.withTiming(
                        choice(name, value(name, inlineValue, rest), TimingProfile.class));
                case "--seed" -> config = config.withSeed(number(name, value(name, inlineValue, rest)));
                case "--journal-capacity" -> {
                    long capacity = number(name, value(name, inlineValue, rest));
                    if (capacity < 1 || capacity > 10_000_000) {
                        throw new IllegalArgumentException(name + " must be between 1 and 10000000, got "
                                + capacity);
                    }
                    config = config.withJournalCapacity((int) capacity);
                }
                case "--jobserver-user" -> jobserverUsers.add(user(name, value(name, inlineValue, rest)));
                case "--control-token" -> {
                    controlToken = value(name, inlineValue, rest);
                    if (controlToken.isEmpty()) {
                        throw new IllegalArgumentException(name + " must not be empty");
                    }
                }
                case "--control-allow-origin" -> allowedOrigins.add(value(name, inlineValue, rest));
                case "--flink-max-content-length" -> limits.flinkMaxContentLength(
                        size(name, value(name, inlineValue, rest)));
                case "--flink-jar-store-bytes" -> limits.flinkJarStoreBytes(size(name, value(name, inlineValue, rest)));
                case "--flink-max-jars" -> limits.flinkMaxJars(count(name, value(name, inlineValue, rest)));
                case "--jobserver-max-content-length" -> limits.jobserverMaxContentLength(
                        size(name, value(name, inlineValue, rest)));
                case "--jobserver-max-binaries" -> limits.jobserverMaxBinaries(
                        count(name, value(name, inlineValue, rest)));
                case "--streamkap-max-content-length" -> limits.streamkapMaxContentLength(
                        size(name, value(name, inlineValue, rest)));
                case "--max-namespaces" -> limits.maxNamespaces(count(name, value(name, inlineValue, rest)));
                default -> throw new IllegalArgumentException("unknown option \"" + name + "\"");
            }
        }
        distinctPorts(Map.of("--flink-port", flinkPort, "--jobserver-port", jobserverPort,
                "--streamkap-port", streamkapPort));
        if (!jobserverUsers.isEmpty()) {
            config = config.withJobserverSettings(config.jobserverSettings().withAuthentication(jobserverUsers));
        }
        ControlAccess access = ControlAccess.LOCAL_ONLY.withAllowedOrigins(allowedOrigins);
        if (controlToken != null && !controlToken.isEmpty()) {
            access = access.withToken(controlToken);
        }
        return config.withPorts(flinkPort, jobserverPort, streamkapPort).withLimits(limits.build())
                .withControlAccess(access);
    }

    private static String value(String name, String inlineValue, Deque<String> rest) {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (rest.isEmpty() || rest.peekFirst().startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return rest.removeFirst();
    }

    /** Two APIs cannot share a port (0, a free port each, is the exception): caught before anything binds. */
    private static void distinctPorts(Map<String, Integer> ports) {
        Map<Integer, String> taken = new HashMap<>();
        for (String option : List.of("--flink-port", "--jobserver-port", "--streamkap-port")) {
            int port = ports.get(option);
            String other = port == 0 ? null : taken.putIfAbsent(port, option);
            if (other != null) {
                throw new IllegalArgumentException(option + " " + port + " is also " + other
                        + "'s port: each API needs a port of its own");
            }
        }
    }

    /** An address literal or a name this machine resolves; anything else could never be bound. */
    private static String host(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        try {
            InetAddress.getByName(value);
            return value;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(name + " \"" + value + "\" is neither an IP address nor a host name "
                    + "this machine can resolve");
        }
    }

    private static String nonEmpty(String name, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    private static int port(String name, String value) {
        long port = number(name, value);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be a port between 0 and 65535, got " + value);
        }
        return (int) port;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got \"" + value + "\"");
        }
    }

    /** {@code NAME:PASSWORD}, split at the first colon (a password may hold more); no permissions listed means all. */
    private static JobserverSettings.User user(String name, String value) {
        int colon = value.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException(name + " must be NAME:PASSWORD, got \"" + value + "\"");
        }
        return new JobserverSettings.User(value.substring(0, colon), value.substring(colon + 1), List.of());
    }

    /** A count from 1 up. */
    private static int count(String name, String value) {
        long count = number(name, value);
        if (count < 1 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 and " + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) count;
    }

    /** Bytes, or a whole number followed by k, m or g (KiB, MiB, GiB), as akka and HOCON write sizes. */
    private static long size(String name, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        int shift = lower.isEmpty() ? 0 : switch (lower.charAt(lower.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? lower : lower.substring(0, lower.length() - 1);
        long bytes;
        try {
            bytes = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        if (bytes < 1 || bytes > Long.MAX_VALUE >> shift) {
            throw new IllegalArgumentException(name + " must be a size of at least 1 byte (a whole number of "
                    + "bytes, or with k, m or g), got \"" + value + "\"");
        }
        return bytes << shift;
    }

    private static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : " or ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException(name + " must be " + allowed + ", got \"" + value + "\"");
        }
    }

    /** --help: not an error, but it ends parsing. */
    private static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
